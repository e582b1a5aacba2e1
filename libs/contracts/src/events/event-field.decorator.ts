import 'reflect-metadata';

/** One documented field of a payload class. */
export interface EventFieldDefinition {
  /** The property name. */
  readonly name: string;
  /** One sentence for the payload table in docs/events.md. */
  readonly description: string;
}

const EVENT_FIELDS = Symbol('polku:event-fields');

/**
 * Documents a payload property. docs/events.md takes the description from here and the type,
 * the rules and whether it is required from the property's class-validator decorators, so the
 * catalogue cannot drift from the code.
 */
export function EventField(description: string): PropertyDecorator {
  return (target, propertyKey) => {
    const existing: EventFieldDefinition[] = Reflect.getOwnMetadata(EVENT_FIELDS, target) ?? [];
    Reflect.defineMetadata(
      EVENT_FIELDS,
      [...existing, { name: String(propertyKey), description }],
      target,
    );
  };
}

/** The documented fields of a payload class, base classes' first, in declaration order. */
export function eventFieldsOf(payloadClass: abstract new () => object): EventFieldDefinition[] {
  const chain: object[] = [];
  for (
    let prototype: object | null = payloadClass.prototype as object;
    prototype !== null && prototype !== Object.prototype;
    prototype = Object.getPrototypeOf(prototype) as object | null
  ) {
    chain.unshift(prototype);
  }
  const byName = new Map<string, EventFieldDefinition>();
  for (const prototype of chain) {
    const own: EventFieldDefinition[] = Reflect.getOwnMetadata(EVENT_FIELDS, prototype) ?? [];
    for (const field of own) {
      // A subclass that redeclares a field keeps its position and replaces its description.
      byName.set(field.name, field);
    }
  }
  return [...byName.values()];
}
