/**
 * A value built from an OpenAPI 3 schema alone, as a client reading only the document would
 * build it: the schema's own `example` where it has one, else the first of its `enum`, else a
 * value of its type within its limits (lengths, minimum and maximum, item counts, formats).
 * Objects get every required property and, with `optionalProperties: 'all'`, the optional
 * ones too. A string with a `pattern` and no `example` has no value we could guess: that is an
 * error, so the document must give one (docs/api.md, OpenAPI).
 *
 * Small on purpose: the schemas of the gateway use only these keywords, and an unknown keyword
 * that would constrain the value is an error, not ignored, so the sample never silently breaks
 * a rule the document states.
 */

/** A schema object or reference of the document, untyped: the document is read as JSON. */
export type OpenApiSchema = Readonly<Record<string, unknown>>;

export interface OpenApiSampleOptions {
  /** The document's `components.schemas`, to resolve `#/components/schemas/…` references. */
  readonly schemas: Readonly<Record<string, OpenApiSchema>>;
  /** 'required' (the default): only required object properties; 'all': every property. */
  readonly optionalProperties?: 'required' | 'all';
  /** The date a `format: date` field without an example gets (YYYY-MM-DD); today by default. */
  readonly today?: string;
}

const REF_PREFIX = '#/components/schemas/';

// Keywords that only describe, or that the generator honours below.
const UNDERSTOOD = new Set([
  '$ref',
  'additionalProperties',
  'allOf',
  'anyOf',
  'default',
  'deprecated',
  'description',
  'enum',
  'example',
  'examples',
  'format',
  'items',
  'maxItems',
  'maxLength',
  'maximum',
  'minItems',
  'minLength',
  'minimum',
  'not',
  'nullable',
  'pattern',
  'properties',
  'readOnly',
  'required',
  'title',
  'type',
  'uniqueItems',
]);

/** A fixed, valid (version 4) UUID: the document says only "a uuid". */
export const SAMPLE_UUID = '3f6c1a52-8d0e-4b7a-9c21-5e4f7a9b0d13';

export class OpenApiSampleError extends Error {}

export function sampleFromSchema(
  schema: OpenApiSchema,
  options: OpenApiSampleOptions,
  at = '#',
): unknown {
  const resolved = flattened(schema, options, at);
  const unknown = Object.keys(resolved).filter((key) => !UNDERSTOOD.has(key));
  if (unknown.length > 0) {
    throw new OpenApiSampleError(
      `${at}: cannot build a value for keyword(s) ${unknown.join(', ')}`,
    );
  }
  if (resolved.example !== undefined) {
    return structuredClone(resolved.example);
  }
  if (Array.isArray(resolved.examples) && resolved.examples.length > 0) {
    return structuredClone(resolved.examples[0]);
  }
  if (Array.isArray(resolved.enum)) {
    if (resolved.enum.length === 0) {
      throw new OpenApiSampleError(`${at}: an empty enum allows no value`);
    }
    return resolved.enum[0];
  }
  if (resolved.default !== undefined) {
    return structuredClone(resolved.default);
  }
  switch (resolved.type) {
    case 'object':
      return objectSample(resolved, options, at);
    case 'array':
      return arraySample(resolved, options, at);
    case 'string':
      return stringSample(resolved, options, at);
    case 'integer':
    case 'number':
      return numberSample(resolved, at);
    case 'boolean':
      return true;
    default:
      if (resolved.properties !== undefined) {
        return objectSample(resolved, options, at);
      }
      throw new OpenApiSampleError(`${at}: no type to build a value of`);
  }
}

/** The schema with its `$ref` resolved and its `allOf` merged into one object. */
function flattened(
  schema: OpenApiSchema,
  options: OpenApiSampleOptions,
  at: string,
): OpenApiSchema {
  let current: OpenApiSchema = schema;
  if (typeof current.$ref === 'string') {
    const { $ref, ...beside } = current;
    current = { ...resolve(String($ref), options, at), ...beside };
  }
  if (Array.isArray(current.allOf)) {
    const { allOf, ...beside } = current;
    let merged: Record<string, unknown> = {};
    for (const [index, part] of (allOf as OpenApiSchema[]).entries()) {
      const flat = flattened(part, options, `${at}/allOf/${index}`);
      merged = {
        ...merged,
        ...flat,
        required: [
          ...((merged.required as string[] | undefined) ?? []),
          ...((flat.required as string[] | undefined) ?? []),
        ],
        properties: {
          ...(merged.properties as object | undefined),
          ...(flat.properties as object | undefined),
        },
      };
    }
    current = { ...merged, ...beside };
    if ((current.required as string[]).length === 0) {
      delete (current as Record<string, unknown>).required;
    }
    if (Object.keys(current.properties as object).length === 0) {
      delete (current as Record<string, unknown>).properties;
    }
  }
  if (Array.isArray(current.anyOf)) {
    // One alternative is enough; the first one's requirements are the sample's.
    const { anyOf, ...beside } = current;
    const first = flattened((anyOf as OpenApiSchema[])[0] ?? {}, options, `${at}/anyOf/0`);
    current = {
      ...beside,
      required: [
        ...((beside.required as string[] | undefined) ?? []),
        ...((first.required as string[] | undefined) ?? []),
      ],
    };
  }
  return current;
}

function resolve(ref: string, options: OpenApiSampleOptions, at: string): OpenApiSchema {
  if (!ref.startsWith(REF_PREFIX)) {
    throw new OpenApiSampleError(`${at}: only ${REF_PREFIX}… references are supported`);
  }
  const target = options.schemas[ref.slice(REF_PREFIX.length)];
  if (target === undefined) {
    throw new OpenApiSampleError(`${at}: ${ref} is not in the document`);
  }
  return target;
}

function objectSample(
  schema: OpenApiSchema,
  options: OpenApiSampleOptions,
  at: string,
): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, OpenApiSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  const missing = [...required].filter((name) => properties[name] === undefined);
  if (missing.length > 0 && schema.additionalProperties === false) {
    throw new OpenApiSampleError(`${at}: required ${missing.join(', ')} has no schema`);
  }
  const value: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    // `not: {}`: a property that must never be sent.
    const forbidden =
      property.not !== undefined && Object.keys(property.not as object).length === 0;
    const wanted = required.has(name) || options.optionalProperties === 'all';
    if (wanted && !forbidden) {
      value[name] = sampleFromSchema(property, options, `${at}/properties/${name}`);
    }
  }
  return value;
}

function arraySample(schema: OpenApiSchema, options: OpenApiSampleOptions, at: string): unknown[] {
  if (schema.items === undefined) {
    throw new OpenApiSampleError(`${at}: an array without items`);
  }
  const items = flattened(schema.items as OpenApiSchema, options, `${at}/items`);
  const minItems = Number(schema.minItems ?? 0);
  const maxItems = Number(schema.maxItems ?? Number.POSITIVE_INFINITY);
  // One item shows the item's schema at work; more only where the array asks for more.
  const count = Math.min(Math.max(minItems, 1), maxItems);
  if (Array.isArray(items.enum) && items.example === undefined) {
    if (schema.uniqueItems === true && items.enum.length < count) {
      throw new OpenApiSampleError(`${at}: ${count} unique items from ${items.enum.length} values`);
    }
    return Array.from(
      { length: count },
      (_, index) => (items.enum as unknown[])[index % (items.enum as unknown[]).length],
    );
  }
  const values = Array.from({ length: count }, (_, index) =>
    sampleFromSchema(items, options, `${at}/items/${index}`),
  );
  if (schema.uniqueItems === true && new Set(values.map((v) => JSON.stringify(v))).size < count) {
    throw new OpenApiSampleError(`${at}: cannot build ${count} unique items; give an example`);
  }
  return values;
}

function stringSample(schema: OpenApiSchema, options: OpenApiSampleOptions, at: string): string {
  let value: string;
  switch (schema.format) {
    case 'uuid':
      value = SAMPLE_UUID;
      break;
    case 'date':
      value = options.today ?? new Date().toISOString().slice(0, 10);
      break;
    case 'date-time':
      value = new Date().toISOString();
      break;
    case undefined: {
      if (schema.pattern !== undefined) {
        throw new OpenApiSampleError(
          `${at}: a string with a pattern (${String(schema.pattern)}) needs an example`,
        );
      }
      const minLength = Number(schema.minLength ?? 1);
      value = 'x'.repeat(Math.max(minLength, 1));
      break;
    }
    default:
      throw new OpenApiSampleError(`${at}: format ${String(schema.format)} needs an example`);
  }
  if (schema.pattern !== undefined && !new RegExp(String(schema.pattern), 'u').test(value)) {
    throw new OpenApiSampleError(`${at}: the ${String(schema.format)} value breaks the pattern`);
  }
  const maxLength = Number(schema.maxLength ?? Number.POSITIVE_INFINITY);
  if (value.length > maxLength || value.length < Number(schema.minLength ?? 0)) {
    throw new OpenApiSampleError(`${at}: no ${String(schema.format)} value fits the length limits`);
  }
  return value;
}

function numberSample(schema: OpenApiSchema, at: string): number {
  const minimum = schema.minimum === undefined ? undefined : Number(schema.minimum);
  const maximum = schema.maximum === undefined ? undefined : Number(schema.maximum);
  let value = minimum ?? Math.min(1, maximum ?? 1);
  if (schema.type === 'integer') {
    value = Math.ceil(value);
  }
  if (maximum !== undefined && value > maximum) {
    throw new OpenApiSampleError(`${at}: no ${String(schema.type)} between the limits`);
  }
  return value;
}
