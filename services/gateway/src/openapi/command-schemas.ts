import { SCHEMA_REF_PREFIX, type SchemaObject } from './openapi-names';
import * as contracts from '@polku/contracts';
import { fieldDocsOf, ISO_DATE_PATTERN, requiredOneOf } from '@polku/contracts';
import type { MetadataStorage as TransformerMetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage, IS_ISO8601, ValidationTypes } from 'class-validator';
import { validationMetadataArrayToSchemas } from 'class-validator-jsonschema';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type ContractClass = abstract new () => object;

// class-transformer keeps `@Type` (the class of a nested field) in this storage and exports no
// accessor for it; class-validator-jsonschema needs it for nested arrays.
const transformerStorage = (
  require('class-transformer/cjs/storage') as {
    defaultMetadataStorage: TransformerMetadataStorage;
  }
).defaultMetadataStorage;

// The rules of our own validators that a JSON schema can say; the others are checked by the
// gateway's pipe and described in the field's text.
const CUSTOM_CONVERTERS: Record<string, SchemaObject> = {
  // Cross-field rules (IsRequiredOnlyWhen, IsFalseWhen…) have no JSON schema form; the type
  // comes from the field's other rules. (The library would guess a $ref from the TS type.)
  [ValidationTypes.CUSTOM_VALIDATION]: {},
  // A field declared only to refuse it: nothing may be sent.
  isNotSent: { not: {} },
  // Strict ISO 8601 on a field that also has a pattern: the pattern says which form.
  [IS_ISO8601]: { type: 'string' },
};

/** Fields that are not simply required: a rule decides when they may or must be there. */
const CONDITIONALLY_PRESENT = new Set(['isNotSent', 'isRequiredOnlyWhen']);

/** The command classes of @polku/contracts: every exported class named `…Command`. */
export function commandClasses(): ContractClass[] {
  return Object.entries(contracts)
    .filter(([name, value]) => name.endsWith('Command') && typeof value === 'function')
    .map(([, value]) => value as ContractClass);
}

function constraintName(meta: ValidationMetadata): string {
  if (meta.constraintCls === undefined) {
    return meta.type;
  }
  return (
    getMetadataStorage().getTargetValidatorConstraints(meta.constraintCls)[0]?.name ?? meta.type
  );
}

/** The validation rules of the classes and of every class nested in them, named as checked. */
function rulesOf(roots: readonly ContractClass[]): ValidationMetadata[] {
  const storage = getMetadataStorage();
  const rules = new Map<ValidationMetadata, ValidationMetadata>();
  const seen = new Set<ContractClass>();
  const queue = [...roots];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    if (seen.has(next)) {
      continue;
    }
    seen.add(next);
    for (const rule of storage.getTargetValidationMetadatas(next, '', true, false)) {
      rules.set(rule, { ...rule, type: constraintName(rule) } as ValidationMetadata);
      const nested =
        rule.type === ValidationTypes.NESTED_VALIDATION
          ? transformerStorage.findTypeMetadata(rule.target as ContractClass, rule.propertyName)
          : undefined;
      if (nested !== undefined) {
        queue.push(nested.typeFunction() as ContractClass);
      }
    }
  }
  return [...rules.values()];
}

function isConditionallyPresent(documented: ContractClass, property: string): boolean {
  return getMetadataStorage()
    .getTargetValidationMetadatas(documented, '', true, false)
    .some(
      (rule) => rule.propertyName === property && CONDITIONALLY_PRESENT.has(constraintName(rule)),
    );
}

// The field's FieldDoc goes on the property; a nested class's $ref gets it through allOf, since
// OpenAPI 3.0 ignores everything beside a $ref.
function documented(
  schema: SchemaObject,
  doc: contracts.FieldDocDefinition | undefined,
): SchemaObject {
  const { $ref, type: _type, ...rest } = schema as SchemaObject & { $ref?: string };
  const base: SchemaObject = $ref === undefined ? schema : { ...rest, allOf: [{ $ref }] };
  if (base.pattern === ISO_DATE_PATTERN.source) {
    base.format = 'date';
  }
  if (doc === undefined) {
    return base;
  }
  return {
    ...base,
    description: doc.description,
    ...(doc.example === undefined ? {} : { example: doc.example }),
  };
}

function finished(target: ContractClass, schema: SchemaObject): SchemaObject {
  const docs = new Map(fieldDocsOf(target).map((doc) => [doc.name, doc]));
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, property]) => [
      name,
      documented(property as SchemaObject, docs.get(name)),
    ]),
  );
  const required = (schema.required ?? []).filter(
    (name: string) => !isConditionallyPresent(target, name),
  );
  const { required: _required, ...rest } = schema;
  const oneOfThese = requiredOneOf(target);
  return {
    ...rest,
    properties,
    ...(required.length === 0 ? {} : { required }),
    ...(oneOfThese === undefined
      ? {}
      : { anyOf: oneOfThese.map((name) => ({ required: [name] })) }),
    additionalProperties: false,
  };
}

/**
 * JSON schemas of the command classes and of every class nested in them, by class name, built
 * from the class-validator rules the gateway's pipe checks (types, enums, lengths, required
 * unless @IsOptional) and the FieldDoc descriptions and examples: the document cannot promise
 * what validation does not hold.
 */
export function commandSchemas(
  roots: readonly ContractClass[] = commandClasses(),
): Record<string, SchemaObject> {
  const rules = rulesOf(roots);
  const raw = validationMetadataArrayToSchemas(rules, {
    classTransformerMetadataStorage: transformerStorage,
    refPointerPrefix: SCHEMA_REF_PREFIX,
    additionalConverters: CUSTOM_CONVERTERS,
  }) as Record<string, SchemaObject>;
  const classes = new Map<string, ContractClass>();
  for (const rule of rules) {
    classes.set((rule.target as ContractClass).name, rule.target as ContractClass);
  }
  for (const root of roots) {
    classes.set(root.name, root);
  }
  const schemas: Record<string, SchemaObject> = {};
  for (const [name, target] of classes) {
    const schema = raw[name] ?? nearestSchema(raw, target);
    schemas[name] = finished(target, schema);
  }
  return schemas;
}

// A class that only extends another (AgreePlanCommand) has no rules of its own: its parent's.
function nearestSchema(raw: Record<string, SchemaObject>, target: ContractClass): SchemaObject {
  for (
    let parent = Object.getPrototypeOf(target) as ContractClass | null;
    parent !== null && parent.name !== '';
    parent = Object.getPrototypeOf(parent) as ContractClass | null
  ) {
    const schema = raw[parent.name];
    if (schema !== undefined) {
      return schema;
    }
  }
  return { type: 'object', properties: {} };
}
