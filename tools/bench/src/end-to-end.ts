import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { INestMicroservice, LoggerService } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { SpanKind, trace } from '@opentelemetry/api';
import { CLIENT_REFERRED_V1 } from '@polku/contracts';
import type { ServiceConfig } from '@polku/config';
import { OutboxWriter } from '@polku/messaging';
import { serviceDatabaseName, urlWithDatabase } from '@polku/persistence';
import { createServiceApp } from '@polku/service-runtime';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { markCpu } from './cpu';
import {
  BENCH_PRODUCER_MIGRATIONS,
  BenchProducerModule,
  benchEvent,
} from './bench-projection.module';
import {
  BENCH_CONSUMER_SERVICE,
  type ProjectionHandlerKind,
  type ConsumerProcessCommand,
  type ConsumerProcessMessage,
} from './consumer-process.protocol';
import { distribution, perSecond, rounded, type Distribution } from './stats';

/**
 * The bench plays client-intake writing ClientReferred (this process: writers and relay) and
 * transitions consuming it into a projection (a child process, consumer-process.ts), each with
 * its own database, as they run in production.
 */
export const BENCH_PRODUCER_SERVICE = 'client-intake';

export interface EndToEndOptions {
  readonly config: ServiceConfig;
  /** The environment `config` was loaded from, for the consumer process. */
  readonly env: Readonly<Record<string, string>>;
  /** Whether the services create spans (the consumer process initialises its own tracing). */
  readonly tracing: boolean;
  /** Which projection handler the consumer process runs. */
  readonly handler: ProjectionHandlerKind;
  readonly events: number;
  readonly warmup: number;
  /** Concurrent writers, each committing one business transaction at a time. */
  readonly writers: number;
  /** Events per business transaction. */
  readonly eventsPerTransaction: number;
  /**
   * One measured phase per entry, in order: the events per second the writers offer together,
   * 0 for as fast as they can.
   */
  readonly rates: readonly number[];
  /** Give up when the projection makes no progress for this long. */
  readonly stallTimeoutMs: number;
  readonly say: (line: string) => void;
}

export interface EndToEndResult {
  /** Events per second the writers offered; 0 = as fast as they could. */
  readonly offeredRate: number;
  readonly events: number;
  /** From the first write to the last projection row. */
  readonly durationMs: number;
  readonly eventsPerSecond: number;
  /** How fast the writers committed (they do not wait for the pipeline). */
  readonly writeDurationMs: number;
  readonly writeEventsPerSecond: number;
  /** Projection row insert time (clock_timestamp()) minus the event's occurredAt, in ms. */
  readonly lagMs: Distribution;
  /** Where the lag is spent, per event, in ms. */
  readonly stagesMs: {
    /** occurredAt → the relay's transaction that claimed the row started (outbox.published_at). */
    readonly outboxWait: Distribution;
    /** Relay claim → JetStream stored the event (the stream's timestamp): publish and PubAck. */
    readonly publish: Distribution;
    /** Stored in the stream → the consumer's batch transaction started (inbox.received_at). */
    readonly delivery: Distribution;
    /** Consumer transaction start → projection row inserted. */
    readonly consumerBatch: Distribution;
  };
  /** Duration of one writer's business transaction (append × N + commit), in ms. */
  readonly writeTransactionMs: Distribution;
  /**
   * CPU spent from the first write to the last projection row, per event, in ms (see
   * CpuSpent): by the producing service's process (writers and relay), the consuming
   * service's, PostgreSQL, nats-server, everything else, and the whole machine. A large
   * `other` means another program took CPU from the run.
   */
  readonly cpuPerEventMs: {
    readonly producerProcess: number;
    readonly consumerProcess: number | null;
    readonly postgres: number | null;
    readonly natsServer: number | null;
    readonly other: number | null;
    readonly machine: number | null;
  };
  /** Highest counts seen by the monitor while the run was in progress. */
  readonly peakOutboxBacklog: number;
  readonly peakPublishedNotProjected: number;
  readonly checks: {
    readonly projectionRows: number;
    readonly distinctEvents: number;
    readonly deadLetters: number;
    readonly unpublishedOutboxRows: number;
  };
}

export interface EndToEndRun {
  readonly phases: readonly EndToEndResult[];
  /** One stored envelope, byte for byte what the relay publishes (for the raw baselines). */
  readonly samplePayload: string;
}

const tracer = trace.getTracer('polku.bench');

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Shows the backbone's warnings and errors; the bench's own progress goes to stdout. */
const warningsOnly: LoggerService = {
  log: () => undefined,
  warn: (message: unknown) => process.stderr.write(`[backbone warn] ${String(message)}\n`),
  error: (message: unknown) => process.stderr.write(`[backbone error] ${String(message)}\n`),
};

interface Service {
  readonly app: INestMicroservice;
  readonly dataSource: DataSource;
  readonly writer: OutboxWriter;
}

async function startProducer(config: ServiceConfig): Promise<Service> {
  const { app } = await createServiceApp({
    service: BENCH_PRODUCER_SERVICE,
    appModule: BenchProducerModule,
    entities: [],
    migrations: BENCH_PRODUCER_MIGRATIONS,
    config,
    logger: warningsOnly,
  });
  await app.listen();
  return {
    app,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    writer: app.get(OutboxWriter),
  };
}

interface ConsumerProcess {
  readonly pid: number;
  stop(): Promise<void>;
}

/** Starts the consuming service in its own Node process and waits until it consumes. */
async function startConsumer(options: EndToEndOptions): Promise<ConsumerProcess> {
  const child: ChildProcess = fork(join(__dirname, 'consumer-process.ts'), [], {
    // Runs the TypeScript source the way `npm run bench` runs this file.
    execArgv: process.execArgv,
    env: {
      ...process.env,
      ...options.env,
      BENCH_TRACING: String(options.tracing),
      BENCH_HANDLER: options.handler,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.on('message', (message: ConsumerProcessMessage) => {
      if (message.kind === 'ready') {
        resolve();
      } else {
        reject(new Error(`the consumer process failed to start: ${message.error}`));
      }
    });
    void exited.then((code) => reject(new Error(`the consumer process exited (${code})`)));
  });
  return {
    pid: child.pid ?? -1,
    stop: async () => {
      if (child.exitCode === null && child.connected) {
        const command: ConsumerProcessCommand = { kind: 'stop' };
        child.send(command);
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The bench's connections to both services' databases, for progress and results. */
interface Monitor {
  /** client-intake's database: the outbox. */
  readonly producer: Client;
  /** transitions' database: inbox, dead letters, projection. */
  readonly consumer: Client;
}

/** Writes `count` events in business transactions from several concurrent writers. */
async function writeEvents(
  service: Service,
  count: number,
  rate: number,
  progress: Progress,
  options: EndToEndOptions,
): Promise<{ startedAt: number; endedAt: number; transactionMs: number[] }> {
  const perTransaction = options.eventsPerTransaction;
  const transactions = Math.ceil(count / perTransaction);
  const transactionMs: number[] = [];
  let next = 0;
  const startedAt = Date.now();
  const writer = async () => {
    for (let index = next++; index < transactions; index = next++) {
      if (rate > 0) {
        const due = startedAt + (index * perTransaction * 1000) / rate;
        const wait = due - Date.now();
        if (wait > 0) {
          await sleep(wait);
        }
      }
      const size = Math.min(perTransaction, count - index * perTransaction);
      const began = performance.now();
      // As in a service, the business transaction runs inside the command's SERVER span, so
      // every outbox row carries a traceparent and the relay and consumer continue the trace.
      await tracer.startActiveSpan(
        'bench.write-referrals handle',
        { kind: SpanKind.SERVER },
        async (span) => {
          try {
            await service.dataSource.transaction(async (em) => {
              for (let i = 0; i < size; i += 1) {
                await service.writer.append(em, CLIENT_REFERRED_V1.subject, benchEvent());
              }
            });
          } finally {
            span.end();
          }
        },
      );
      transactionMs.push(performance.now() - began);
      progress.committed += size;
    }
  };
  await Promise.all(Array.from({ length: options.writers }, writer));
  return { startedAt, endedAt: Date.now(), transactionMs };
}

interface Progress {
  peakOutboxBacklog: number;
  peakPublishedNotProjected: number;
  /** Events of this phase whose business transaction has committed so far. */
  committed: number;
}

/** Polls until the projection holds `count` rows; fails when it stops moving. */
async function waitForProjection(
  monitor: Monitor,
  count: number,
  options: EndToEndOptions,
  progress: Progress,
  stillWriting: () => boolean,
): Promise<void> {
  let seen = -1;
  let lastMove = Date.now();
  for (;;) {
    // Cheap on purpose (the partial index, a table that only holds this phase): the monitor
    // shares the CPUs with what it measures. No scan of the whole outbox.
    const row = {
      projected: await countOf(monitor.consumer, 'SELECT count(*)::int FROM bench_projection'),
      unpublished: await countOf(
        monitor.producer,
        'SELECT count(*)::int FROM outbox_message WHERE published_at IS NULL',
      ),
    };
    progress.peakOutboxBacklog = Math.max(progress.peakOutboxBacklog, row.unpublished);
    progress.peakPublishedNotProjected = Math.max(
      progress.peakPublishedNotProjected,
      progress.committed - row.unpublished - row.projected,
    );
    if (row.projected >= count && !stillWriting()) {
      return;
    }
    if (row.projected !== seen) {
      seen = row.projected;
      lastMove = Date.now();
    } else if (!stillWriting() && Date.now() - lastMove > options.stallTimeoutMs) {
      throw new Error(
        `the projection stopped at ${row.projected} of ${count} rows for ${options.stallTimeoutMs} ms ` +
          `(${row.unpublished} outbox rows unpublished)`,
      );
    }
    await sleep(100);
  }
}

async function countOf(client: Client, sql: string): Promise<number> {
  const { rows } = await client.query<{ count: number }>(sql);
  return rows[0].count;
}

/** Per projected event: when it occurred, was claimed, reached the consumer, was projected. */
async function measuredRows(monitor: Monitor): Promise<
  {
    occurred: number;
    claimed: number;
    stored: number;
    received: number;
    projected: number;
  }[]
> {
  // Both databases run on one PostgreSQL, so their clocks are the same clock.
  const { rows } = await monitor.consumer.query<{
    event_id: string;
    occurred_ms: string;
    stored_ms: string;
    received_ms: string;
    projected_ms: string;
  }>(
    `SELECT p.event_id,
            extract(epoch FROM p.occurred_at) * 1000 AS occurred_ms,
            extract(epoch FROM p.stored_at) * 1000 AS stored_ms,
            extract(epoch FROM i.received_at) * 1000 AS received_ms,
            extract(epoch FROM p.projected_at) * 1000 AS projected_ms
       FROM bench_projection p
       JOIN inbox_message i ON i.message_id = p.event_id::text`,
  );
  const claims = await monitor.producer.query<{ id: string; claimed_ms: string }>(
    `SELECT id, extract(epoch FROM published_at) * 1000 AS claimed_ms
       FROM outbox_message WHERE id = ANY($1::uuid[])`,
    [rows.map((row) => row.event_id)],
  );
  const claimedAt = new Map(claims.rows.map((row) => [row.id, Number(row.claimed_ms)]));
  return rows.map((row) => ({
    occurred: Number(row.occurred_ms),
    claimed: claimedAt.get(row.event_id) ?? Number.NaN,
    stored: Number(row.stored_ms),
    received: Number(row.received_ms),
    projected: Number(row.projected_ms),
  }));
}

/** Writes one phase's events, waits for their projection rows and measures them. */
async function measurePhase(
  service: Service,
  consumer: ConsumerProcess,
  monitor: Monitor,
  rate: number,
  progress: Progress,
  options: EndToEndOptions,
): Promise<EndToEndResult> {
  options.say(
    `end to end: ${options.events} events, ${options.writers} writers × ${options.eventsPerTransaction} per transaction` +
      (rate > 0 ? `, offered at ${rate} events/s` : ', as fast as they can'),
  );
  let writing = true;
  const cpu = markCpu(consumer.pid);
  const writes = writeEvents(service, options.events, rate, progress, options).finally(() => {
    writing = false;
  });
  // Both run at once: the monitor sees backlogs build while the writers are still going.
  const [written] = await Promise.all([
    writes,
    waitForProjection(monitor, options.events, options, progress, () => writing),
  ]);
  const cpuSpent = cpu.spentSince();

  const rows = await measuredRows(monitor);
  const checks = {
    projectionRows: await countOf(monitor.consumer, 'SELECT count(*)::int FROM bench_projection'),
    distinctEvents: await countOf(
      monitor.consumer,
      'SELECT count(DISTINCT event_id)::int FROM bench_projection',
    ),
    deadLetters: await countOf(monitor.consumer, 'SELECT count(*)::int FROM dead_letter'),
    unpublishedOutboxRows: await countOf(
      monitor.producer,
      'SELECT count(*)::int FROM outbox_message WHERE published_at IS NULL',
    ),
  };
  const lastProjected = rows.reduce((last, row) => Math.max(last, row.projected), 0);
  const durationMs = lastProjected - written.startedAt;
  const writeDurationMs = written.endedAt - written.startedAt;
  const perEvent = (ms: number | null) =>
    ms === null ? null : Number((ms / options.events).toFixed(3));
  return {
    offeredRate: rate,
    events: options.events,
    durationMs: Math.round(durationMs),
    eventsPerSecond: perSecond(options.events, durationMs),
    writeDurationMs,
    writeEventsPerSecond: perSecond(options.events, writeDurationMs),
    lagMs: rounded(distribution(rows.map((row) => row.projected - row.occurred))),
    stagesMs: {
      outboxWait: rounded(distribution(rows.map((row) => row.claimed - row.occurred))),
      publish: rounded(distribution(rows.map((row) => row.stored - row.claimed))),
      delivery: rounded(distribution(rows.map((row) => row.received - row.stored))),
      consumerBatch: rounded(distribution(rows.map((row) => row.projected - row.received))),
    },
    writeTransactionMs: rounded(distribution(written.transactionMs)),
    cpuPerEventMs: {
      producerProcess: Number((cpuSpent.producerProcessMs / options.events).toFixed(3)),
      consumerProcess: perEvent(cpuSpent.consumerProcessMs),
      postgres: perEvent(cpuSpent.postgresMs),
      natsServer: perEvent(cpuSpent.natsServerMs),
      other: perEvent(cpuSpent.otherMs),
      machine: perEvent(cpuSpent.machineMs),
    },
    peakOutboxBacklog: progress.peakOutboxBacklog,
    peakPublishedNotProjected: progress.peakPublishedNotProjected,
    checks,
  };
}

function monitorClient(config: ServiceConfig, service: string): Client {
  return new Client({
    connectionString: urlWithDatabase(
      config.DATABASE_URL,
      serviceDatabaseName(config.DATABASE_NAME_PREFIX, service),
    ),
    application_name: 'polku-bench-monitor',
  });
}

export async function runEndToEnd(options: EndToEndOptions): Promise<EndToEndRun> {
  const { config, say } = options;
  const service = await startProducer(config);
  let consumer: ConsumerProcess | undefined;
  const monitor: Monitor = {
    producer: monitorClient(config, BENCH_PRODUCER_SERVICE),
    consumer: monitorClient(config, BENCH_CONSUMER_SERVICE),
  };
  try {
    consumer = await startConsumer(options);
    await monitor.producer.connect();
    await monitor.consumer.connect();
    const running = consumer;
    // Every phase starts with an idle consumer and an empty projection.
    const nextPhase = async (): Promise<Progress> => {
      await monitor.consumer.query('TRUNCATE bench_projection');
      return { peakOutboxBacklog: 0, peakPublishedNotProjected: 0, committed: 0 };
    };
    if (options.warmup > 0) {
      say(`warm-up: ${options.warmup} events`);
      const progress = await nextPhase();
      await writeEvents(service, options.warmup, 0, progress, options);
      await waitForProjection(monitor, options.warmup, options, progress, () => false);
    }
    const phases: EndToEndResult[] = [];
    for (const rate of options.rates) {
      const progress = await nextPhase();
      phases.push(await measurePhase(service, running, monitor, rate, progress, options));
    }
    const [sample] = (
      await monitor.producer.query<{ payload: string }>(
        'SELECT payload::text AS payload FROM outbox_message ORDER BY created_at DESC LIMIT 1',
      )
    ).rows;
    return { phases, samplePayload: JSON.stringify(JSON.parse(sample.payload)) };
  } finally {
    await monitor.producer.end().catch(() => undefined);
    await monitor.consumer.end().catch(() => undefined);
    await consumer?.stop();
    await service.app.close();
  }
}
