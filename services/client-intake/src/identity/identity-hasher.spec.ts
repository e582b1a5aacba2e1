import { inspect } from 'node:util';
import { identityHash, IdentityHasher } from './identity-hasher';
import { namesAndBirthDateKey } from './names-and-birth-date';
import { parsePersonalIdentityCode } from './personal-identity-code';

const HASH_KEY = Buffer.alloc(32, 9);

/** The canonical form of a code that must be valid. */
function canonical(input: string): string {
  const parsed = parsePersonalIdentityCode(input);
  if (!parsed.ok) {
    throw new Error(`expected a valid code, got ${parsed.error}`);
  }
  return parsed.code.canonical;
}

describe('identityHash', () => {
  it('should give HMAC-SHA256 of the canonical code in hex when given a key', () => {
    // openssl dgst -sha256 -mac HMAC -macopt hexkey:0909…09 (32 bytes) of "131052-308T"
    expect(identityHash('131052-308T', HASH_KEY)).toBe(
      '53f9a9e4b5d101701cd16c2cd76101d02e5ad524df33266090d39c26ca0e2111',
    );
  });

  it('should give the same hash when the same person’s code is written differently', () => {
    const hashes = ['131052-308T', ' 131052\u2013308t ', '131052 \u2212 308 T'].map((written) =>
      identityHash(canonical(written), HASH_KEY),
    );

    expect(new Set(hashes).size).toBe(1);
  });

  it('should give different hashes when codes differ only by the century sign', () => {
    expect(identityHash('131052-308T', HASH_KEY)).not.toBe(identityHash('131052Y308T', HASH_KEY));
  });

  it('should give a different hash when the key is different', () => {
    expect(identityHash('131052-308T', HASH_KEY)).not.toBe(
      identityHash('131052-308T', Buffer.alloc(32, 8)),
    );
  });

  it.each([
    ['a lower-case spelling', '131052-308t'],
    ['an en dash', '131052\u2013308T'],
    ['surrounding spaces', ' 131052-308T'],
    ['an invalid code', '131052-308U'],
  ])('should refuse a code that is not canonical when it has %s', (_case, code) => {
    expect(() => identityHash(code, HASH_KEY)).toThrow(
      'identity hashes are made of canonical codes: pass parsePersonalIdentityCode(…).code.canonical',
    );
  });
});

describe('IdentityHasher', () => {
  it('should hash with its configured key when asked', () => {
    expect(new IdentityHasher(HASH_KEY).hash('131052-308T')).toBe(
      identityHash('131052-308T', HASH_KEY),
    );
  });

  it('should refuse a key shorter than 32 bytes when constructed', () => {
    expect(() => new IdentityHasher(Buffer.alloc(31))).toThrow(RangeError);
  });

  it('should show no key material when inspected or serialised', () => {
    const hasher = new IdentityHasher(HASH_KEY);

    expect(inspect(hasher)).toBe('IdentityHasher(HMAC-SHA256)');
    expect(JSON.stringify(hasher)).toBe('{}');
  });
});

describe('IdentityHasher.hashNamesAndBirthDate', () => {
  const hasher = new IdentityHasher(HASH_KEY);
  const key = namesAndBirthDateKey({
    givenNames: 'Amina',
    familyName: 'Hassan',
    birthDate: '1990-04-17',
  });

  it('should give 64 hex characters, the same for the same key and another under another key', () => {
    expect(hasher.hashNamesAndBirthDate(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hasher.hashNamesAndBirthDate(key)).toBe(hasher.hashNamesAndBirthDate(key));
    expect(new IdentityHasher(Buffer.alloc(32, 8)).hashNamesAndBirthDate(key)).not.toBe(
      hasher.hashNamesAndBirthDate(key),
    );
  });

  it('should refuse a string that is not a names-and-birth-date key', () => {
    expect(() => hasher.hashNamesAndBirthDate('Hassan Amina 1990-04-17')).toThrow(TypeError);
  });
});
