// Keys of the internal token the gateway signs and every service verifies (docs/security.md,
// "The internal token"). As with the identity keys, messages name the variable, the entry's
// position and at most its key id: key material never reaches an error line, a log or the docs.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { ValidateBy, type ValidationArguments } from 'class-validator';

/** The gateway's signing key: its id (the token's `kid`) and the Ed25519 private key. */
export interface InternalTokenSigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
}

/** One key a service accepts: its id and the Ed25519 public key. */
export interface InternalTokenVerifyKey {
  readonly kid: string;
  readonly publicKey: KeyObject;
}

/** What a key id may look like; it travels in clear in every token's header. */
export const INTERNAL_TOKEN_KEY_ID_PATTERN = /^[a-z0-9-]{1,32}$/;

// Development and test only: the 32-byte Ed25519 seed spells what it is, and production
// refuses to start with it, on the gateway (signing) and on every service (verifying).
const DEVELOPMENT_SEED = Buffer.from('polku-development-only-token-key', 'utf8');
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const DEVELOPMENT_PRIVATE_KEY = createPrivateKey({
  key: Buffer.concat([PKCS8_ED25519_PREFIX, DEVELOPMENT_SEED]),
  format: 'der',
  type: 'pkcs8',
});
const DEVELOPMENT_PUBLIC_KEY = createPublicKey(DEVELOPMENT_PRIVATE_KEY);
const derBase64 = (key: KeyObject, type: 'pkcs8' | 'spki'): string =>
  key.export({ format: 'der', type }).toString('base64');

/** Key id of the public development key pair. */
export const DEVELOPMENT_INTERNAL_TOKEN_KEY_ID = 'dev-only';
/** Default of INTERNAL_TOKEN_SIGNING_KEY: the public development key. Never valid in production. */
export const DEVELOPMENT_INTERNAL_TOKEN_SIGNING_KEY = `${DEVELOPMENT_INTERNAL_TOKEN_KEY_ID}:${derBase64(DEVELOPMENT_PRIVATE_KEY, 'pkcs8')}`;
/** Default of INTERNAL_TOKEN_VERIFY_KEYS: the development public key. Never valid in production. */
export const DEVELOPMENT_INTERNAL_TOKEN_VERIFY_KEYS = `${DEVELOPMENT_INTERNAL_TOKEN_KEY_ID}:${derBase64(DEVELOPMENT_PUBLIC_KEY, 'spki')}`;

/** Thrown by the parsers below; the message is safe to print (no key material). */
export class InternalTokenKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InternalTokenKeyError';
  }
}

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Splits `keyId:base64der` and reads the DER with `read`; undefined when it is no Ed25519 key. */
function parseEntry<T extends KeyObject>(
  variable: string,
  entry: string,
  position: string,
  read: (der: Buffer) => T,
): { kid: string; key: T } {
  const colon = entry.indexOf(':');
  const kid = colon < 0 ? '' : entry.slice(0, colon);
  if (!INTERNAL_TOKEN_KEY_ID_PATTERN.test(kid)) {
    throw new InternalTokenKeyError(
      `${variable} must be keyId:base64 entries, key ids [a-z0-9-]{1,32}; ${position} has no valid key id`,
    );
  }
  const text = entry.slice(colon + 1).trim();
  let key: T | undefined;
  try {
    key = STRICT_BASE64.test(text) && text !== '' ? read(Buffer.from(text, 'base64')) : undefined;
  } catch {
    key = undefined;
  }
  if (key?.asymmetricKeyType !== 'ed25519') {
    throw new InternalTokenKeyError(
      `${variable} ${position} (key id "${kid}") must be base64 of a DER Ed25519 key (docs/security.md, "Keys and their rotation")`,
    );
  }
  return { kid, key };
}

/** Parses INTERNAL_TOKEN_SIGNING_KEY: `keyId:base64(PKCS8 DER of an Ed25519 private key)`. */
export function parseInternalTokenSigningKey(value: string): InternalTokenSigningKey {
  const { kid, key } = parseEntry('INTERNAL_TOKEN_SIGNING_KEY', value.trim(), 'the key', (der) =>
    createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }),
  );
  return { kid, privateKey: key };
}

/**
 * Parses INTERNAL_TOKEN_VERIFY_KEYS: `keyId:base64(SPKI DER)[,keyId:base64…]`. Several keys
 * exist only while a signing key rotates; every one of them is accepted.
 */
export function parseInternalTokenVerifyKeys(value: string): InternalTokenVerifyKey[] {
  const keys: InternalTokenVerifyKey[] = [];
  value.split(',').forEach((entry, index) => {
    const { kid, key } = parseEntry(
      'INTERNAL_TOKEN_VERIFY_KEYS',
      entry.trim(),
      `entry ${index + 1}`,
      (der) => createPublicKey({ key: der, format: 'der', type: 'spki' }),
    );
    if (keys.some((existing) => existing.kid === kid)) {
      throw new InternalTokenKeyError(
        `INTERNAL_TOKEN_VERIFY_KEYS has key id "${kid}" more than once`,
      );
    }
    keys.push({ kid, publicKey: key });
  });
  return keys;
}

/** True when the signing key is the public development key, whatever its key id. */
export function isDevelopmentSigningKey(key: InternalTokenSigningKey): boolean {
  return createPublicKey(key.privateKey).equals(DEVELOPMENT_PUBLIC_KEY);
}

/** True when the development public key is among the accepted keys, whatever its key id. */
export function acceptsDevelopmentKey(keys: readonly InternalTokenVerifyKey[]): boolean {
  return keys.some((entry) => entry.publicKey.equals(DEVELOPMENT_PUBLIC_KEY));
}

function problemOf(parse: () => void): string | undefined {
  try {
    parse();
    return undefined;
  } catch (error) {
    if (error instanceof InternalTokenKeyError) {
      return error.message;
    }
    throw error;
  }
}

/** What is wrong with INTERNAL_TOKEN_VERIFY_KEYS for this NODE_ENV, or undefined. */
export function verifyKeysProblem(value: unknown, nodeEnv: unknown): string | undefined {
  if (typeof value !== 'string') {
    return 'INTERNAL_TOKEN_VERIFY_KEYS must be comma-separated keyId:base64 entries';
  }
  return (
    problemOf(() => parseInternalTokenVerifyKeys(value)) ??
    (nodeEnv === 'production' && acceptsDevelopmentKey(parseInternalTokenVerifyKeys(value))
      ? 'INTERNAL_TOKEN_VERIFY_KEYS must hold only the gateway’s own keys when NODE_ENV=production, not the public development key'
      : undefined)
  );
}

/** What is wrong with INTERNAL_TOKEN_SIGNING_KEY for this NODE_ENV, or undefined. */
export function signingKeyProblem(value: unknown, nodeEnv: unknown): string | undefined {
  if (typeof value !== 'string') {
    return 'INTERNAL_TOKEN_SIGNING_KEY must be keyId:base64';
  }
  return (
    problemOf(() => parseInternalTokenSigningKey(value)) ??
    (nodeEnv === 'production' && isDevelopmentSigningKey(parseInternalTokenSigningKey(value))
      ? 'INTERNAL_TOKEN_SIGNING_KEY must be a key of your own when NODE_ENV=production, not the public development key'
      : undefined)
  );
}

/**
 * Validates a key variable with a check that reads NODE_ENV too; its message never quotes
 * the value.
 */
export function ValidInternalTokenKey(
  problemOf: (value: unknown, nodeEnv: unknown) => string | undefined,
): PropertyDecorator {
  const problem = (args: ValidationArguments) =>
    problemOf(args.value, (args.object as { NODE_ENV?: unknown }).NODE_ENV);
  return ValidateBy({
    name: 'internalTokenKey',
    validator: {
      validate: (_value, args) => args !== undefined && problem(args) === undefined,
      defaultMessage: (args) => (args === undefined ? 'invalid key' : (problem(args) ?? '')),
    },
  });
}
