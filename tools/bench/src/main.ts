import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { natsLinkOptionsFor, provisionBus, TEST_TOOLS } from '@polku/bus-permissions';
import { loadConfig, ServiceConfig } from '@polku/config';
import { NatsLink, streamNames } from '@polku/messaging';
import { initTracing, shutdownTracing } from '@polku/observability';
import {
  dropDatabase,
  ensureDatabase,
  serviceDatabaseName,
  urlWithDatabase,
} from '@polku/persistence';
import { Client } from 'pg';
import { jetStreamBaselines, pgInsertBaselines, type BaselineResult } from './baselines';
import { POLKU_VERSION } from '@polku/service-runtime';
import { installFastValidation } from '@polku/validation';
import { BENCH_PRODUCER_SERVICE, runEndToEnd, type EndToEndRun } from './end-to-end';
import {
  BENCH_CONSUMER_SERVICE,
  PROJECTION_HANDLERS,
  projectionHandlerKind,
  type ProjectionHandlerKind,
} from './consumer-process.protocol';
import { startBenchNats } from './bench-nats';
import { machineBusyPercent } from './cpu';
import { hostSpeedIndex } from './host-speed';
import { printReport, type BenchReport } from './report';
import { runTimelineBench } from './timeline/timeline-bench';

// `npm run bench -- --events 20000`: throughput and lag of the event backbone end to end, next to
// raw PostgreSQL and JetStream baselines measured in the same run. Not a test: nothing asserts;
// it prints a table and writes reports/bench/latest.json. See docs/performance.md.

const workspaceRoot = resolve(__dirname, '../../..');
/** What the backbone should sustain on a 2-core machine. */
const TARGET = { eventsPerSecond: 2000, p99LagMs: 250 } as const;
const say = (line: string) => process.stdout.write(`bench: ${line}\n`);

/** Backbone settings taken from the environment when set, so a run can try other values. */
const TUNABLE_VARIABLES = [
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
Backbone settings (${TUNABLE_VARIABLES.join(', ')}) come from the environment when set.`;

interface BenchOptions {
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

function parseOptions(argv: string[]): BenchOptions {
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

function benchEnv(suffix: string): Record<string, string> {
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

async function machine(config: ServiceConfig, nc: NatsConnection) {
  const client = new Client({ connectionString: config.DATABASE_URL });
  await client.connect();
  try {
    const settings = await client.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings
        WHERE name IN ('server_version', 'synchronous_commit', 'fsync', 'shared_buffers',
                       'max_connections', 'commit_delay', 'wal_sync_method')`,
    );
    const pg = Object.fromEntries(settings.rows.map((row) => [row.name, row.setting]));
    return {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Number((totalmem() / 1024 ** 3).toFixed(1)),
      node: process.version,
      postgres: pg.server_version,
      postgresSettings: pg,
      natsServer: nc.info?.version ?? 'unknown',
      jetStreamStorage: 'file',
    };
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  // As bootstrapService does, so the outbox writer's validation is measured as it runs there.
  installFastValidation();
  // As bootstrapService does: spans are created and propagated (exported only when
  // OTEL_EXPORTER_OTLP_ENDPOINT is set), so the measured path includes tracing.
  if (options.tracing) {
    initTracing({ serviceName: BENCH_PRODUCER_SERVICE, serviceVersion: POLKU_VERSION });
  }
  const suffix = randomBytes(3).toString('hex');
  const benchNats = await startBenchNats(`bench-${suffix}`);
  const env = { ...benchEnv(suffix), ...benchNats.env };
  const config = loadConfig(ServiceConfig, env);
  await provisionBus(config, { services: [BENCH_CONSUMER_SERVICE] });
  const names = streamNames(config.NATS_NAMESPACE);
  const scratchStream = `${names.events}_SCRATCH`;
  const serviceDatabases = [BENCH_PRODUCER_SERVICE, BENCH_CONSUMER_SERVICE].map((service) =>
    serviceDatabaseName(config.DATABASE_NAME_PREFIX, service),
  );
  const scratchDatabase = `${config.DATABASE_NAME_PREFIX}_scratch`;

  // The bench's own stream work (baselines, clean-up) is no service's: the test tools' user.
  const nc = await new NatsLink(natsLinkOptionsFor(config, TEST_TOOLS, 'polku-bench')).connect();
  let cleaned = false;
  const cleanUp = async () => {
    if (cleaned) {
      return;
    }
    cleaned = true;
    const jsm = await jetstreamManager(nc);
    for (const stream of [names.events, names.maxDeliveries, scratchStream]) {
      await jsm.streams.delete(stream).catch(() => false);
    }
    for (const database of [...serviceDatabases, scratchDatabase]) {
      await dropDatabase(config.DATABASE_URL, database).catch((error: unknown) =>
        say(`could not drop ${database}: ${String(error)}`),
      );
    }
    await nc.close();
    await benchNats.stop();
    await shutdownTracing();
    say(
      `cleaned up: databases ${[...serviceDatabases, scratchDatabase].join(', ')}; streams ${names.events}, …`,
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      say(`${signal}: cleaning up…`);
      void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }

  try {
    const startedAt = new Date();
    const host = await machine(config, nc);
    // Other work on the machine takes CPU from what is measured: say so, in the result too.
    const busyBeforeStartPercent = await machineBusyPercent(2_000);
    if (busyBeforeStartPercent !== null && busyBeforeStartPercent > 15) {
      say(
        `warning: the CPUs were ${busyBeforeStartPercent}% busy before the bench started; ` +
          'figures from a busy machine are low',
      );
    }
    say(
      `${host.cpus} CPUs, ${host.memoryGiB} GiB, Node ${host.node}, PostgreSQL ${host.postgres}, ` +
        `nats-server ${host.natsServer}; database prefix ${config.DATABASE_NAME_PREFIX}, ` +
        `namespace ${config.NATS_NAMESPACE}`,
    );

    const speedBefore = hostSpeedIndex();
    const { phases, samplePayload }: EndToEndRun = await runEndToEnd({
      config,
      env,
      tracing: options.tracing,
      handler: options.handler,
      events: options.events,
      warmup: options.warmup,
      writers: options.writers,
      eventsPerTransaction: options.eventsPerTransaction,
      rates: options.rates,
      stallTimeoutMs: 60_000,
      say,
    });
    const hostSpeed = { before: speedBefore, after: hostSpeedIndex() };

    const baselines: BaselineResult[] = [];
    if (!options.skipBaselines) {
      say(`baseline: raw pg INSERTs (${options.events} rows)`);
      await ensureDatabase(config.DATABASE_URL, scratchDatabase);
      baselines.push(
        ...(await pgInsertBaselines(urlWithDatabase(config.DATABASE_URL, scratchDatabase), {
          rows: options.events,
          warmup: options.warmup,
          rowsPerTransaction: options.eventsPerTransaction,
          payload: samplePayload,
        })),
      );
      say(`baseline: raw JetStream publishes (${options.events} messages)`);
      baselines.push(
        ...(await jetStreamBaselines(nc, {
          stream: scratchStream,
          subject: `${config.NATS_NAMESPACE}.bench`,
          messages: options.events,
          warmup: options.warmup,
          windows: [config.OUTBOX_BATCH_SIZE, options.window].filter(
            (window, index, all) => all.indexOf(window) === index,
          ),
          duplicateWindowMs: config.NATS_DUPLICATE_WINDOW_S * 1000,
          payload: samplePayload,
        })),
      );
    }

    const settings = {
      DATABASE_POOL_MAX: config.DATABASE_POOL_MAX,
      OUTBOX_BATCH_SIZE: config.OUTBOX_BATCH_SIZE,
      OUTBOX_POLL_INTERVAL_MS: config.OUTBOX_POLL_INTERVAL_MS,
      EVENT_BATCH_SIZE: config.EVENT_BATCH_SIZE,
      EVENT_ACK_WAIT_MS: config.EVENT_ACK_WAIT_MS,
      NATS_DUPLICATE_WINDOW_S: config.NATS_DUPLICATE_WINDOW_S,
      NATS_STREAM_REPLICAS: config.NATS_STREAM_REPLICAS,
    };
    const capacity = phases.find((phase) => phase.offeredRate === 0);
    const atTarget = phases.find((phase) => phase.offeredRate === TARGET.eventsPerSecond);
    const report: BenchReport = {
      version: 2,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: { ...host, busyBeforeStartPercent, hostSpeed },
      options: {
        events: options.events,
        warmup: options.warmup,
        writers: options.writers,
        eventsPerTransaction: options.eventsPerTransaction,
        rates: options.rates,
        payloadBytes: Buffer.byteLength(samplePayload),
        processModel:
          'two Node processes, as in production: client-intake (writers, outbox relay) and ' +
          'transitions (consumer host, projection), each with its own database',
        handler: PROJECTION_HANDLERS[options.handler],
        tracing: !options.tracing
          ? 'off (no tracer provider)'
          : process.env.OTEL_EXPORTER_OTLP_ENDPOINT
            ? 'spans created and exported over OTLP'
            : 'spans created and propagated, not exported',
      },
      settings,
      endToEnd: phases,
      baselines,
      target: {
        ...TARGET,
        // Capacity from the phase without pacing, lag from the phase offered at the target rate.
        met:
          capacity && atTarget
            ? capacity.eventsPerSecond >= TARGET.eventsPerSecond &&
              atTarget.lagMs.p99 < TARGET.p99LagMs
            : null,
      },
    };
    printReport(report);
    mkdirSync(dirname(options.out), { recursive: true });
    writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
    say(`wrote ${relative(workspaceRoot, options.out)}`);
  } finally {
    await cleanUp();
  }
}

// `npm run bench -- timeline …` (or --timeline): the shared timeline's bench, timeline/.
const argv = process.argv.slice(2);
const timeline = argv[0] === 'timeline' || argv.includes('--timeline');
(timeline
  ? runTimelineBench(argv.filter((arg) => arg !== 'timeline' && arg !== '--timeline'))
  : main()
).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
