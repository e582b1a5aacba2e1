// Helpers for the contracts' own specs, which feed the validator malformed events on purpose:
// untyped changes to a valid sample, and the errors the validator answers.
import { validateEvent, type EventSubject } from '../src/index';
import { sampleEvent } from './event-catalogue/event-samples';

/**
 * The sample event on `subject` as plain JSON, under the client's consent (a consentRef, no
 * legalBasis), so that tests of the ground rule start from one known state; `overrides` replace
 * envelope fields, valid or not.
 */
export function aValidEvent(
  subject: EventSubject,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const event = sampleEvent(subject, { consentRef: 'consent_2026_0042', legalBasis: undefined });
  // A JSON round trip gives the plain object a consumer decodes from the message body.
  return { ...(JSON.parse(JSON.stringify(event)) as Record<string, unknown>), ...overrides };
}

/** A valid event with payload fields replaced, or removed when the value is undefined. */
export function withData(
  subject: EventSubject,
  changes: Record<string, unknown>,
): Record<string, unknown> {
  const event = aValidEvent(subject);
  const data: Record<string, unknown> = { ...(event.data as Record<string, unknown>), ...changes };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) {
      delete data[key];
    }
  }
  return { ...event, data };
}

/** The validation errors of an event on a subject; empty when it is valid. */
export function errorsOf(subject: string, raw: unknown): string[] {
  const result = validateEvent(subject, raw);
  return result.ok ? [] : result.errors;
}

/** A copy of an object without the named keys. */
export function without(
  object: Record<string, unknown>,
  ...keys: string[]
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}
