import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager, StorageType, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { Client } from 'pg';
import { distribution, perSecond, rounded, type Distribution } from './stats';

export interface BaselineResult {
  readonly name: string;
  readonly description: string;
  readonly operations: number;
  readonly durationMs: number;
  readonly perSecond: number;
  /** Latency of one awaited unit of work (an INSERT, a transaction, a publish or a window), in ms. */
  readonly latencyMs: Distribution;
}

async function timed(
  operations: number,
  unit: number,
  work: (index: number) => Promise<void>,
): Promise<{ durationMs: number; latencies: number[] }> {
  const latencies: number[] = [];
  const began = performance.now();
  for (let index = 0; index < operations; index += unit) {
    const start = performance.now();
    await work(index);
    latencies.push(performance.now() - start);
  }
  return { durationMs: performance.now() - began, latencies };
}

function result(
  name: string,
  description: string,
  operations: number,
  run: { durationMs: number; latencies: number[] },
): BaselineResult {
  return {
    name,
    description,
    operations,
    durationMs: Math.round(run.durationMs),
    perSecond: perSecond(operations, run.durationMs),
    latencyMs: rounded(distribution(run.latencies), 3),
  };
}

/**
 * Raw `pg` INSERTs into a scratch table on one connection: one row per autocommit transaction
 * (every row waits for its own WAL flush), and `rowsPerTransaction` rows per transaction (what a
 * business transaction that writes a batch of events pays).
 */
export async function pgInsertBaselines(
  databaseUrl: string,
  options: { rows: number; warmup: number; rowsPerTransaction: number; payload: string },
): Promise<BaselineResult[]> {
  const client = new Client({
    connectionString: databaseUrl,
    application_name: 'polku-bench-raw-pg',
  });
  await client.connect();
  try {
    await client.query(
      'CREATE TABLE IF NOT EXISTS bench_scratch (id uuid PRIMARY KEY, payload jsonb NOT NULL)',
    );
    const insert = () =>
      client.query('INSERT INTO bench_scratch (id, payload) VALUES ($1, $2)', [
        randomUUID(),
        options.payload,
      ]);
    for (let i = 0; i < options.warmup; i += 1) {
      await insert();
    }
    const single = await timed(options.rows, 1, async () => {
      await insert();
    });
    const perTransaction = options.rowsPerTransaction;
    const batched = await timed(options.rows, perTransaction, async (index) => {
      await client.query('BEGIN');
      for (let i = 0; i < Math.min(perTransaction, options.rows - index); i += 1) {
        await insert();
      }
      await client.query('COMMIT');
    });
    return [
      result(
        'pg-insert-autocommit',
        'raw pg: single-row INSERT, one autocommit transaction each, one connection',
        options.rows,
        single,
      ),
      result(
        `pg-insert-${perTransaction}-per-tx`,
        `raw pg: ${perTransaction} single-row INSERTs per transaction, one connection`,
        options.rows,
        batched,
      ),
    ];
  } finally {
    await client.end();
  }
}

/**
 * Raw JetStream publishes of the relay's real payload, with a Nats-Msg-Id, into a scratch stream
 * configured like the events stream (file storage, same duplicate window).
 */
export async function jetStreamBaselines(
  nc: NatsConnection,
  options: {
    stream: string;
    subject: string;
    messages: number;
    warmup: number;
    windows: readonly number[];
    duplicateWindowMs: number;
    payload: string;
  },
): Promise<BaselineResult[]> {
  const jsm = await jetstreamManager(nc);
  await jsm.streams.add({
    name: options.stream,
    subjects: [`${options.subject}.>`],
    storage: StorageType.File,
    num_replicas: 1,
    duplicate_window: options.duplicateWindowMs * 1_000_000,
  });
  const js: JetStreamClient = jetstream(nc);
  const subject = `${options.subject}.scratch`;
  const publish = () => js.publish(subject, options.payload, { msgID: randomUUID() });
  for (let i = 0; i < options.warmup; i += 1) {
    await publish();
  }
  const results: BaselineResult[] = [];
  const sequential = await timed(options.messages, 1, async () => {
    await publish();
  });
  results.push(
    result(
      'js-publish-sequential',
      'raw JetStream: publish, await its PubAck, then the next',
      options.messages,
      sequential,
    ),
  );
  for (const window of options.windows) {
    const windowed = await timed(options.messages, window, async (index) => {
      const size = Math.min(window, options.messages - index);
      await Promise.all(Array.from({ length: size }, publish));
    });
    results.push(
      result(
        `js-publish-window-${window}`,
        `raw JetStream: publish ${window} at once, await all their PubAcks, repeat`,
        options.messages,
        windowed,
      ),
    );
  }
  return results;
}
