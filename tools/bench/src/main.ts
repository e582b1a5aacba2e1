import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
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
import { BENCH_CONSUMER_SERVICE, PROJECTION_HANDLERS } from './consumer-process.protocol';
import { startBenchNats } from './bench-nats';
import { machineBusyPercent } from './cpu';
import { hostSpeedIndex } from './host-speed';
import { benchEnv, parseOptions, TARGET } from './backbone-options';
import { printReport, type BenchReport } from './report';
import { runTimelineBench } from './timeline/timeline-bench';
import { runWorkQueueBench } from './work-queue/work-queue-bench';
import { runDashboardsBench } from './dashboards/dashboards-bench';

// `npm run bench -- --events 20000`: throughput and lag of the event backbone end to end, next to
// raw PostgreSQL and JetStream baselines measured in the same run. Not a test: nothing asserts;
// it prints a table and writes reports/bench/latest.json. See docs/performance.md.

const workspaceRoot = resolve(__dirname, '../../..');
const say = (line: string) => process.stdout.write(`bench: ${line}\n`);

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

// `npm run bench -- timeline …` (or --timeline): the shared timeline's bench, timeline/;
// `npm run bench -- work-queue …`: the work queue's reads, work-queue/;
// `npm run bench -- dashboards …`: the dashboards' ingest, views and rebuild, dashboards/.
const argv = process.argv.slice(2);
const timeline = argv[0] === 'timeline' || argv.includes('--timeline');
const workQueue = argv[0] === 'work-queue';
const dashboards = argv[0] === 'dashboards';
(timeline
  ? runTimelineBench(argv.filter((arg) => arg !== 'timeline' && arg !== '--timeline'))
  : workQueue
    ? runWorkQueueBench(argv.slice(1))
    : dashboards
      ? runDashboardsBench(argv.slice(1))
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
