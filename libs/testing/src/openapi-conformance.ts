import type { OpenApiSchema } from './openapi-sample';

const REF_PREFIX = '#/components/schemas/';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Where a value breaks an OpenAPI 3 schema of the document, one line per broken rule (empty when
 * it conforms). For the values a request test takes from the state it prepared (ids, ETags)
 * rather than from the schema: they must still be values the document allows, or the test
 * would prove nothing about the document. The keywords are those of openapi-sample.ts.
 */
export function schemaViolations(
  value: unknown,
  schema: OpenApiSchema,
  schemas: Readonly<Record<string, OpenApiSchema>>,
  at = '',
): string[] {
  if (typeof schema.$ref === 'string') {
    const target = schemas[schema.$ref.slice(REF_PREFIX.length)];
    return target === undefined
      ? [`${at}: ${schema.$ref} is not in the document`]
      : schemaViolations(value, target, schemas, at);
  }
  const found: string[] = [];
  for (const part of (schema.allOf ?? []) as OpenApiSchema[]) {
    found.push(...schemaViolations(value, part, schemas, at));
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((allowed) => allowed === value)) {
    found.push(`${at}: not one of the enum`);
  }
  if (schema.not !== undefined && Object.keys(schema.not as object).length === 0) {
    found.push(`${at}: must not be sent`);
  }
  switch (schema.type) {
    case 'string':
      return [...found, ...stringViolations(value, schema, at)];
    case 'integer':
    case 'number':
      return [...found, ...numberViolations(value, schema, at)];
    case 'boolean':
      return typeof value === 'boolean' ? found : [...found, `${at}: not a boolean`];
    case 'array':
      return [...found, ...arrayViolations(value, schema, schemas, at)];
    case 'object':
      return [...found, ...objectViolations(value, schema, schemas, at)];
    default:
      return schema.properties === undefined
        ? found
        : [...found, ...objectViolations(value, schema, schemas, at)];
  }
}

function stringViolations(value: unknown, schema: OpenApiSchema, at: string): string[] {
  if (typeof value !== 'string') {
    return [`${at}: not a string`];
  }
  const found: string[] = [];
  if (schema.format === 'uuid' && !UUID.test(value)) {
    found.push(`${at}: not a uuid`);
  }
  if (schema.format === 'date' && !DATE.test(value)) {
    found.push(`${at}: not a date`);
  }
  if (schema.pattern !== undefined && !new RegExp(String(schema.pattern), 'u').test(value)) {
    found.push(`${at}: does not match ${String(schema.pattern)}`);
  }
  if (schema.minLength !== undefined && value.length < Number(schema.minLength)) {
    found.push(`${at}: shorter than ${String(schema.minLength)}`);
  }
  if (schema.maxLength !== undefined && value.length > Number(schema.maxLength)) {
    found.push(`${at}: longer than ${String(schema.maxLength)}`);
  }
  return found;
}

function numberViolations(value: unknown, schema: OpenApiSchema, at: string): string[] {
  if (typeof value !== 'number' || (schema.type === 'integer' && !Number.isInteger(value))) {
    return [`${at}: not a${schema.type === 'integer' ? 'n integer' : ' number'}`];
  }
  const found: string[] = [];
  if (schema.minimum !== undefined && value < Number(schema.minimum)) {
    found.push(`${at}: below ${String(schema.minimum)}`);
  }
  if (schema.maximum !== undefined && value > Number(schema.maximum)) {
    found.push(`${at}: above ${String(schema.maximum)}`);
  }
  return found;
}

function arrayViolations(
  value: unknown,
  schema: OpenApiSchema,
  schemas: Readonly<Record<string, OpenApiSchema>>,
  at: string,
): string[] {
  if (!Array.isArray(value)) {
    return [`${at}: not an array`];
  }
  const found: string[] = [];
  if (schema.minItems !== undefined && value.length < Number(schema.minItems)) {
    found.push(`${at}: fewer than ${String(schema.minItems)} items`);
  }
  if (schema.maxItems !== undefined && value.length > Number(schema.maxItems)) {
    found.push(`${at}: more than ${String(schema.maxItems)} items`);
  }
  if (schema.uniqueItems === true) {
    const texts = value.map((item) => JSON.stringify(item));
    if (new Set(texts).size < texts.length) {
      found.push(`${at}: items not unique`);
    }
  }
  value.forEach((item, index) =>
    found.push(
      ...schemaViolations(item, schema.items as OpenApiSchema, schemas, `${at}[${index}]`),
    ),
  );
  return found;
}

function objectViolations(
  value: unknown,
  schema: OpenApiSchema,
  schemas: Readonly<Record<string, OpenApiSchema>>,
  at: string,
): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [`${at}: not an object`];
  }
  const properties = (schema.properties ?? {}) as Record<string, OpenApiSchema>;
  const found: string[] = [];
  for (const name of (schema.required ?? []) as string[]) {
    if (!(name in value)) {
      found.push(`${at}.${name}: required`);
    }
  }
  const alternatives = (schema.anyOf ?? []) as OpenApiSchema[];
  const holds = (alternative: OpenApiSchema) =>
    ((alternative.required ?? []) as string[]).every((name) => name in value);
  if (alternatives.length > 0 && !alternatives.some(holds)) {
    const names = alternatives.flatMap((alternative) => (alternative.required ?? []) as string[]);
    found.push(`${at}: one of ${names.join(', ')} is required`);
  }
  for (const [name, item] of Object.entries(value)) {
    const property = properties[name];
    if (property === undefined) {
      if (schema.additionalProperties === false) {
        found.push(`${at}.${name}: not in the schema`);
      }
      continue;
    }
    found.push(...schemaViolations(item, property, schemas, `${at}.${name}`));
  }
  return found;
}
