import { prototypeKeysIn } from './forbidden-keys';
import { firstLimitBreach, type JsonLimits } from './json-limits';

const LIMITS: JsonLimits = { maxDepth: 3, maxKeys: 2, maxStringLength: 5 };

describe('firstLimitBreach', () => {
  it.each([
    ['depth at the limit', '[[[1]]]'],
    ['members at the limit', '{"a":1,"b":{}}'],
    ['a string at the limit', '["12345"]'],
    ['brackets and colons inside strings', '["[[[[", "a:b:c"]'],
    ['an escaped quote inside a string', '["\\"[["]'],
  ])('should accept %s', (_what, text) => {
    expect(firstLimitBreach(text, LIMITS)).toBeUndefined();
  });

  it.each([
    ['depth', '[[[[1]]]]', 'maxDepth'],
    ['members', '{"a":1,"b":2,"c":3}', 'maxKeys'],
    ['a long value', '["123456"]', 'maxStringLength'],
    ['a long key', '{"abcdef":1}', 'maxStringLength'],
    ['a long unterminated string', '["1234567', 'maxStringLength'],
  ])('should refuse %s', (_what, text, limit) => {
    expect(firstLimitBreach(text, LIMITS)).toMatchObject({ limit });
  });

  it('should scan a million levels without recursion', () => {
    const text = '['.repeat(1_000_000);
    expect(firstLimitBreach(text, { ...LIMITS, maxDepth: 2_000_000 })).toBeUndefined();
  });
});

describe('prototypeKeysIn', () => {
  it('should name every prototype key by its path, and nothing else', () => {
    const value: unknown = JSON.parse(
      '{"a":{"__proto__":{"x":1}},"b":[{"constructor":{}}],"prototype":1,"valueOf":2}',
    );
    expect(prototypeKeysIn(value).map((key) => key.field)).toEqual([
      'a.__proto__',
      'b[0].constructor',
      'prototype',
    ]);
  });

  it('should find nothing in a body without them', () => {
    expect(prototypeKeysIn({ a: [{ b: 'constructor' }] })).toEqual([]);
  });
});
