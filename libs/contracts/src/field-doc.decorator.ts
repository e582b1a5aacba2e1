import 'reflect-metadata';

/** One documented field of an event payload or command class. */
export interface FieldDocDefinition {
  /** The property name. */
  readonly name: string;
  /** One sentence: the payload tables of docs/events.md and the gateway's OpenAPI schemas. */
  readonly description: string;
  /** A realistic value, shown in the OpenAPI document. */
  readonly example?: unknown;
}

/** What a field says beyond its description. */
export interface FieldDocOptions {
  /** A realistic value, shown in the OpenAPI document. */
  readonly example?: unknown;
}

const FIELD_DOCS = Symbol('polku:field-docs');

/**
 * Describes a property of a wire contract once. The event catalogue (docs/events.md) and the
 * gateway's OpenAPI document take the description from here, and the type, the rules and
 * whether the field is required from its class-validator decorators, so the documentation
 * cannot drift from what is validated.
 */
export function FieldDoc(description: string, options: FieldDocOptions = {}): PropertyDecorator {
  return (target, propertyKey) => {
    const existing: FieldDocDefinition[] = Reflect.getOwnMetadata(FIELD_DOCS, target) ?? [];
    const definition: FieldDocDefinition =
      options.example === undefined
        ? { name: String(propertyKey), description }
        : { name: String(propertyKey), description, example: options.example };
    Reflect.defineMetadata(FIELD_DOCS, [...existing, definition], target);
  };
}

/** The documented fields of a class, base classes' first, in declaration order. */
export function fieldDocsOf(documentedClass: abstract new () => object): FieldDocDefinition[] {
  const chain: object[] = [];
  for (
    let prototype: object | null = documentedClass.prototype as object;
    prototype !== null && prototype !== Object.prototype;
    prototype = Object.getPrototypeOf(prototype) as object | null
  ) {
    chain.unshift(prototype);
  }
  const byName = new Map<string, FieldDocDefinition>();
  for (const prototype of chain) {
    const own: FieldDocDefinition[] = Reflect.getOwnMetadata(FIELD_DOCS, prototype) ?? [];
    for (const field of own) {
      // A subclass that redeclares a field keeps its position and replaces its description.
      byName.set(field.name, field);
    }
  }
  return [...byName.values()];
}
