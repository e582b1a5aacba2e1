import { IsISO8601, Matches, ValidateBy, type ValidationOptions } from 'class-validator';
import { applyAll } from './apply-all';
import {
  containsPersonalIdentityCode,
  idContainsPersonalIdentityCode,
} from './identity-code-in-text';

export { containsPersonalIdentityCode } from './identity-code-in-text';
/** A calendar date without time or zone, as in `2026-03-02`. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** An instant in UTC with a `Z` suffix, as in `2026-03-02T08:15:00.000Z`. */
export const UTC_TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/** A pseudonymous reference: a URL-safe token, e.g. a UUID or a keyed hash in base64url. */
const PSEUDONYMOUS_REF_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;

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

/**
 * Rejects strings that contain a personal identity code, also one typed with separators
 * (containsPersonalIdentityCode); other types are left to other rules.
 */
export function HasNoPersonalIdentityCode(options?: ValidationOptions): PropertyDecorator {
  return noIdentityCode(containsPersonalIdentityCode, options);
}

/** HasNoPersonalIdentityCode for machine-made ids: the compact form only (see identity-code-in-text.ts). */
function HasNoPersonalIdentityCodeInId(options?: ValidationOptions): PropertyDecorator {
  return noIdentityCode(idContainsPersonalIdentityCode, options);
}

function noIdentityCode(
  contains: (text: string) => boolean,
  options: ValidationOptions | undefined,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'hasNoPersonalIdentityCode',
      validator: {
        validate: (value) => typeof value !== 'string' || !contains(value),
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
    HasNoPersonalIdentityCodeInId(options),
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
    HasNoPersonalIdentityCodeInId(options),
  );
}
