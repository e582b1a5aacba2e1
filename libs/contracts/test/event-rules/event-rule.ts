import type { DataClass, EventSubject } from '../../src/index';

/**
 * What validation answers for a changed sample: exactly these errors (in any order; a RegExp
 * matches one error; `[]` means the event is accepted), an error among others, or only errors
 * that start with a prefix (a field left out names that field and nothing else).
 */
export type Expected =
  readonly (string | RegExp)[] | { readonly contains: string } | { readonly allStartWith: string };

/** A change to the sample event: payload fields (undefined removes one), or the whole event. */
export type Change =
  Readonly<Record<string, unknown>> | ((event: Record<string, unknown>) => Record<string, unknown>);

/** One rule of one event's contract, as a row of the table-driven spec. */
export interface EventRule {
  readonly subject: EventSubject;
  readonly should: string;
  readonly change: Change;
  readonly expected: Expected;
}

/** The contract's identity on the wire: its type and the data class that decides access. */
export type ContractIdentity = readonly [type: string, dataClass: DataClass];

/** Rows of one event, from `[should, change, expected]` tuples. */
export function rulesOf(
  subject: EventSubject,
  rows: readonly (readonly [should: string, change: Change, expected: Expected])[],
): EventRule[] {
  return rows.map(([should, change, expected]) => ({ subject, should, change, expected }));
}

/** A row per field: the field set to `value` is rejected with `data.<field> <message>`. */
export function eachField(
  fields: readonly string[],
  value: unknown,
  message: string,
): [string, Change, Expected][] {
  return fields.map((field) => [
    `should reject the event when ${field} is ${JSON.stringify(value)}`,
    { [field]: value },
    [`data.${field} ${message}`],
  ]);
}

/** A row per value: the event is accepted with `field` set to it. */
export function acceptsEach(
  field: string,
  values: readonly unknown[],
): [string, Change, Expected][] {
  return values.map((value) => [
    `should accept the event when ${field} is ${String(value)}`,
    { [field]: value },
    [],
  ]);
}
