import {
  DEVELOPMENT_IDENTITY_ENCRYPTION_KEYS,
  DEVELOPMENT_IDENTITY_HASH_KEY,
  IdentityKeyError,
  parseIdentityEncryptionKeys,
  parseIdentityHashKey,
} from './identity-keys';

const key = (fill: number, bytes = 32) => Buffer.alloc(bytes, fill).toString('base64');

/** The message parse threw, or a failure when it threw none. */
function keyErrorOf(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    if (error instanceof IdentityKeyError) {
      return error.message;
    }
    throw error;
  }
  throw new Error('expected an IdentityKeyError');
}

describe('parseIdentityEncryptionKeys', () => {
  it('should give the keys in order, the first active, when entries are separated by commas and spaces', () => {
    expect(parseIdentityEncryptionKeys(` k-2024:${key(2)} , k-2023:${key(1)}`)).toEqual([
      { id: 'k-2024', key: Buffer.alloc(32, 2) },
      { id: 'k-2023', key: Buffer.alloc(32, 1) },
    ]);
  });

  it('should parse the development default when given it', () => {
    const [entry] = parseIdentityEncryptionKeys(DEVELOPMENT_IDENTITY_ENCRYPTION_KEYS);

    expect(entry.id).toBe('dev-only');
    expect(entry.key.toString('utf8')).toContain('development-only');
  });

  it.each([
    ['is empty', '', 'entry 1 has no valid key id'],
    ['ends with a comma', `k1:${key(1)},`, 'entry 2 has no valid key id'],
    ['has an upper-case key id', `K1:${key(1)}`, 'entry 1 has no valid key id'],
    ['has a key id of 33 characters', `${'a'.repeat(33)}:${key(1)}`, 'entry 1 has no valid key id'],
    ['has a key id with a dot', `k.1:${key(1)}`, 'entry 1 has no valid key id'],
    [
      'has a key of 16 bytes',
      `k1:${key(1, 16)}`,
      'entry 1 (key id "k1") must be base64 of exactly 32',
    ],
    [
      'has a key of 64 bytes',
      `k1:${key(1, 64)}`,
      'entry 1 (key id "k1") must be base64 of exactly 32',
    ],
    ['has unpadded base64', `k1:${key(1).replace(/=+$/, '')}`, 'must be base64 of exactly 32'],
    ['has base64url', `k1:${Buffer.alloc(32, 0xfb).toString('base64url')}=`, 'must be base64'],
    ['repeats a key id', `k1:${key(1)},k1:${key(2)}`, 'key id "k1" more than once'],
  ])('should throw IdentityKeyError when the value %s', (_case, value, expected) => {
    const message = keyErrorOf(() => parseIdentityEncryptionKeys(value));

    expect(message).toMatch(/^IDENTITY_ENCRYPTION_KEYS /);
    expect(message).toContain(expected);
  });

  it('should never quote key material when an entry is wrong', () => {
    const secret = key(0x5a, 31);

    expect(keyErrorOf(() => parseIdentityEncryptionKeys(`k1:${secret}`))).not.toContain(secret);
  });
});

describe('parseIdentityHashKey', () => {
  it('should give the bytes when the key is base64 of 32 or more bytes', () => {
    expect(parseIdentityHashKey(key(3))).toEqual(Buffer.alloc(32, 3));
    expect(parseIdentityHashKey(key(3, 64))).toEqual(Buffer.alloc(64, 3));
    expect(parseIdentityHashKey(DEVELOPMENT_IDENTITY_HASH_KEY)).toHaveLength(32);
  });

  it.each([
    ['too short', key(3, 31)],
    ['empty', ''],
    ['not base64', 'x'.repeat(43) + '!'],
  ])('should throw IdentityKeyError naming the variable when the key is %s', (_case, value) => {
    const message = keyErrorOf(() => parseIdentityHashKey(value));

    expect(message).toBe(
      'IDENTITY_HASH_KEY must be base64 of at least 32 bytes (openssl rand -base64 32)',
    );
  });
});
