import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import { IDENTITY_HASH_KEY_MIN_BYTES } from '@polku/config';
import { parsePersonalIdentityCode } from './personal-identity-code';

function assertCanonical(canonicalCode: string): void {
  const parsed = parsePersonalIdentityCode(canonicalCode);
  // Hashing another spelling of a code would silently miss the duplicate it exists to find.
  if (!parsed.ok || parsed.code.canonical !== canonicalCode) {
    throw new TypeError(
      'identity hashes are made of canonical codes: pass parsePersonalIdentityCode(…).code.canonical',
    );
  }
}

/**
 * The duplicate-detection hash of a canonical personal identity code: HMAC-SHA256 under the
 * identity hash key, lower-case hex (64 characters). Without the key the hash cannot be
 * reversed by trying the few million possible codes.
 */
export function identityHash(canonicalCode: string, hashKey: Buffer): string {
  assertCanonical(canonicalCode);
  return createHmac('sha256', hashKey).update(canonicalCode, 'utf8').digest('hex');
}

/** identityHash with the configured IDENTITY_HASH_KEY. */
export class IdentityHasher {
  // ES private, so neither util.inspect nor JSON.stringify can reach the key.
  readonly #key: Buffer;

  constructor(hashKey: Buffer) {
    if (hashKey.length < IDENTITY_HASH_KEY_MIN_BYTES) {
      throw new RangeError(
        `the identity hash key must be at least ${IDENTITY_HASH_KEY_MIN_BYTES} bytes`,
      );
    }
    this.#key = Buffer.from(hashKey);
  }

  /** identityHash(canonicalCode) under the configured key. */
  hash(canonicalCode: string): string {
    return identityHash(canonicalCode, this.#key);
  }

  /**
   * The keyed hash of namesAndBirthDateKey(…): the same HMAC under the same key, with its own
   * prefix so that it can never equal the hash of a code.
   */
  hashNamesAndBirthDate(key: string): string {
    if (!key.startsWith('v1\u0000')) {
      throw new TypeError('pass namesAndBirthDateKey(…) to hashNamesAndBirthDate');
    }
    return createHmac('sha256', this.#key)
      .update(`names-and-birth-date\u0000${key}`, 'utf8')
      .digest('hex');
  }

  [inspect.custom](): string {
    return 'IdentityHasher(HMAC-SHA256)';
  }
}
