import { etagOf, ifNoneMatchMatches, parseIfMatch } from './etag';

describe('etagOf', () => {
  it('should give a strong quoted ETag when given a version', () => {
    expect(etagOf(7)).toBe('"7"');
    expect(etagOf(0)).toBe('"0"');
  });

  it.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])(
    'should refuse version %p',
    (version) => {
      expect(() => etagOf(version)).toThrow(TypeError);
    },
  );
});

describe('parseIfMatch', () => {
  it.each([
    ['"7"', 7],
    ['"0"', 0],
    ['  "42"  ', 42],
    [`"${Number.MAX_SAFE_INTEGER}"`, Number.MAX_SAFE_INTEGER],
  ])('should read %j as version %p', (header, version) => {
    expect(parseIfMatch(header)).toEqual({ kind: 'version', version });
  });

  it('should give back the version an ETag was made from', () => {
    for (const version of [0, 1, 9, 10, 123456789]) {
      expect(parseIfMatch(etagOf(version))).toEqual({ kind: 'version', version });
    }
  });

  it.each([
    ['a bare number', '7'],
    ['a weak tag', 'W/"7"'],
    ['a wildcard', '*'],
    ['a list', '"7", "8"'],
    ['a leading zero', '"07"'],
    ['a negative number', '"-1"'],
    ['a fraction', '"1.5"'],
    ['a word', '"abc"'],
    ['an empty tag', '""'],
    ['an unterminated tag', '"7'],
    ['a number beyond the safe integers', '"9007199254740993"'],
  ])('should refuse %s', (_label, header) => {
    expect(parseIfMatch(header)).toMatchObject({ kind: 'invalid' });
  });

  it('should say why when it refuses a weak tag', () => {
    expect(parseIfMatch('W/"7"')).toEqual({
      kind: 'invalid',
      reason: expect.stringContaining('strong') as string,
    });
  });
});

describe('ifNoneMatchMatches', () => {
  it.each([
    ['the same tag', '"7"'],
    ['the weak form of the tag', 'W/"7"'],
    ['a list holding the tag', '"5", W/"6", "7"'],
    ['a wildcard', '*'],
  ])('should match %s', (_label, header) => {
    expect(ifNoneMatchMatches(header, '"7"')).toBe(true);
  });

  it.each([
    ['another version', '"8"'],
    ['a list without the tag', '"5", "6"'],
    ['a malformed header', '7'],
    ['a list with a malformed member', '"7", 8'],
    ['an empty header', ''],
  ])('should not match %s', (_label, header) => {
    expect(ifNoneMatchMatches(header, '"7"')).toBe(false);
  });
});
