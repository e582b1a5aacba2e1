import { IsIP, IsUrl, Matches, ValidateBy, ValidateIf } from 'class-validator';
import { BooleanVar, IntVar } from './coerce';
import { EnvVar } from './env-var.decorator';
import { demoModeProblem, insecureKeySourceProblem } from './gateway-auth.rules';
import {
  DEVELOPMENT_INTERNAL_TOKEN_SIGNING_KEY,
  parseInternalTokenSigningKey,
  signingKeyProblem,
  ValidInternalTokenKey,
} from './internal-token-keys';
import { ServiceConfig } from './service.config';

/** The public development default of IDEMPOTENCY_FINGERPRINT_KEY; refused in production. */
const DEVELOPMENT_FINGERPRINT_KEY = Buffer.from(
  'polku-development-only-fingerprint',
  'utf8',
).toString('base64');

function fingerprintKeyProblem(config: GatewayConfig): string | undefined {
  const value: unknown = config.IDEMPOTENCY_FINGERPRINT_KEY;
  const key = typeof value === 'string' ? Buffer.from(value, 'base64') : undefined;
  if (
    typeof value !== 'string' ||
    key === undefined ||
    key.length < 32 ||
    key.toString('base64') !== value.trim()
  ) {
    return 'IDEMPOTENCY_FINGERPRINT_KEY must be base64 of at least 32 bytes (openssl rand -base64 32)';
  }
  if (config.NODE_ENV === 'production' && value === DEVELOPMENT_FINGERPRINT_KEY) {
    return 'IDEMPOTENCY_FINGERPRINT_KEY must be a key of your own when NODE_ENV=production, not the public development key';
  }
  return undefined;
}

/** The gateway reads everything a service does, plus its HTTP settings. */
export class GatewayConfig extends ServiceConfig {
  @EnvVar({ description: 'Address the gateway’s HTTP server binds to.', default: '127.0.0.1' })
  @IsIP(undefined, {
    message: (args) => `HTTP_HOST must be an IP address, got ${JSON.stringify(args.value)}`,
  })
  HTTP_HOST!: string;

  @EnvVar({ description: 'Port of the gateway’s HTTP server.', default: '3000' })
  @IntVar(1, 65535)
  HTTP_PORT!: number;

  @EnvVar({
    description:
      'How long GET /health waits for each service’s answer before calling it down, in ms.',
    default: '1500',
  })
  @IntVar(50, 60000)
  HEALTH_TIMEOUT_MS!: number;

  @EnvVar({
    description:
      'Largest request body the gateway reads, in bytes; a larger one is answered 413 problem+json.',
    default: '102400',
  })
  @IntVar(1024, 104857600)
  HTTP_BODY_LIMIT_BYTES!: number;

  @EnvVar({
    description:
      'Requests one user (or, before sign-in, one client IP) may make to /api/v1 per minute; more are answered 429 problem+json with Retry-After.',
    default: '600',
  })
  @IntVar(1, 1000000)
  RATE_LIMIT_PER_MINUTE!: number;

  @EnvVar({
    description:
      'Refused authentications (no bearer token, or a bad one) one client IP may cause per minute; beyond it the gateway answers 429 problem+json with Retry-After instead of 401.',
    default: '60',
  })
  @IntVar(1, 1000000)
  AUTH_FAILURES_PER_MINUTE!: number;

  @EnvVar({
    description:
      'How long the gateway remembers a command’s Idempotency-Key and replays its answer to a retry, in hours; older records are pruned.',
    default: '24',
  })
  @IntVar(1, 720)
  IDEMPOTENCY_TTL_HOURS!: number;

  @EnvVar({
    description:
      'OIDC issuer whose bearer tokens the gateway accepts (the exact `iss`, e.g. a Keycloak realm URL). Required when NODE_ENV=production, where it must be https (a loopback address excepted); elsewhere the gateway does not start without it unless POLKU_DEMO=true.',
    default: '',
  })
  @ValidateIf(
    (config: GatewayConfig) => config.NODE_ENV === 'production' || config.AUTH_ISSUER !== '',
  )
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    {
      message: (args) =>
        `AUTH_ISSUER must be the OIDC issuer URL (required when NODE_ENV=production), got ${JSON.stringify(args.value)}`,
    },
  )
  @ValidateBy({
    name: 'httpsIssuer',
    validator: {
      validate: (_value, args) =>
        insecureKeySourceProblem(args?.object as GatewayConfig, 'AUTH_ISSUER') === undefined,
      defaultMessage: (args) =>
        insecureKeySourceProblem(args?.object as GatewayConfig, 'AUTH_ISSUER') ?? '',
    },
  })
  AUTH_ISSUER!: string;

  @EnvVar({
    description:
      'true: the built-in demo issuer at /api/v1/dev-auth signs tokens for the Kainuu demo users, for anyone who asks. Only for trying polku out: refused when NODE_ENV=production or with AUTH_ISSUER set. npm start sets it when AUTH_ISSUER is empty.',
    default: 'false',
  })
  @BooleanVar()
  @ValidateBy({
    name: 'demoMode',
    validator: {
      validate: (_value, args) => demoModeProblem(args?.object as GatewayConfig) === undefined,
      defaultMessage: (args) => demoModeProblem(args?.object as GatewayConfig) ?? '',
    },
  })
  POLKU_DEMO!: boolean;

  @EnvVar({
    description: 'Audience (`aud`) a token must name to be accepted by the gateway.',
    default: 'polku-gateway',
  })
  @Matches(/^\S+$/, { message: 'AUTH_AUDIENCE must be one word without spaces' })
  AUTH_AUDIENCE!: string;

  @EnvVar({
    description:
      'JWKS URL of the issuer’s signing keys. Empty: read `jwks_uri` from the issuer’s /.well-known/openid-configuration.',
    default: '',
  })
  @ValidateIf((config: GatewayConfig) => config.AUTH_JWKS_URL !== '')
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: (args) => `AUTH_JWKS_URL must be a URL, got ${JSON.stringify(args.value)}` },
  )
  @ValidateBy({
    name: 'httpsJwks',
    validator: {
      validate: (_value, args) =>
        insecureKeySourceProblem(args?.object as GatewayConfig, 'AUTH_JWKS_URL') === undefined,
      defaultMessage: (args) =>
        insecureKeySourceProblem(args?.object as GatewayConfig, 'AUTH_JWKS_URL') ?? '',
    },
  })
  AUTH_JWKS_URL!: string;

  @EnvVar({
    description: 'Clock difference tolerated between the issuer and the gateway, in seconds.',
    default: '30',
  })
  @IntVar(0, 300)
  AUTH_CLOCK_TOLERANCE_S!: number;

  @EnvVar({
    description:
      'HMAC-SHA256 key of the request fingerprints kept with Idempotency-Key records, so the gateway never stores an unkeyed hash of a request body that may hold identity: base64 of at least 32 bytes (`openssl rand -base64 32`), the same on every gateway replica. Must be set when NODE_ENV=production.',
    default: DEVELOPMENT_FINGERPRINT_KEY,
    secret: true,
  })
  @ValidateBy({
    name: 'fingerprintKey',
    validator: {
      validate: (_value, args) =>
        fingerprintKeyProblem(args?.object as GatewayConfig) === undefined,
      defaultMessage: (args) => fingerprintKeyProblem(args?.object as GatewayConfig) ?? '',
    },
  })
  IDEMPOTENCY_FINGERPRINT_KEY!: string;

  /** The fingerprint key. Only call on a loaded (validated) config. */
  fingerprintKey(): Buffer {
    return Buffer.from(this.IDEMPOTENCY_FINGERPRINT_KEY, 'base64');
  }

  // Live updates (docs/meetings.md, "Live updates").
  @EnvVar({
    description:
      'Seconds between the heartbeats of an open live stream (SSE comment lines that keep proxies from closing it); each heartbeat also catches up entries a lost notice did not announce and checks access again.',
    default: '15',
  })
  @IntVar(1, 300)
  LIVE_HEARTBEAT_SECONDS!: number;

  @EnvVar({
    description:
      'Live streams (open timelines and meeting views) one user may hold open at a time on one gateway; one more is answered 429 problem+json.',
    default: '10',
  })
  @IntVar(1, 1000)
  LIVE_SUBSCRIBERS_PER_USER!: number;

  // The internal token (docs/security.md): the gateway signs one for every request it sends.
  @EnvVar({
    description:
      'Key the gateway signs its internal tokens with: `keyId:base64`, the DER (PKCS8) of an Ed25519 private key; the key id travels as the token’s `kid` (docs/security.md, "Keys and their rotation"). Must be set when NODE_ENV=production.',
    default: DEVELOPMENT_INTERNAL_TOKEN_SIGNING_KEY,
    secret: true,
  })
  @ValidInternalTokenKey(signingKeyProblem)
  INTERNAL_TOKEN_SIGNING_KEY!: string;

  @EnvVar({
    description:
      'Life of an internal token, in seconds: long enough for one request to reach a service, short enough that a copied token is soon useless.',
    default: '30',
  })
  @IntVar(1, 60)
  INTERNAL_TOKEN_LIFETIME_S!: number;

  /** The gateway signs internal tokens; it answers no requests, so it verifies none. */
  override verifiesInternalTokens(): boolean {
    return false;
  }

  /** The internal-token signing key. Only call on a loaded (validated) config. */
  internalTokenSigningKey() {
    return parseInternalTokenSigningKey(this.INTERNAL_TOKEN_SIGNING_KEY);
  }
}
