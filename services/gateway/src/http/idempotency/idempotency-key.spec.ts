import { canonicalJson, parseIdempotencyKey, requestFingerprint } from './idempotency-key';

describe('parseIdempotencyKey', () => {
  it.each([
    ['a UUID', '8e03978e-40d5-43e8-bc93-6894a57f9324', '8e03978e-40d5-43e8-bc93-6894a57f9324'],
    ['one character', 'x', 'x'],
    ['255 characters', 'k'.repeat(255), 'k'.repeat(255)],
    ['a Structured Field string', '"8e03978e-40d5"', '8e03978e-40d5'],
    ['an escaped quote in a Structured Field string', '"a\\"b"', 'a"b'],
    ['surrounding spaces', '  abc  ', 'abc'],
  ])('should read %s', (_label, header, key) => {
    expect(parseIdempotencyKey(header)).toEqual({ kind: 'key', key });
  });

  it('should say missing when there is no header', () => {
    expect(parseIdempotencyKey(undefined)).toEqual({ kind: 'missing' });
  });

  it.each([
    ['empty', ''],
    ['an empty Structured Field string', '""'],
    ['256 characters', 'k'.repeat(256)],
    ['a space inside', 'a b'],
    ['a space inside a Structured Field string', '"a b"'],
    ['a control character', 'a\u0001b'],
    ['non-ASCII', 'avain-ä'],
    ['sent twice', ['a', 'b']],
  ])('should refuse a key that is %s', (_label, header) => {
    expect(parseIdempotencyKey(header)).toEqual({ kind: 'invalid' });
  });
});

const KEY = Buffer.alloc(32, 7);

describe('requestFingerprint', () => {
  it('should depend on the key, so a leaked table cannot be checked by guessing bodies', () => {
    const request = { url: '/x', body: { code: '131052-308T' } };
    expect(requestFingerprint(request, KEY)).not.toBe(
      requestFingerprint(request, Buffer.alloc(32, 8)),
    );
  });

  it('should not depend on the order of keys when bodies are equal', () => {
    expect(requestFingerprint({ url: '/x', body: { a: 1, b: { c: [1, 2], d: null } } }, KEY)).toBe(
      requestFingerprint({ url: '/x', body: { b: { d: null, c: [1, 2] }, a: 1 } }, KEY),
    );
  });

  it('should differ when the body differs', () => {
    expect(requestFingerprint({ url: '/x', body: { a: 1 } }, KEY)).not.toBe(
      requestFingerprint({ url: '/x', body: { a: 2 } }, KEY),
    );
    expect(requestFingerprint({ url: '/x', body: { list: [1, 2] } }, KEY)).not.toBe(
      requestFingerprint({ url: '/x', body: { list: [2, 1] } }, KEY),
    );
  });

  it('should differ when the path or query differs for the same body', () => {
    const body = { note: 'same' };

    expect(requestFingerprint({ url: '/plans/1/close', body }, KEY)).not.toBe(
      requestFingerprint({ url: '/plans/2/close', body }, KEY),
    );
    expect(requestFingerprint({ url: '/plans?x=1', body }, KEY)).not.toBe(
      requestFingerprint({ url: '/plans?x=2', body }, KEY),
    );
  });

  it('should be 64 hex characters of SHA-256', () => {
    expect(requestFingerprint({ url: '/x', body: undefined }, KEY)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('canonicalJson', () => {
  it('should sort keys at every level', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });

  it('should write null when there is no body', () => {
    expect(canonicalJson(undefined)).toBe('null');
  });
});
