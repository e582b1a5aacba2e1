import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsISO8601,
  Matches,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';

/** A calendar date without time or zone, as in `2026-03-02`. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** An instant in UTC with a `Z` suffix, as in `2026-03-02T08:15:00.000Z`. */
export const UTC_TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

// A Finnish personal identity code (henkilötunnus): DDMMYY, century sign, individual number,
// check character. Identity lives only in client-intake, so no event field may carry one.
const PERSONAL_IDENTITY_CODE =
  /(?<![0-9A-Za-z])(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y](?![0-9A-Za-z])/i;

/** A pseudonymous reference: a URL-safe token, e.g. a UUID or a keyed hash in base64url. */
const PSEUDONYMOUS_REF_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;

// Applies decorators as if stacked above one property in this order (stacked ones run bottom-up),
// so class-validator's metadata lists them the same way as hand-written ones.
function applyAll(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, propertyKey) => {
    for (const decorator of [...decorators].reverse()) {
      decorator(target, propertyKey);
    }
  };
}

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return applyAll(
    Matches(ISO_DATE_PATTERN, { ...options, message: '$property must be a date as YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { ...options, message: '$property must be a real calendar date' }),
  );
}

/** An ISO-8601 instant in UTC, ending in `Z`. */
export function IsUtcTimestamp(options?: ValidationOptions): PropertyDecorator {
  return applyAll(
    Matches(UTC_TIMESTAMP_PATTERN, {
      ...options,
      message: '$property must be an ISO-8601 UTC timestamp like 2026-03-02T08:15:00.000Z',
    }),
    IsISO8601({ strict: true }, { ...options, message: '$property must be a real instant' }),
  );
}

/** true when the text contains something shaped like a Finnish personal identity code. */
export function containsPersonalIdentityCode(text: string): boolean {
  return PERSONAL_IDENTITY_CODE.test(text);
}

/** Rejects strings that contain a personal identity code; other types are left to other rules. */
export function HasNoPersonalIdentityCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'hasNoPersonalIdentityCode',
      validator: {
        validate: (value) => typeof value !== 'string' || !containsPersonalIdentityCode(value),
        defaultMessage: (args) =>
          `${args?.property} must not contain a personal identity code (identity stays in client-intake)`,
      },
    },
    options,
  );
}

/** A pseudonymous reference such as clientRef: 8–128 URL-safe characters, never an identity code. */
export function IsPseudonymousRef(options?: ValidationOptions): PropertyDecorator {
  return applyAll(
    Matches(PSEUDONYMOUS_REF_PATTERN, {
      ...options,
      message: '$property must be a pseudonymous reference of 8 to 128 characters A-Z a-z 0-9 _ -',
    }),
    HasNoPersonalIdentityCode(options),
  );
}

/**
 * A user or process id as the envelope's `emitter.actorId` takes it: the identity provider's
 * pseudonymous user id, or a process name like `transitions:timer`.
 */
export const ACTOR_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;

/**
 * The pseudonymous id of a user (e.g. a named worker) or of the emitting process: 1–128
 * characters `A-Z a-z 0-9 _ . : -`, never an identity code. The same rule as the envelope's
 * `emitter.actorId`, so a worker named in a payload can act under the same id.
 */
export function IsActorId(options?: ValidationOptions): PropertyDecorator {
  return applyAll(
    Matches(ACTOR_ID_PATTERN, {
      ...options,
      message: '$property must be an id of 1 to 128 characters A-Z a-z 0-9 _ . : -',
    }),
    HasNoPersonalIdentityCode(options),
  );
}

const LEGAL_GROUND_MAX_LENGTH = 200;

function isLegalGroundValue(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0 && value.length <= LEGAL_GROUND_MAX_LENGTH;
}

/**
 * For `consentRef` and `legalBasis`: exactly one of the two is given, as a non-empty string of at
 * most 200 characters. The "neither" and "both" cases are reported once, on consentRef.
 */
export function IsConsentRefOrLegalBasis(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isConsentRefOrLegalBasis',
      constraints: [LEGAL_GROUND_MAX_LENGTH],
      validator: {
        validate: (value, args) => {
          const envelope = args?.object as { consentRef?: unknown; legalBasis?: unknown };
          const hasConsent = envelope.consentRef !== undefined && envelope.consentRef !== null;
          const hasLegalBasis = envelope.legalBasis !== undefined && envelope.legalBasis !== null;
          if (hasConsent === hasLegalBasis) {
            return args?.property !== 'consentRef';
          }
          return value === undefined || value === null || isLegalGroundValue(value);
        },
        defaultMessage: (args) => {
          const envelope = args?.object as { consentRef?: unknown; legalBasis?: unknown };
          const hasConsent = envelope.consentRef !== undefined && envelope.consentRef !== null;
          const hasLegalBasis = envelope.legalBasis !== undefined && envelope.legalBasis !== null;
          if (!hasConsent && !hasLegalBasis) {
            return 'consentRef or legalBasis is required: every event carries exactly one of them';
          }
          if (hasConsent && hasLegalBasis) {
            return 'consentRef and legalBasis must not both be given: every event carries exactly one of them';
          }
          return `${args?.property} must be a non-empty string of at most ${LEGAL_GROUND_MAX_LENGTH} characters`;
        },
      },
    },
    options,
  );
}

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

const LIST_ITEM_CLASS = Symbol('polku:list-item-class');

/**
 * A list of nested objects of one class, each validated against it; an item that is not an
 * object is rejected. docs/events.md lists the item's fields as `list[].field`.
 */
export function IsListOf(
  itemClass: () => new () => object,
  options?: ValidationOptions,
): PropertyDecorator {
  return applyAll(
    IsArray(options),
    ValidateNested({ ...options, each: true }),
    Type(itemClass),
    (target, propertyKey) => {
      Reflect.defineMetadata(LIST_ITEM_CLASS, itemClass, target, propertyKey);
    },
  );
}

/** The item class of a property declared with {@link IsListOf}, or undefined for any other. */
export function listItemClassOf(
  payloadClass: abstract new () => object,
  property: string,
): (new () => object) | undefined {
  const itemClass = Reflect.getMetadata(
    LIST_ITEM_CLASS,
    payloadClass.prototype as object,
    property,
  ) as (() => new () => object) | undefined;
  return itemClass?.();
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
