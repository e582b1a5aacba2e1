import { IsString, Matches, ValidateIf } from 'class-validator';
import { BooleanVar, IntVar, OneOfVar } from './coerce';
import { EnvVar } from './env-var.decorator';
import {
  DEVELOPMENT_INTERNAL_TOKEN_VERIFY_KEYS,
  parseInternalTokenVerifyKeys,
  ValidInternalTokenKey,
  verifyKeysProblem,
} from './internal-token-keys';
import { IsNatsUrlList, IsPostgresUrl } from './validators';

/** Where a process runs; production refuses development keys and the demo issuer. */
export const NODE_ENVS = ['development', 'test', 'production'] as const;
/** One of NODE_ENVS. */
export type NodeEnv = (typeof NODE_ENVS)[number];
/** Log levels, least severe first. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
/** One of LOG_LEVELS. */
export type LogLevel = (typeof LOG_LEVELS)[number];
/** How logs are written: readable lines for a developer, JSON lines for a collector. */
export const LOG_FORMATS = ['pretty', 'json'] as const;
/** One of LOG_FORMATS. */
export type LogFormat = (typeof LOG_FORMATS)[number];

/** What every polku service process reads from its environment. */
export class ServiceConfig {
  @EnvVar({
    description:
      'development, test or production. Demo conveniences exist only outside production.',
    default: 'development',
  })
  @OneOfVar(NODE_ENVS)
  NODE_ENV!: NodeEnv;

  @EnvVar({ description: 'Lowest log level written: debug, info, warn or error.', default: 'info' })
  @OneOfVar(LOG_LEVELS)
  LOG_LEVEL!: LogLevel;

  @EnvVar({
    description: 'pretty for people at a terminal, json (one object a line) for log shippers.',
    default: 'pretty',
  })
  @OneOfVar(LOG_FORMATS)
  LOG_FORMAT!: LogFormat;

  @EnvVar({
    description:
      'PostgreSQL server to use. Its user needs CREATEDB in development; each service uses its own database on it.',
    default: 'postgres://postgres@127.0.0.1:5432/postgres',
  })
  @IsPostgresUrl()
  DATABASE_URL!: string;

  @EnvVar({
    description:
      'Prefix of the per-service database names: polku gives polku_gateway, polku_client_intake, and so on.',
    default: 'polku',
  })
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, {
    message: (args) =>
      `DATABASE_NAME_PREFIX must be lower-case letters, digits and _ (at most 40, starting with a letter), got ${JSON.stringify(args.value)}`,
  })
  DATABASE_NAME_PREFIX!: string;

  @EnvVar({ description: 'Connections in each service’s PostgreSQL pool.', default: '10' })
  @IntVar(1, 200)
  DATABASE_POOL_MAX!: number;

  @EnvVar({
    description:
      'Run pending migrations when a service starts (under an advisory lock, so replicas take turns). Set false when a deploy job runs them.',
    default: 'true',
  })
  @BooleanVar()
  DATABASE_MIGRATIONS_RUN!: boolean;

  @EnvVar({
    description:
      'How many times a starting service retries an unreachable PostgreSQL, one second apart.',
    default: '10',
  })
  @IntVar(0, 600)
  DATABASE_CONNECT_RETRIES!: number;

  @EnvVar({
    description: 'NATS server URL, or a comma-separated list of a cluster’s servers.',
    default: 'nats://127.0.0.1:4222',
  })
  @IsNatsUrlList()
  NATS_URL!: string;

  @EnvVar({
    description:
      'Optional prefix for every NATS subject and stream name, so several installations or test runs can share one NATS server.',
    default: '',
  })
  @Matches(/^([a-z][a-z0-9-]{0,39})?$/, {
    message: (args) =>
      `NATS_NAMESPACE must be empty or lower-case letters, digits and - (at most 40, starting with a letter), got ${JSON.stringify(args.value)}`,
  })
  NATS_NAMESPACE!: string;

  @EnvVar({
    description: 'How long a caller waits for a reply to a NATS request before giving up, in ms.',
    default: '5000',
  })
  @IntVar(100, 120000)
  NATS_REQUEST_TIMEOUT_MS!: number;

  @EnvVar({
    description: 'Replicas of each JetStream stream: 1 on one server, 3 in a cluster.',
    default: '1',
  })
  @IntVar(1, 5)
  NATS_STREAM_REPLICAS!: number;

  @EnvVar({
    description:
      'JetStream drops a republished event id within this many seconds; consumer inboxes catch any later duplicate.',
    default: '1200',
  })
  @IntVar(1, 86400)
  NATS_DUPLICATE_WINDOW_S!: number;

  // NATS credentials and TLS (docs/security.md, "Who can do what on the bus").

  @EnvVar({
    description:
      'This process’s NATS user: an nkey seed (`SU…`) whose public key the server’s configuration names (docs/security.md). Required when NODE_ENV=production; elsewhere, when unset, the process takes its seed from NATS_NKEY_FILE.',
    default: '',
    secret: true,
  })
  @Matches(/^(SU[A-Z2-7]{56})?$/, {
    message: 'NATS_NKEY_SEED must be a NATS user nkey seed (SU followed by 56 base32 characters)',
  })
  NATS_NKEY_SEED!: string;

  @EnvVar({
    description:
      'Development and test only: the key file npm start and the test setup create (mode 0600), where a process without NATS_NKEY_SEED finds the seed of its own NATS user. Never read in production.',
    default: '.polku/nats/users.json',
  })
  @IsString()
  NATS_NKEY_FILE!: string;

  @EnvVar({
    description:
      'PEM file of the CA that signed the NATS server’s certificate. Setting it (or a tls:// NATS_URL) turns TLS on; TLS is required when NODE_ENV=production.',
    default: '',
  })
  @IsString()
  NATS_TLS_CA_FILE!: string;

  @EnvVar({
    description:
      'PEM client certificate for NATS, when the server asks for one (mutual TLS); set together with NATS_TLS_KEY_FILE.',
    default: '',
  })
  @IsString()
  NATS_TLS_CERT_FILE!: string;

  @EnvVar({ description: 'PEM private key of NATS_TLS_CERT_FILE.', default: '' })
  @IsString()
  NATS_TLS_KEY_FILE!: string;

  @EnvVar({
    description: 'Attempts a consumer makes at one event before it becomes a dead-letter row.',
    default: '5',
  })
  @IntVar(1, 100)
  EVENT_MAX_ATTEMPTS!: number;

  @EnvVar({
    description: 'Most queued events a consumer handles in one database transaction.',
    default: '100',
  })
  @IntVar(1, 1000)
  EVENT_BATCH_SIZE!: number;

  @EnvVar({
    description:
      'Delay before the second attempt at a failed event, in ms; doubles with each attempt.',
    default: '1000',
  })
  @IntVar(1, 600000)
  EVENT_RETRY_BASE_MS!: number;

  @EnvVar({
    description: 'Longest delay between attempts at a failed event, in ms.',
    default: '60000',
  })
  @IntVar(1, 3600000)
  EVENT_RETRY_MAX_MS!: number;

  @EnvVar({
    description: 'How long JetStream waits for an ack before it delivers an event again, in ms.',
    default: '30000',
  })
  @IntVar(1000, 3600000)
  EVENT_ACK_WAIT_MS!: number;

  @EnvVar({
    description: 'Most outbox rows the relay publishes in one transaction.',
    default: '200',
  })
  @IntVar(1, 5000)
  OUTBOX_BATCH_SIZE!: number;

  @EnvVar({
    description:
      'How often the relay looks for unpublished rows when no NOTIFY woke it, in ms (polling is the fallback, not the path).',
    default: '500',
  })
  @IntVar(10, 60000)
  OUTBOX_POLL_INTERVAL_MS!: number;

  @EnvVar({
    description:
      'Read your own writes (docs/adr/0015-read-your-own-writes.md): how long a request waits, in ms, for the events its caller wrote moments ago to be consumed here before it runs anyway. Keep it well under NATS_REQUEST_TIMEOUT_MS: the gateway waits up to this long for its own projection, then the service up to this long, inside one request.',
    default: '2000',
  })
  @IntVar(0, 60000)
  READ_YOUR_WRITES_WAIT_MS!: number;

  @EnvVar({
    description: 'How long a service may take to finish in-flight work after SIGTERM, in ms.',
    default: '10000',
  })
  @IntVar(100, 600000)
  SHUTDOWN_TIMEOUT_MS!: number;

  // Demo data only (docs/adr/0018-simulated-clock-for-demo-data.md).
  @EnvVar({
    description:
      'Development and demo only: a JSON file `{"offsetMs": n, "revision": r}` whose offset this process adds to real time in every `new Date()` and `Date.now()`, following changes to the file; each change it applies is acknowledged in `<file>.<service>.ack` and in its health answer (`clock`). `npm start -- --demo` sets it to load demo data over two simulated years; empty: the real clock. Refused when NODE_ENV=production.',
    default: '',
  })
  @IsString()
  @ValidateIf((config: ServiceConfig) => config.NODE_ENV === 'production')
  @Matches(/^$/, {
    message:
      'SIMULATED_CLOCK_FILE must be empty when NODE_ENV=production: the simulated clock is for demo data only',
  })
  SIMULATED_CLOCK_FILE!: string;

  // The internal token (docs/security.md): every service verifies the gateway's signature.
  @EnvVar({
    description:
      'Public keys of the gateway’s internal token that this service accepts: comma-separated `keyId:base64` entries, each the DER (SPKI) of an Ed25519 public key. More than one only while the signing key rotates (docs/security.md, "Keys and their rotation"). Must be set when NODE_ENV=production; the gateway signs and does not read it.',
    default: DEVELOPMENT_INTERNAL_TOKEN_VERIFY_KEYS,
    secret: true,
  })
  @ValidateIf((config: ServiceConfig) => config.verifiesInternalTokens())
  @ValidInternalTokenKey(verifyKeysProblem)
  INTERNAL_TOKEN_VERIFY_KEYS!: string;

  /** Whether this process answers requests and so verifies internal tokens (the gateway signs). */
  verifiesInternalTokens(): boolean {
    return true;
  }

  /** The accepted internal-token keys. Only call on a loaded (validated) config. */
  internalTokenVerifyKeys() {
    return parseInternalTokenVerifyKeys(this.INTERNAL_TOKEN_VERIFY_KEYS);
  }
}
