import { ValidateBy, type ValidationOptions } from 'class-validator';
import { ISO_DATE_PATTERN, UTC_TIMESTAMP_PATTERN } from './value-formats';

/**
 * For a date or timestamp that must not be earlier than another property of the same object,
 * e.g. `validTo` and `validFrom`. Compares only when both have the same ISO form, so a malformed
 * value is reported once, by its own rules.
 */
export function IsNotBefore(property: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBefore',
      constraints: [property],
      validator: {
        validate: (value, args) => {
          const other = (args?.object as Record<string, unknown> | undefined)?.[property];
          if (typeof value !== 'string' || typeof other !== 'string') {
            return true;
          }
          const sameForm = [ISO_DATE_PATTERN, UTC_TIMESTAMP_PATTERN].some(
            (pattern) => pattern.test(value) && pattern.test(other),
          );
          // Date.parse reads both forms as UTC; fractions of a second compare correctly too.
          return !sameForm || !(Date.parse(value) < Date.parse(other));
        },
        defaultMessage: (args) => `${args?.property} must not be before ${property}`,
      },
    },
    options,
  );
}

/** For an id that must differ from another property of the same object, e.g. a record and the one it replaces. */
export function IsDifferentFrom(property: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDifferentFrom',
      constraints: [property],
      validator: {
        validate: (value, args) =>
          value === undefined ||
          value !== (args?.object as Record<string, unknown> | undefined)?.[property],
        defaultMessage: (args) => `${args?.property} must differ from ${property}`,
      },
    },
    options,
  );
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * Options for a field's own rules when its presence is checked by {@link IsRequiredOnlyWhen} or
 * {@link IsExactlyOneOf}: the rules run only on a value that is there.
 */
export const WHEN_PRESENT: ValidationOptions = {
  validateIf: (_object: object, value: unknown) => isPresent(value),
};

function otherValueOf(args: { object: object } | undefined, property: string): unknown {
  return (args?.object as Record<string, unknown> | undefined)?.[property];
}

function presenceRule(
  name: 'isRequiredOnlyWhen' | 'isAllowedOnlyWhen',
  property: string,
  values: readonly string[],
  options?: ValidationOptions,
): PropertyDecorator {
  const when = `${property} is ${values.join(' or ')}`;
  return ValidateBy(
    {
      name,
      constraints: [property, values],
      validator: {
        validate: (value, args) => {
          const matches = values.includes(otherValueOf(args, property) as string);
          return isPresent(value) ? matches : !(name === 'isRequiredOnlyWhen' && matches);
        },
        defaultMessage: (args) =>
          isPresent(args?.value)
            ? `${args?.property} is allowed only when ${when}`
            : `${args?.property} is required when ${when}`,
      },
    },
    options,
  );
}

/**
 * For a field that belongs to one case of another property, e.g. the host organisation of an
 * external placement: required when that property has one of the values, absent otherwise. Put
 * the field's own rules behind {@link WHEN_PRESENT} so that a missing
 * value is reported once, by this rule.
 */
export function IsRequiredOnlyWhen(
  property: string,
  values: readonly string[],
  options?: ValidationOptions,
): PropertyDecorator {
  return presenceRule('isRequiredOnlyWhen', property, values, options);
}

/**
 * For an optional field that makes sense only in one case of another property, e.g. the
 * employment contract of pay-subsidised work: may be given when that property has one of the
 * values, must be absent otherwise. Use it with `@IsOptional()`.
 */
export function IsAllowedOnlyWhen(
  property: string,
  values: readonly string[],
  options?: ValidationOptions,
): PropertyDecorator {
  return presenceRule('isAllowedOnlyWhen', property, values, options);
}

/**
 * For two alternative fields of which exactly one is given, e.g. a measure or a plan as the
 * subject of a statement. Put it on both; "neither" and "both" are reported once, on the first.
 * Put each field's own rules behind {@link WHEN_PRESENT}.
 */
export function IsExactlyOneOf(
  properties: readonly [string, string],
  options?: ValidationOptions,
): PropertyDecorator {
  const [first, second] = properties;
  return ValidateBy(
    {
      name: 'isExactlyOneOf',
      constraints: [properties],
      validator: {
        validate: (_value, args) => {
          const given = properties.filter((property) => isPresent(otherValueOf(args, property)));
          return given.length === 1 || args?.property !== first;
        },
        defaultMessage: (args) =>
          isPresent(otherValueOf(args, first)) && isPresent(otherValueOf(args, second))
            ? `${first} and ${second} must not both be given: exactly one of them is`
            : `${first} or ${second} is required: exactly one of them is given`,
      },
    },
    options,
  );
}

/**
 * For a list with an item that rules out every other, e.g. `NONE` in a list of help given: that
 * item may be in the list only alone.
 */
export function IsOnlyItemWhenListed(item: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isOnlyItemWhenListed',
      constraints: [item],
      validator: {
        validate: (value) => !Array.isArray(value) || !value.includes(item) || value.length === 1,
        defaultMessage: (args) => `${args?.property} must list ${item} only alone`,
      },
    },
    options,
  );
}

/**
 * For a boolean that cannot be true in some cases of another property, e.g. a follow-up that
 * confirms the destination when the client's status is unknown.
 */
export function IsFalseWhen(
  property: string,
  values: readonly string[],
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isFalseWhen',
      constraints: [property, values],
      validator: {
        validate: (value, args) =>
          value !== true || !values.includes(otherValueOf(args, property) as string),
        defaultMessage: (args) =>
          `${args?.property} must be false when ${property} is ${values.join(' or ')}`,
      },
    },
    options,
  );
}
