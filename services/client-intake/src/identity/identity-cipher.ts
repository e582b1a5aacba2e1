import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import {
  IDENTITY_ENCRYPTION_KEY_BYTES,
  IDENTITY_KEY_ID_PATTERN,
  type IdentityEncryptionKey,
} from '@polku/config';

// Sealed value: v1.<keyId>.<iv>.<ciphertext>.<tag>, the last three unpadded base64url.
// AES-256-GCM, a random 96-bit IV per value, a 128-bit tag. The associated data authenticated
// with it is "v1.<keyId>." followed by the caller's context (e.g. client:<id>:name), so a
// value copied to another row or column, or given another key id, does not decrypt.
const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Why a sealed value could not be opened. */
export type IdentityCipherErrorCode =
  'MALFORMED' | 'UNSUPPORTED_VERSION' | 'UNKNOWN_KEY' | 'NOT_AUTHENTIC';

/** A sealed value that cannot be opened. Messages name at most the key id, never any data. */
export class IdentityCipherError extends Error {
  constructor(
    readonly code: IdentityCipherErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IdentityCipherError';
  }
}

interface SealedParts {
  readonly keyId: string;
  readonly iv: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
}

/** Strict unpadded base64url: one spelling per byte string. */
function base64url(text: string): Buffer | undefined {
  if (!BASE64URL.test(text)) {
    return undefined;
  }
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}

function malformed(what: string): IdentityCipherError {
  return new IdentityCipherError('MALFORMED', `sealed identity value is malformed: ${what}`);
}

function associatedDataOf(keyId: string, associatedData: string): Buffer {
  if (associatedData.length === 0) {
    // Binding every value to its row and column is the point: no unbound values.
    throw new TypeError('identity values are sealed with associated data, e.g. client:<id>:name');
  }
  return Buffer.from(`${VERSION}.${keyId}.${associatedData}`, 'utf8');
}

/**
 * Seals and opens identity fields with a key ring: the first key seals, every key opens, so
 * keys rotate by putting a new key first and re-encrypting (docs/identity.md).
 */
export class IdentityCipher {
  // ES private, so neither util.inspect nor JSON.stringify can reach key material.
  readonly #keys: ReadonlyMap<string, Buffer>;
  /** The id of the key new values are sealed with. */
  readonly activeKeyId: string;

  constructor(keyRing: readonly IdentityEncryptionKey[]) {
    if (keyRing.length === 0) {
      throw new RangeError('the identity key ring needs at least one key');
    }
    const keys = new Map<string, Buffer>();
    for (const { id, key } of keyRing) {
      if (!IDENTITY_KEY_ID_PATTERN.test(id) || keys.has(id)) {
        throw new RangeError('identity key ids must be unique and match [a-z0-9-]{1,32}');
      }
      if (key.length !== IDENTITY_ENCRYPTION_KEY_BYTES) {
        throw new RangeError(`identity key "${id}" must be ${IDENTITY_ENCRYPTION_KEY_BYTES} bytes`);
      }
      keys.set(id, Buffer.from(key));
    }
    this.#keys = keys;
    this.activeKeyId = keyRing[0].id;
  }

  /** Seals plaintext with the active key, bound to associatedData (e.g. client:<id>:name). */
  encrypt(plaintext: string, associatedData: string): string {
    const bytes = Buffer.from(plaintext, 'utf8');
    if (bytes.toString('utf8') !== plaintext) {
      throw new TypeError('identity values must be well-formed Unicode text');
    }
    const keyId = this.activeKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.#key(keyId), iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedDataOf(keyId, associatedData));
    const ciphertext = Buffer.concat([cipher.update(bytes), cipher.final()]);
    return [
      VERSION,
      keyId,
      iv.toString('base64url'),
      ciphertext.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
    ].join('.');
  }

  /**
   * Opens a sealed value with the key its id names and the same associatedData it was sealed
   * with. Throws IdentityCipherError: MALFORMED, UNSUPPORTED_VERSION, UNKNOWN_KEY (the message
   * names the key id) or NOT_AUTHENTIC (other associated data, other key material, altered).
   */
  decrypt(sealed: string, associatedData: string): string {
    const { keyId, iv, ciphertext, tag } = this.#parse(sealed);
    const decipher = createDecipheriv(ALGORITHM, this.#key(keyId), iv, {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(associatedDataOf(keyId, associatedData));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new IdentityCipherError(
        'NOT_AUTHENTIC',
        `identity value sealed with key "${keyId}" does not authenticate: sealed for another row or column, with other key material under that id, or altered`,
      );
    }
  }

  /** The id of the key a value was sealed with. Throws IdentityCipherError when malformed. */
  keyIdOf(sealed: string): string {
    return this.#parse(sealed).keyId;
  }

  /** True when the value was sealed with a key other than the active one. */
  needsReencryption(sealed: string): boolean {
    return this.keyIdOf(sealed) !== this.activeKeyId;
  }

  /** The value sealed with the active key: unchanged when it already is, else opened and resealed. */
  reencrypt(sealed: string, associatedData: string): string {
    return this.needsReencryption(sealed)
      ? this.encrypt(this.decrypt(sealed, associatedData), associatedData)
      : sealed;
  }

  [inspect.custom](): string {
    return `IdentityCipher(active ${this.activeKeyId}; keys ${[...this.#keys.keys()].join(', ')})`;
  }

  #key(keyId: string): Buffer {
    const key = this.#keys.get(keyId);
    if (key === undefined) {
      throw new IdentityCipherError(
        'UNKNOWN_KEY',
        `identity value is sealed with key "${keyId}", which IDENTITY_ENCRYPTION_KEYS does not hold (it holds ${[...this.#keys.keys()].join(', ')})`,
      );
    }
    return key;
  }

  #parse(sealed: string): SealedParts {
    if (typeof sealed !== 'string') {
      throw malformed('not a string');
    }
    const parts = sealed.split('.');
    if (parts.length !== 5) {
      throw malformed('expected v1.<keyId>.<iv>.<ciphertext>.<tag>');
    }
    const [version, keyId, ivText, ciphertextText, tagText] = parts;
    if (version !== VERSION) {
      throw /^v\d{1,3}$/.test(version)
        ? new IdentityCipherError(
            'UNSUPPORTED_VERSION',
            `sealed identity value has format ${version}; this version reads ${VERSION}`,
          )
        : malformed('no format version');
    }
    if (!IDENTITY_KEY_ID_PATTERN.test(keyId)) {
      throw malformed('no valid key id');
    }
    const iv = base64url(ivText);
    const ciphertext = base64url(ciphertextText);
    const tag = base64url(tagText);
    if (iv?.length !== IV_BYTES || ciphertext === undefined || tag?.length !== TAG_BYTES) {
      throw malformed(`IV, ciphertext or tag of key "${keyId}" is not base64url of the right size`);
    }
    return { keyId, iv, ciphertext, tag };
  }
}
