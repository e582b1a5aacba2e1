import 'reflect-metadata';

const REQUIRES_ONE_OF = Symbol('polku:requires-one-of');

/**
 * Says that at least one of `properties` must be present: a rule class-validator holds with
 * @ValidateIf on each field, which a JSON schema's `required` cannot say. The gateway's OpenAPI
 * document renders it as `anyOf` of one-field `required`s, so a request built from the document
 * carries one of them (e.g. a client's identity code, or else the birth date).
 */
export function RequiresOneOf(...properties: readonly string[]): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(REQUIRES_ONE_OF, properties, target);
  };
}

/** The properties of which a class requires at least one, or undefined. */
export function requiredOneOf(target: abstract new () => object): readonly string[] | undefined {
  return Reflect.getOwnMetadata(REQUIRES_ONE_OF, target) as readonly string[] | undefined;
}
