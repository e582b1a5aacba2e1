import { Logger } from '@nestjs/common';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { namespacedSubject } from '../namespace';
import type { NatsLink } from '../nats-link';
import { runPrepared, type PreparedStatement } from '../prepared-statement';
import { contextFromStoredHeaders, injectTraceIntoNatsHeaders } from '../tracing/trace-headers';

/** Where the relay reads the outbox and publishes, and how often. */
export interface OutboxRelayOptions {
  readonly dataSource: DataSource;
  readonly link: NatsLink;
  readonly namespace: string;
  /** Connection URL of the same database, for LISTEN (a pooled connection cannot hold it). */
  readonly listenUrl: string;
  readonly batchSize: number;
  /** Polling is the source of truth; NOTIFY only makes it faster. */
  readonly pollIntervalMs: number;
  /** Longest pause between attempts while NATS refuses publishes. */
  readonly maxBackoffMs: number;
}

/** The unpublished part of the outbox, for health. */
export interface OutboxBacklog {
  /** Rows written but not yet acknowledged by JetStream. */
  readonly size: number;
  /** Age of the oldest such row, 0 when there is none. */
  readonly oldestAgeMs: number;
}

interface ClaimedRow {
  id: string;
  subject: string;
  /** The envelope as JSON text, published as it is: no parse and serialise on the way. */
  payload: string;
  headers: Record<string, string>;
}

// Prepared once per connection: the relay runs them for every batch.
const CLAIM_BATCH: PreparedStatement = {
  name: 'polku_outbox_claim',
  text: `SELECT id, subject, payload::text AS payload, headers FROM outbox_message
          WHERE published_at IS NULL
          ORDER BY created_at, id
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
};
const MARK_PUBLISHED: PreparedStatement = {
  name: 'polku_outbox_mark_published',
  text: 'UPDATE outbox_message SET published_at = now(), attempts = attempts + 1 WHERE id = ANY($1)',
};

const tracer = trace.getTracer('polku.messaging');

/**
 * Publishes outbox rows to JetStream. Rows are claimed with FOR UPDATE SKIP LOCKED, so any
 * number of replicas can run it; a row is marked published only after JetStream's PubAck, in
 * the same transaction that holds its lock. A crash between publish and mark republishes the
 * same Nats-Msg-Id, which JetStream (within the duplicate window) and every consumer's inbox
 * (always) recognise as a duplicate.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** A NOTIFY arrived since the last claim started: rows may be waiting, do not sleep. */
  private notified = false;
  private listener?: Client;
  private js?: JetStreamClient;
  private failures = 0;

  constructor(private readonly options: OutboxRelayOptions) {}

  /** Starts the publishing loop and the LISTEN connection; a second call does nothing. */
  start(): void {
    if (this.running) {
      return;
    }
    this.running = true;
    void this.listen();
    this.loop = this.run();
  }

  /** Stops after the batch in progress and closes the LISTEN connection. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
  }

  /** Rows not yet published and the age of the oldest, for the service's health report. */
  async backlog(): Promise<OutboxBacklog> {
    const [row] = await this.options.dataSource.query<
      { size: string; oldest_age_ms: string | null }[]
    >(
      `SELECT count(*) AS size,
              (extract(epoch FROM now() - min(created_at)) * 1000)::bigint AS oldest_age_ms
         FROM outbox_message WHERE published_at IS NULL`,
    );
    return { size: Number(row.size), oldestAgeMs: Number(row.oldest_age_ms ?? 0) };
  }

  /** Publishes whatever is pending now; returns how many rows were published. For tools and tests. */
  async drainOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      if (published < this.options.batchSize) {
        return total;
      }
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      let published = 0;
      // Cleared before the claim: a commit notified from here on may not be in this batch.
      this.notified = false;
      try {
        published = await this.publishBatch();
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        if (this.failures === 1 || this.failures % 20 === 0) {
          this.logger.warn(
            `publishing the outbox failed (attempt ${this.failures}): ${String(error)}`,
          );
        }
      }
      if (published >= this.options.batchSize && this.failures === 0) {
        continue; // more is waiting: no pause
      }
      if (this.failures === 0 && this.notified) {
        continue; // rows committed while this batch was publishing: no pause
      }
      const pause =
        this.failures > 0
          ? Math.min(this.options.maxBackoffMs, 100 * 2 ** Math.min(this.failures, 10))
          : this.options.pollIntervalMs;
      await this.sleep(pause);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private notify(): void {
    this.notified = true;
    this.wake?.();
  }

  private async publishBatch(): Promise<number> {
    if (!this.options.link.isConnected) {
      throw new Error('not connected to NATS');
    }
    this.js ??= jetstream(await this.options.link.connect());
    const js = this.js;
    return this.options.dataSource.transaction(async (em) => {
      const rows = await runPrepared<ClaimedRow>(em, {
        statement: CLAIM_BATCH,
        values: [this.options.batchSize],
      });
      if (rows.length === 0) {
        return 0;
      }
      // Publish the whole batch, then wait for every PubAck: one round trip, order kept.
      const outcomes = await Promise.allSettled(rows.map((row) => this.publish(js, row)));
      const published = rows
        .filter((_, index) => outcomes[index].status === 'fulfilled')
        .map((row) => row.id);
      const failed = rows
        .map((row, index) => ({ row, outcome: outcomes[index] }))
        .filter(
          (entry): entry is { row: ClaimedRow; outcome: PromiseRejectedResult } =>
            entry.outcome.status === 'rejected',
        );
      if (published.length > 0) {
        await runPrepared(em, { statement: MARK_PUBLISHED, values: [published] });
      }
      for (const { row, outcome } of failed) {
        await em.query(
          'UPDATE outbox_message SET attempts = attempts + 1, last_error = $2 WHERE id = $1',
          [row.id, String(outcome.reason).slice(0, 1000)],
        );
      }
      if (failed.length > 0) {
        throw new Error(
          `${failed.length} of ${rows.length} publishes failed: ${String(failed[0].outcome.reason)}`,
        );
      }
      return published.length;
    });
  }

  private async publish(js: JetStreamClient, row: ClaimedRow): Promise<unknown> {
    const parent = contextFromStoredHeaders(row.headers);
    // Not an active span: nothing runs inside it but the publish, whose headers carry it. Code
    // run under an active context costs more on Node 20 (every async resource created there
    // carries the context), and the relay publishes every event (docs/performance.md).
    const span = tracer.startSpan(
      `${row.subject} publish`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'messaging.system': 'nats',
          'messaging.destination.name': row.subject,
          'messaging.message.id': row.id,
        },
      },
      parent,
    );
    try {
      const msgHeaders = natsHeaders();
      injectTraceIntoNatsHeaders(msgHeaders, trace.setSpan(parent, span));
      const ack = await js.publish(
        namespacedSubject(this.options.namespace, row.subject),
        row.payload,
        {
          msgID: row.id,
          headers: msgHeaders,
        },
      );
      span.setAttribute('messaging.nats.duplicate', ack.duplicate);
      return ack;
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
      throw error;
    } finally {
      span.end();
    }
  }

  private async listen(): Promise<void> {
    try {
      const client = new Client({
        connectionString: this.options.listenUrl,
        application_name: 'polku-outbox-relay',
      });
      client.on('notification', () => this.notify());
      // A lost LISTEN connection only costs latency: polling continues.
      client.on('error', (error) =>
        this.logger.warn(`outbox LISTEN connection lost: ${error.message}`),
      );
      await client.connect();
      await client.query('LISTEN outbox_message');
      this.listener = client;
      if (!this.running) {
        await client.end();
      }
    } catch (error) {
      this.logger.warn(`outbox LISTEN unavailable, polling only: ${String(error)}`);
    }
  }
}
