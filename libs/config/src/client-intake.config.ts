import { ValidateBy, type ValidationArguments } from 'class-validator';
import { EnvVar } from './env-var.decorator';
import {
  DEVELOPMENT_IDENTITY_ENCRYPTION_KEYS,
  DEVELOPMENT_IDENTITY_HASH_KEY,
  IdentityKeyError,
  isDevelopmentHashKey,
  parseIdentityEncryptionKeys,
  parseIdentityHashKey,
  usesDevelopmentEncryptionKey,
} from './identity-keys';
import { ServiceConfig } from './service.config';
import { FindNewServiceBusinessDays } from './shared-path-policy';

/** The problem parse reports, or undefined when it parses. */
function parseProblem(parse: () => unknown): string | undefined {
  try {
    parse();
    return undefined;
  } catch (error) {
    if (error instanceof IdentityKeyError) {
      return error.message;
    }
    throw error;
  }
}

function encryptionKeysProblem(config: ClientIntakeConfig): string | undefined {
  const value: unknown = config.IDENTITY_ENCRYPTION_KEYS;
  if (typeof value !== 'string') {
    return 'IDENTITY_ENCRYPTION_KEYS must be comma-separated keyId:base64key entries';
  }
  const problem = parseProblem(() => parseIdentityEncryptionKeys(value));
  if (problem !== undefined) {
    return problem;
  }
  if (config.NODE_ENV === 'production' && usesDevelopmentEncryptionKey(config.identityKeys())) {
    return 'IDENTITY_ENCRYPTION_KEYS must hold keys of your own when NODE_ENV=production, not the public development key';
  }
  return undefined;
}

function hashKeyProblem(config: ClientIntakeConfig): string | undefined {
  const value: unknown = config.IDENTITY_HASH_KEY;
  if (typeof value !== 'string') {
    return 'IDENTITY_HASH_KEY must be base64';
  }
  const problem = parseProblem(() => parseIdentityHashKey(value));
  if (problem !== undefined) {
    return problem;
  }
  const hashKey = config.identityHashKey();
  if (config.NODE_ENV === 'production' && isDevelopmentHashKey(hashKey)) {
    return 'IDENTITY_HASH_KEY must be a key of your own when NODE_ENV=production, not the public development key';
  }
  // One key, one purpose: the hash key must not also open the encrypted fields.
  if (
    encryptionKeysProblem(config) === undefined &&
    config.identityKeys().some((entry) => entry.key.equals(hashKey))
  ) {
    return 'IDENTITY_HASH_KEY must differ from every key in IDENTITY_ENCRYPTION_KEYS';
  }
  return undefined;
}

/** Validates a variable with a whole-config check whose message never quotes the value. */
function ValidKeys(
  name: string,
  problemOf: (config: ClientIntakeConfig) => string | undefined,
): PropertyDecorator {
  const problem = (args: ValidationArguments) => problemOf(args.object as ClientIntakeConfig);
  return ValidateBy({
    name,
    validator: {
      validate: (_value, args) => args !== undefined && problem(args) === undefined,
      defaultMessage: (args) => (args === undefined ? `${name} failed` : (problem(args) ?? '')),
    },
  });
}

/**
 * client-intake reads everything a service does, plus the keys of the identity fields it alone
 * keeps (docs/identity.md) and the due date of a declined referral's task (docs/intake.md).
 */
export class ClientIntakeConfig extends ServiceConfig {
  @EnvVar({
    description:
      'Keys that seal identity fields (AES-256-GCM): comma-separated `keyId:base64key` entries, each key 32 bytes (`openssl rand -base64 32`), key ids `[a-z0-9-]{1,32}`. The first encrypts; all decrypt, so a new key goes first and an old one stays until its rows are re-encrypted (docs/identity.md). Must be set when NODE_ENV=production.',
    default: DEVELOPMENT_IDENTITY_ENCRYPTION_KEYS,
    secret: true,
  })
  @ValidKeys('identityEncryptionKeys', encryptionKeysProblem)
  IDENTITY_ENCRYPTION_KEYS!: string;

  @EnvVar({
    description:
      'HMAC-SHA256 key of the personal identity code hash that finds the same person again: base64 of at least 32 bytes, different from every encryption key. Changing it changes every hash (docs/identity.md). Must be set when NODE_ENV=production.',
    default: DEVELOPMENT_IDENTITY_HASH_KEY,
    secret: true,
  })
  @ValidKeys('identityHashKey', hashKeyProblem)
  IDENTITY_HASH_KEY!: string;

  /** Shared with transitions: one deadline for the referrer after a decline (docs/intake.md). */
  @FindNewServiceBusinessDays()
  FIND_NEW_SERVICE_BUSINESS_DAYS!: number;

  /** The identity key ring, active key first. Only call on a loaded (validated) config. */
  identityKeys() {
    return parseIdentityEncryptionKeys(this.IDENTITY_ENCRYPTION_KEYS);
  }

  /** The identity hash key. Only call on a loaded (validated) config. */
  identityHashKey(): Buffer {
    return parseIdentityHashKey(this.IDENTITY_HASH_KEY);
  }
}
