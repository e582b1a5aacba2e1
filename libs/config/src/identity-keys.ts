// Keys of client-intake's identity encryption and duplicate-detection hash (docs/identity.md).
// Every message here names the variable, the entry's position and at most its key id: key
// material never reaches an error line, a log or the generated docs.

/** One key of the identity key ring: its id (stored with each ciphertext) and 32 key bytes. */
export interface IdentityEncryptionKey {
  readonly id: string;
  readonly key: Buffer;
}

/** Bytes of an AES-256 key. */
export const IDENTITY_ENCRYPTION_KEY_BYTES = 32;
/** Fewest bytes of the HMAC-SHA256 key: as many as the hash gives. */
export const IDENTITY_HASH_KEY_MIN_BYTES = 32;
/** What a key id may look like; it is stored in clear in every sealed value. */
export const IDENTITY_KEY_ID_PATTERN = /^[a-z0-9-]{1,32}$/;

// Development and test only: the bytes spell what they are, so a sealed value or hash made
// with them is recognisable, and production refuses to start with either.
const DEVELOPMENT_ENCRYPTION_KEY = Buffer.from('polku-development-only-enc-key-1', 'utf8');
const DEVELOPMENT_HASH_KEY = Buffer.from('polku-development-only-hash-key1', 'utf8');

/** Default of IDENTITY_ENCRYPTION_KEYS: one public development key. Never valid in production. */
export const DEVELOPMENT_IDENTITY_ENCRYPTION_KEYS = `dev-only:${DEVELOPMENT_ENCRYPTION_KEY.toString('base64')}`;
/** Default of IDENTITY_HASH_KEY: a public development key. Never valid in production. */
export const DEVELOPMENT_IDENTITY_HASH_KEY = DEVELOPMENT_HASH_KEY.toString('base64');

/** Thrown by the parsers below; the message is safe to print (no key material). */
export class IdentityKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdentityKeyError';
  }
}

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The bytes of standard, padded base64 (what `openssl rand -base64 32` prints), else undefined. */
function strictBase64(text: string): Buffer | undefined {
  return text.length > 0 && STRICT_BASE64.test(text) ? Buffer.from(text, 'base64') : undefined;
}

const ENTRY_FORMAT = 'comma-separated keyId:base64key entries, key ids [a-z0-9-]{1,32}';

/**
 * Parses IDENTITY_ENCRYPTION_KEYS: `keyId:base64key[,keyId:base64key…]`, the first entry the
 * active key. Throws IdentityKeyError naming the entry (and its key id once that is valid).
 */
export function parseIdentityEncryptionKeys(value: string): IdentityEncryptionKey[] {
  const entries = value.split(',').map((entry) => entry.trim());
  const keys: IdentityEncryptionKey[] = [];
  entries.forEach((entry, index) => {
    const position = `entry ${index + 1}`;
    const colon = entry.indexOf(':');
    const id = colon < 0 ? '' : entry.slice(0, colon);
    if (!IDENTITY_KEY_ID_PATTERN.test(id)) {
      throw new IdentityKeyError(
        `IDENTITY_ENCRYPTION_KEYS must be ${ENTRY_FORMAT}; ${position} has no valid key id`,
      );
    }
    const key = strictBase64(entry.slice(colon + 1));
    if (key?.length !== IDENTITY_ENCRYPTION_KEY_BYTES) {
      throw new IdentityKeyError(
        `IDENTITY_ENCRYPTION_KEYS ${position} (key id "${id}") must be base64 of exactly ${IDENTITY_ENCRYPTION_KEY_BYTES} bytes (openssl rand -base64 32)`,
      );
    }
    if (keys.some((existing) => existing.id === id)) {
      throw new IdentityKeyError(`IDENTITY_ENCRYPTION_KEYS has key id "${id}" more than once`);
    }
    keys.push({ id, key });
  });
  return keys;
}

/** Parses IDENTITY_HASH_KEY: base64 of at least 32 bytes. Throws IdentityKeyError. */
export function parseIdentityHashKey(value: string): Buffer {
  const key = strictBase64(value.trim());
  if (key === undefined || key.length < IDENTITY_HASH_KEY_MIN_BYTES) {
    throw new IdentityKeyError(
      `IDENTITY_HASH_KEY must be base64 of at least ${IDENTITY_HASH_KEY_MIN_BYTES} bytes (openssl rand -base64 32)`,
    );
  }
  return key;
}

/** True when the key ring holds the public development key, in any position. */
export function usesDevelopmentEncryptionKey(keys: readonly IdentityEncryptionKey[]): boolean {
  return keys.some((entry) => entry.key.equals(DEVELOPMENT_ENCRYPTION_KEY));
}

/** True when the hash key is the public development key. */
export function isDevelopmentHashKey(key: Buffer): boolean {
  return key.equals(DEVELOPMENT_HASH_KEY);
}
