import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { projectionHandlerKind, type ProjectionHandlerKind } from './consumer-process.protocol';

// The backbone bench's options and environment (main.ts): `npm run bench -- --help`.

const workspaceRoot = resolve(__dirname, '../../..');
/** What the backbone should sustain on a 2-core machine. */
export const TARGET = { eventsPerSecond: 2000, p99LagMs: 250 } as const;

/** Backbone settings taken from the environment when set, so a run can try other values. */
export const TUNABLE_VARIABLES = [
  'DATABASE_URL',
  'NATS_URL',
  'DATABASE_POOL_MAX',
  'OUTBOX_BATCH_SIZE',
  'OUTBOX_POLL_INTERVAL_MS',
  'EVENT_BATCH_SIZE',
  'EVENT_ACK_WAIT_MS',
  'EVENT_MAX_ATTEMPTS',
  'EVENT_RETRY_BASE_MS',
  'EVENT_RETRY_MAX_MS',
  'NATS_DUPLICATE_WINDOW_S',
] as const;

const USAGE = `usage: npm run bench -- [--events N] [--warmup N] [--writers N] [--per-transaction N]
                       [--rates R1,R2,…] [--window N] [--skip-baselines] [--no-tracing]
                       [--handler batch|per-event] [--out FILE]
  --events           measured events (default 20000)
  --warmup           events written and projected first, not counted (default 1000)
  --writers          concurrent writers (default 4)
  --per-transaction  events per business transaction (default 50)
  --rates            one measured phase per rate: events/s the writers offer together, 0 = as
                     fast as they can (default 0,2000: capacity, then the target rate)
  --window           publishes in flight in the windowed JetStream baseline (default 1000)
  --skip-baselines   only the end-to-end measurement
  --no-tracing       no tracer provider (services always register one; this shows its cost)
  --handler          how the consumer projects: batch (@EventBatchPattern, one INSERT per batch;
                     default) or per-event (@EventPattern, one INSERT per event)
  --out              JSON result (default reports/bench/latest.json)
npm run bench -- timeline [--help]: the shared timeline on the whole system (issue 17).
npm run bench -- work-queue [--help]: the work queue's reads on a filled read model (issue 18).
Backbone settings (${TUNABLE_VARIABLES.join(', ')}) come from the environment when set.`;

export interface BenchOptions {
  readonly events: number;
  readonly warmup: number;
  readonly writers: number;
  readonly eventsPerTransaction: number;
  readonly rates: readonly number[];
  readonly window: number;
  readonly skipBaselines: boolean;
  readonly tracing: boolean;
  readonly handler: ProjectionHandlerKind;
  readonly out: string;
}

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      events: { type: 'string', default: '20000' },
      warmup: { type: 'string', default: '1000' },
      writers: { type: 'string', default: '4' },
      'per-transaction': { type: 'string', default: '50' },
      rates: { type: 'string', default: `0,${TARGET.eventsPerSecond}` },
      window: { type: 'string', default: '1000' },
      'skip-baselines': { type: 'boolean', default: false },
      'no-tracing': { type: 'boolean', default: false },
      handler: { type: 'string', default: 'batch' },
      out: { type: 'string', default: 'reports/bench/latest.json' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const integer = (name: string, raw: string, min: number): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) {
      throw new Error(
        `--${name} must be an integer of at least ${min}, got ${JSON.stringify(raw)}`,
      );
    }
    return value;
  };
  return {
    events: integer('events', values.events, 1),
    warmup: integer('warmup', values.warmup, 0),
    writers: integer('writers', values.writers, 1),
    eventsPerTransaction: integer('per-transaction', values['per-transaction'], 1),
    rates: values.rates.split(',').map((rate) => integer('rates', rate.trim(), 0)),
    window: integer('window', values.window, 1),
    skipBaselines: values['skip-baselines'],
    tracing: !values['no-tracing'],
    handler: projectionHandlerKind(values.handler),
    out: resolve(workspaceRoot, values.out),
  };
}

export function benchEnv(suffix: string): Record<string, string> {
  const env: Record<string, string> = {
    // Not production: that would also require TLS to NATS, which the bench does not measure.
    // Nothing else the bench runs reads NODE_ENV.
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_NAME_PREFIX: `polku_bench_${suffix}`,
    DATABASE_CONNECT_RETRIES: '0',
    NATS_NAMESPACE: `bench-${suffix}`,
  };
  for (const name of TUNABLE_VARIABLES) {
    const value = process.env[name];
    if (value !== undefined && value !== '') {
      env[name] = value;
    }
  }
  return env;
}
