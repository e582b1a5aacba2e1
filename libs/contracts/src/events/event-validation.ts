import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { type EventContract } from './event-contract';
import { EventEnvelopeDto, type EventEnvelope } from './event-envelope';
import { eventContractFor, type EventPayloads, type EventSubject } from './event-registry';

/** What {@link validateEvent} answers: the envelope, or every problem found, by field path. */
export type EventValidationResult<TData = object> =
  | { readonly ok: true; readonly envelope: EventEnvelope<TData> }
  | { readonly ok: false; readonly errors: string[] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An envelope value for an error line, cut short: it comes from the wire. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function messageAt(path: string, property: string, message: string): string {
  // class-validator messages start with the property name ("kind must be …") or name it as
  // "property extra should not exist"; replace that name with the full path.
  if (message.startsWith(`${property} `)) {
    return `${path}${message.slice(property.length)}`;
  }
  const named = new RegExp(
    `^(?:nested )?property ${property.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `,
  );
  if (named.test(message)) {
    return message.replace(named, `${path} `);
  }
  return `${path}: ${message}`;
}

// Keys that class-transformer treats specially: "__proto__" would be dropped without an error
// and "constructor" makes it throw. No contract uses them, so they are rejected up front.
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function forbiddenKeyErrors(value: unknown, path: string): string[] {
  if (typeof value !== 'object' || value === null) {
    return [];
  }
  return Object.keys(value).flatMap((key) => {
    const keyPath = path === '' ? key : `${path}.${key}`;
    return FORBIDDEN_KEYS.has(key)
      ? [`${keyPath} is not an allowed field name`]
      : forbiddenKeyErrors((value as Record<string, unknown>)[key], keyPath);
  });
}

/** Flattens class-validator errors into lines like `data.fundingRef.kind must be one of …`. */
function errorLines(errors: readonly ValidationError[], prefix: string): string[] {
  return errors.flatMap((error) => {
    const path = prefix === '' ? error.property : `${prefix}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      messageAt(path, error.property, message),
    );
    return [...own, ...errorLines(error.children ?? [], path)];
  });
}

/**
 * Validates an event received on `subject`: the subject is registered; the envelope is valid
 * (unknown envelope fields are allowed for forward compatibility); its type, version and data
 * class are the contract's; and `data` matches the payload class, nested objects included, with
 * no unknown payload fields. Errors name the field path and never echo payload values, which
 * may be client data. Validation goes through class-validator's `validateSync`; a process makes
 * it fast by calling `installFastValidation()` of @polku/validation at start-up.
 */
export function validateEvent<S extends EventSubject>(
  subject: S,
  raw: unknown,
): EventValidationResult<EventPayloads[S]>;
export function validateEvent(subject: string, raw: unknown): EventValidationResult;
export function validateEvent(subject: string, raw: unknown): EventValidationResult {
  const contract = eventContractFor(subject);
  if (contract === undefined) {
    return { ok: false, errors: [`unknown event subject ${JSON.stringify(subject)}`] };
  }
  if (!isPlainObject(raw)) {
    return { ok: false, errors: ['the event must be a JSON object'] };
  }
  try {
    const forbidden = forbiddenKeyErrors(raw, '');
    if (forbidden.length > 0) {
      return { ok: false, errors: forbidden };
    }
    return validateAgainst(contract, raw);
  } catch (error) {
    // A consumer dead-letters what fails validation; validation itself must never throw.
    return {
      ok: false,
      errors: [
        `the event could not be validated: ${error instanceof Error ? error.message : String(error)}`,
      ],
    };
  }
}

function validateAgainst(
  contract: EventContract<object>,
  raw: Record<string, unknown>,
): EventValidationResult {
  // `data` is converted and validated against its payload class below; for the envelope it is
  // enough to see an object there, and converting it twice was a tenth of the cost.
  const envelope = plainToInstance(
    EventEnvelopeDto,
    isPlainObject(raw.data) ? { ...raw, data: {} } : raw,
  );
  const errors = errorLines(validateSync(envelope, { forbidUnknownValues: true }), '');
  const expected = {
    type: contract.type,
    version: contract.version,
    dataClass: contract.dataClass,
  } as const;
  for (const field of ['type', 'version', 'dataClass'] as const) {
    if (raw[field] !== expected[field]) {
      errors.push(
        `${field} must be ${JSON.stringify(expected[field])} for ${contract.subject}, got ${shown(raw[field])}`,
      );
    }
  }

  let data: object | undefined;
  if (isPlainObject(raw.data)) {
    data = plainToInstance(contract.payloadClass, raw.data);
    errors.push(
      ...errorLines(
        validateSync(data, {
          whitelist: true,
          forbidNonWhitelisted: true,
          forbidUnknownValues: true,
        }),
        'data',
      ),
    );
  }

  if (errors.length > 0 || data === undefined) {
    return { ok: false, errors };
  }
  return { ok: true, envelope: { ...envelope, data } };
}
