import { createHash } from 'node:crypto';

/** The cursor format written now; a cursor of any other version is rejected. */
export const CURSOR_VERSION = 1;

/** Longer cursors are rejected before decoding; ours stay far below. */
export const MAX_CURSOR_LENGTH = 1024;

// Bounds on what a cursor may carry, so a crafted one cannot smuggle large values into SQL.
const MAX_KEY_LENGTH = 256;
const MAX_ID_LENGTH = 256;
const MAX_SORT_LENGTH = 64;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Where a page ended in a keyset-ordered list: the last row's sort key and id. The id breaks
 * ties between equal sort keys, so every row is seen exactly once.
 */
export interface CursorPosition {
  /**
   * The last row's sort key as PostgreSQL compares it. Take timestamps as text from SQL
   * (`created_at::text`): a JS Date drops microseconds and would skip or repeat rows.
   */
  readonly key: string | number;
  /** The last row's id. */
  readonly id: string;
}

/**
 * A cursor that was not written by encodeCursor, was altered, or belongs to another ordering.
 * Shaped like a service's remote error (`code`, `message`), so a service handler may throw it
 * and the gateway answers 400 `urn:polku:problem:invalid-cursor`.
 */
export class InvalidCursorError extends Error {
  readonly code = 'INVALID_CURSOR';

  constructor(reason: string) {
    super(`invalid cursor: ${reason}`);
    this.name = 'InvalidCursorError';
  }

  /** The reply body a service sends; Error's own `message` would not survive JSON. */
  toJSON(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}

interface CursorWire {
  readonly v: number;
  readonly s?: string;
  readonly k: string | number;
  readonly id: string;
  /** Checksum of the other fields: any altered character is caught. Not a signature. */
  readonly c: string;
}

function checksum(fields: Omit<CursorWire, 'c'>): string {
  return createHash('sha256').update(JSON.stringify(fields)).digest('base64url').slice(0, 11);
}

/**
 * The opaque `cursor` for the page after `position`: base64url JSON with a version field and a
 * checksum.
 * Give `sort` (the ordering's name, e.g. `created_at`) when one list has several orderings, so a
 * cursor of one cannot be used with another.
 */
export function encodeCursor(position: CursorPosition, options: { sort?: string } = {}): string {
  // A position we cannot encode is a bug in the caller, not a client error.
  const problem = positionProblem(position);
  if (problem !== undefined) {
    throw new TypeError(`cannot encode a cursor: ${problem}`);
  }
  if (options.sort !== undefined && !isBoundedString(options.sort, MAX_SORT_LENGTH)) {
    throw new TypeError(`cannot encode a cursor: sort must be 1..${MAX_SORT_LENGTH} characters`);
  }
  const fields: Omit<CursorWire, 'c'> =
    options.sort === undefined
      ? { v: CURSOR_VERSION, k: position.key, id: position.id }
      : { v: CURSOR_VERSION, s: options.sort, k: position.key, id: position.id };
  const wire: CursorWire = { ...fields, c: checksum(fields) };
  return Buffer.from(JSON.stringify(wire), 'utf8').toString('base64url');
}

/**
 * Reads a cursor written by encodeCursor. Throws InvalidCursorError when it is malformed, of
 * another version, altered (anything encodeCursor would not have written, checked with a
 * checksum), or written for another `sort`. Cursors are checksummed, not signed: a position
 * grants no access by itself, every list still filters by what the caller may see.
 */
export function decodeCursor(cursor: string, options: { sort?: string } = {}): CursorPosition {
  if (typeof cursor !== 'string' || cursor.length === 0) {
    throw new InvalidCursorError('empty');
  }
  if (cursor.length > MAX_CURSOR_LENGTH) {
    throw new InvalidCursorError(`longer than ${MAX_CURSOR_LENGTH} characters`);
  }
  if (!BASE64URL.test(cursor)) {
    throw new InvalidCursorError('not base64url');
  }
  let wire: unknown;
  try {
    wire = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('not JSON');
  }
  if (typeof wire !== 'object' || wire === null || Array.isArray(wire)) {
    throw new InvalidCursorError('not an object');
  }
  const fields = wire as Record<string, unknown>;
  if (fields.v !== CURSOR_VERSION) {
    throw new InvalidCursorError(`version ${JSON.stringify(fields.v)} is not ${CURSOR_VERSION}`);
  }
  const unknownField = Object.keys(fields).find(
    (name) => !['v', 's', 'k', 'id', 'c'].includes(name),
  );
  if (unknownField !== undefined) {
    throw new InvalidCursorError(`unknown field ${JSON.stringify(unknownField)}`);
  }
  if (fields.s !== undefined && typeof fields.s !== 'string') {
    throw new InvalidCursorError('sort is not a string');
  }
  if (fields.s !== options.sort) {
    throw new InvalidCursorError('written for another ordering');
  }
  const position = { key: fields.k, id: fields.id } as CursorPosition;
  const problem = positionProblem(position);
  if (problem !== undefined) {
    throw new InvalidCursorError(problem);
  }
  // Anything our encoder would not have written byte for byte was made or altered elsewhere;
  // the checksum inside catches a changed character in a key or id.
  if (encodeCursor(position, { sort: options.sort }) !== cursor) {
    throw new InvalidCursorError('not in canonical form');
  }
  return position;
}

function isBoundedString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

function positionProblem({ key, id }: CursorPosition): string | undefined {
  const keyIsValid =
    typeof key === 'number'
      ? Number.isFinite(key)
      : typeof key === 'string' && key.length <= MAX_KEY_LENGTH;
  if (!keyIsValid) {
    return `key must be a finite number or a string of at most ${MAX_KEY_LENGTH} characters`;
  }
  if (!isBoundedString(id, MAX_ID_LENGTH)) {
    return `id must be a string of 1..${MAX_ID_LENGTH} characters`;
  }
  return undefined;
}
