import fc from 'fast-check';
import {
  CURSOR_VERSION,
  decodeCursor,
  encodeCursor,
  InvalidCursorError,
  MAX_CURSOR_LENGTH,
} from './cursor';

const rawCursor = (wire: unknown): string =>
  Buffer.from(JSON.stringify(wire), 'utf8').toString('base64url');

/** The JSON inside a cursor our encoder wrote. */
const wireOf = (cursor: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;

const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('cursor codec', () => {
  it('should give back the position it encoded when decoded', () => {
    const position = {
      key: '2025-01-02 03:04:05.123456+00',
      id: 'a7d1c6f0-4b7e-4c55-9a55-1e7c9f0b2d11',
    };

    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('should round-trip any string or finite number key and any id when property-tested', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 256 }),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
        ),
        fc.string({ minLength: 1, maxLength: 256 }),
        (key, id) => {
          const cursor = encodeCursor({ key, id });
          expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
          expect(decodeCursor(cursor)).toEqual({ key: Object.is(key, -0) ? 0 : key, id });
        },
      ),
    );
  });

  it('should write base64url JSON with the version field when encoding', () => {
    const cursor = encodeCursor({ key: 7, id: 'x' });

    expect(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))).toEqual({
      v: CURSOR_VERSION,
      k: 7,
      id: 'x',
      c: expect.stringMatching(/^[A-Za-z0-9_-]{11}$/),
    });
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'abc+/='],
    ['not JSON', Buffer.from('{nope', 'utf8').toString('base64url')],
    ['a JSON array', rawCursor([1, 'x'])],
    ['another version', rawCursor({ v: 2, k: 1, id: 'x' })],
    ['without version', rawCursor({ k: 1, id: 'x' })],
    ['an unknown field', rawCursor({ v: 1, k: 1, id: 'x', admin: true })],
    ['an object as key', rawCursor({ v: 1, k: { $gt: '' }, id: 'x' })],
    ['a boolean key', rawCursor({ v: 1, k: true, id: 'x' })],
    ['an empty id', rawCursor({ v: 1, k: 1, id: '' })],
    ['a numeric id', rawCursor({ v: 1, k: 1, id: 42 })],
    ['a key that is too long', rawCursor({ v: 1, k: 'k'.repeat(257), id: 'x' })],
    ['without checksum', rawCursor({ v: 1, k: 1, id: 'x' })],
    [
      'non-canonical JSON',
      Buffer.from(` ${JSON.stringify(wireOf(encodeCursor({ key: 1, id: 'x' })))}`).toString(
        'base64url',
      ),
    ],
    [
      'reordered fields',
      rawCursor(
        Object.fromEntries(Object.entries(wireOf(encodeCursor({ key: 1, id: 'x' }))).reverse()),
      ),
    ],
    ['too long', 'A'.repeat(MAX_CURSOR_LENGTH + 1)],
  ])('should reject a cursor that is %s', (_label, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(InvalidCursorError);
  });

  it('should reject a cursor when any one character of it is changed', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.integer({ min: 1, max: 63 }),
        (key, id, where, shift) => {
          const cursor = encodeCursor({ key, id });
          const at = where % cursor.length;
          const replacement =
            BASE64URL_ALPHABET[(BASE64URL_ALPHABET.indexOf(cursor[at]) + shift) % 64];
          const changed = `${cursor.slice(0, at)}${replacement}${cursor.slice(at + 1)}`;
          expect(() => decodeCursor(changed)).toThrow(InvalidCursorError);
        },
      ),
    );
  });

  it('should reject a cursor when its key was edited and re-encoded without the checksum', () => {
    const wire = wireOf(encodeCursor({ key: '2025-01-02 03:04:05+00', id: 'row-17' }));

    expect(() => decodeCursor(rawCursor({ ...wire, k: '2025-01-02 03:04:06+00' }))).toThrow(
      InvalidCursorError,
    );
  });

  it('should reject a cursor when it was written for another ordering', () => {
    const byName = encodeCursor({ key: 'Aino', id: 'x' }, { sort: 'name' });

    expect(decodeCursor(byName, { sort: 'name' })).toEqual({ key: 'Aino', id: 'x' });
    expect(() => decodeCursor(byName, { sort: 'created_at' })).toThrow(/another ordering/);
    expect(() => decodeCursor(byName)).toThrow(/another ordering/);
  });

  it('should serialise InvalidCursorError as a remote error body when sent as JSON', () => {
    const error = new InvalidCursorError('not JSON');

    expect(JSON.parse(JSON.stringify(error))).toEqual({
      code: 'INVALID_CURSOR',
      message: 'invalid cursor: not JSON',
    });
  });

  it('should refuse to encode a key that is not a string or finite number', () => {
    expect(() => encodeCursor({ key: Number.NaN, id: 'x' })).toThrow(TypeError);
    expect(() => encodeCursor({ key: new Date() as unknown as string, id: 'x' })).toThrow(
      TypeError,
    );
  });
});
