import { type CursorPosition, InvalidCursorError } from '@polku/contracts';

/**
 * What a keyset sort key is in SQL. A cursor is checksummed, not signed, so anyone can write
 * one: its key and id are checked against the list's kinds before they reach SQL, so a crafted
 * cursor is a 400 invalid-cursor and never a driver error.
 *
 * - `timestamp`: a timestamptz written by `keysetTimestampSql` (UTC, microseconds); a JS Date
 *   drops microseconds and would skip or repeat rows.
 * - `date`: `YYYY-MM-DD`.
 * - `text`: any text (bound as a parameter, compared by the column's collation).
 * - `integer`: a safe integer.
 */
export type KeysetKeyKind = 'timestamp' | 'date' | 'text' | 'integer';

/** What a keyset id is: a uuid, or the sort key itself (an integer that never repeats). */
export type KeysetIdKind = 'uuid' | 'same-as-key';

/** Separates the parts of a key of several columns (none of which may be text). */
export const KEYSET_KEY_SEPARATOR = '|';

/**
 * The SQL that writes a timestamptz column as a `timestamp` sort key: UTC with microseconds,
 * independent of the session's time zone, so it casts back to the same instant exactly.
 */
export function keysetTimestampSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const INTEGER = /^-?\d{1,16}$/;

// A calendar day that exists: Date rolls 2025-02-30 over to March, so compare the round trip.
function isCalendarDate(text: string): boolean {
  const time = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === text;
}

function isKeyPart(kind: KeysetKeyKind, part: string | number): boolean {
  switch (kind) {
    case 'text':
      return typeof part === 'string';
    case 'integer':
      return typeof part === 'number'
        ? Number.isSafeInteger(part)
        : INTEGER.test(part) && Number.isSafeInteger(Number(part));
    case 'date':
      return typeof part === 'string' && DATE.test(part) && isCalendarDate(part);
    case 'timestamp': {
      const day = typeof part === 'string' ? TIMESTAMP.exec(part)?.[1] : undefined;
      const [hours, minutes, seconds] = String(part).slice(11, 19).split(':').map(Number);
      return day !== undefined && isCalendarDate(day) && hours < 24 && minutes < 60 && seconds < 60;
    }
  }
}

/**
 * The previous page's position, checked against the list's key kinds: `keys` names each column
 * of the sort key (a key of several columns is written joined with KEYSET_KEY_SEPARATOR, see
 * `keysetKey`). Returns the key's parts; undefined on the first page. Throws
 * InvalidCursorError for a position this list could not have written.
 */
export function keysetAfter(
  after: CursorPosition | undefined,
  shape: { readonly keys: readonly KeysetKeyKind[]; readonly id: KeysetIdKind },
): { readonly keyParts: readonly (string | number)[]; readonly id: string } | undefined {
  if (after === undefined) {
    return undefined;
  }
  const { keys } = shape;
  const parts = keys.length === 1 ? [after.key] : String(after.key).split(KEYSET_KEY_SEPARATOR);
  const fits =
    parts.length === keys.length &&
    (keys.length === 1 || typeof after.key === 'string') &&
    parts.every((part, index) => isKeyPart(keys[index], part)) &&
    (shape.id === 'uuid' ? UUID.test(after.id) : after.id === String(after.key));
  if (!fits) {
    throw new InvalidCursorError('not a position in this list');
  }
  return { keyParts: parts, id: after.id };
}

/** The cursor key of a row whose sort key has several columns (see keysetAfter). */
export function keysetKey(parts: readonly (string | number)[]): string {
  return parts.join(KEYSET_KEY_SEPARATOR);
}
