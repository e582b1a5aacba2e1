import { Logger } from '@nestjs/common';
import { isRetryableConflict, withSavepoint } from '@polku/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import type { TimerHandler, TimerPayload } from './timer.types';

/** The poller's database, handlers and retry policy; every number has a default. */
export interface TimerPollerOptions {
  readonly dataSource: DataSource;
  /** Handler per kind. The poller claims only kinds it has a handler for. */
  readonly handlers?: Readonly<Record<string, TimerHandler>>;
  /** Timers claimed per transaction. Default 50. */
  readonly batchSize?: number;
  /** Pause between polls when nothing more is due. Default 1,000 ms. */
  readonly pollIntervalMs?: number;
  /** Delay after the first failed attempt, doubling after each. Default 5,000 ms. */
  readonly retryBaseMs?: number;
  /** Longest delay between attempts while under maxAttempts. Default 15 minutes. */
  readonly retryMaxMs?: number;
  /**
   * From this many failed attempts on, the timer counts as failing (health) and is retried only
   * every exhaustedRetryMs. It stays SCHEDULED: never dropped. Default 10.
   */
  readonly maxAttempts?: number;
  /** Delay between attempts of a failing timer. Default 6 hours. */
  readonly exhaustedRetryMs?: number;
  /** The clock deciding what is due; tests move it. Default `() => new Date()`. */
  readonly now?: () => Date;
}

/** For health: timers that should have fired and have not. */
export interface TimerBacklog {
  /** SCHEDULED timers whose due time has passed (by the poller's clock). */
  readonly overdue: number;
  /** How long the oldest of them has been due, 0 when none. */
  readonly oldestOverdueMs: number;
  /** SCHEDULED timers whose last attempt failed and that wait for a retry. */
  readonly retrying: number;
  /** Of those, the ones with at least maxAttempts failed attempts (retried rarely). */
  readonly failing: number;
}

/** What one claim-and-fire transaction did. */
export interface TimerBatchResult {
  readonly claimed: number;
  readonly fired: number;
  readonly failed: number;
}

interface ClaimedRow {
  id: string;
  kind: string;
  key: string;
  due_at: Date;
  payload: TimerPayload;
  attempts: number;
}

/**
 * Fires due timers exactly once across any number of replicas. Each batch is one transaction:
 * due SCHEDULED rows are claimed with FOR UPDATE SKIP LOCKED, and for each one the FIRED mark
 * and the handler's writes share a savepoint, so they commit together with the batch or not at
 * all. A process that dies mid-batch leaves every claimed row SCHEDULED (its transaction rolls
 * back and its locks go with the connection); another replica or the restart fires them.
 */
export class TimerPoller {
  private readonly logger = new Logger(TimerPoller.name);
  private readonly handlers = new Map<string, TimerHandler>();
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly retryBaseMs: number;
  private readonly retryMaxMs: number;
  private readonly maxAttempts: number;
  private readonly exhaustedRetryMs: number;
  private readonly now: () => Date;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private failures = 0;

  constructor(private readonly options: TimerPollerOptions) {
    this.batchSize = options.batchSize ?? 50;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.retryBaseMs = options.retryBaseMs ?? 5_000;
    this.retryMaxMs = options.retryMaxMs ?? 15 * 60_000;
    this.maxAttempts = options.maxAttempts ?? 10;
    this.exhaustedRetryMs = options.exhaustedRetryMs ?? 6 * 3_600_000;
    this.now = options.now ?? (() => new Date());
    for (const [kind, handler] of Object.entries(options.handlers ?? {})) {
      this.register(kind, handler);
    }
  }

  /** Adds the handler of a kind; one per kind. Register before start(). */
  register(kind: string, handler: TimerHandler): void {
    if (this.handlers.has(kind)) {
      throw new Error(`a handler for timer kind ${kind} is already registered`);
    }
    this.handlers.set(kind, handler);
  }

  /** Starts polling; a second call does nothing. */
  start(): void {
    if (this.running) {
      return;
    }
    this.running = true;
    this.loop = this.run();
  }

  /** Stops polling; waits for the batch in progress to commit or roll back. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Fires everything due now, batch after batch; returns how many fired. For tools and tests. */
  async fireDue(): Promise<number> {
    let fired = 0;
    for (;;) {
      const result = await this.fireBatch();
      fired += result.fired;
      if (result.claimed < this.batchSize) {
        return fired;
      }
    }
  }

  /** Overdue and failing timers, for the service's health report. */
  async backlog(): Promise<TimerBacklog> {
    const [row] = await this.options.dataSource.query<
      { overdue: string; oldest_due_at: Date | null; retrying: string; failing: string }[]
    >(
      `SELECT count(*) FILTER (WHERE due_at <= $1) AS overdue,
              min(due_at) FILTER (WHERE due_at <= $1) AS oldest_due_at,
              count(*) FILTER (WHERE last_error IS NOT NULL) AS retrying,
              count(*) FILTER (WHERE last_error IS NOT NULL AND attempts >= $2) AS failing
         FROM timer WHERE status = 'SCHEDULED'`,
      [this.now(), this.maxAttempts],
    );
    return {
      overdue: Number(row.overdue),
      oldestOverdueMs:
        row.oldest_due_at === null
          ? 0
          : Math.max(0, this.now().getTime() - new Date(row.oldest_due_at).getTime()),
      retrying: Number(row.retrying),
      failing: Number(row.failing),
    };
  }

  /** Claims one batch of due timers and fires them in one transaction. */
  async fireBatch(): Promise<TimerBatchResult> {
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) {
      return { claimed: 0, fired: 0, failed: 0 };
    }
    return this.options.dataSource.transaction(async (em) => {
      const now = this.now();
      const rows = await em.query<ClaimedRow[]>(
        `SELECT id, kind, key, due_at, payload, attempts FROM timer
          WHERE status = 'SCHEDULED' AND due_at <= $1 AND kind = ANY($2)
          ORDER BY due_at, id
          LIMIT $3
          FOR UPDATE SKIP LOCKED`,
        [now, kinds, this.batchSize],
      );
      let fired = 0;
      for (const row of rows) {
        if (await this.fireOne(em, { row, now })) {
          fired += 1;
        }
      }
      return { claimed: rows.length, fired, failed: rows.length - fired };
    });
  }

  private async fireOne(
    em: EntityManager,
    claim: { row: ClaimedRow; now: Date },
  ): Promise<boolean> {
    const { row, now } = claim;
    const handler = this.handlers.get(row.kind);
    if (!handler) {
      throw new Error(`claimed a timer of kind ${row.kind} without a handler`);
    }
    try {
      await withSavepoint(em, {
        name: 'timer_fire',
        work: async () => {
          // Marked before the handler runs: a handler scheduling the next timer of the same key
          // then creates a new row instead of updating this one.
          await em.query(
            `UPDATE timer SET status = 'FIRED', fired_at = $2, attempts = attempts + 1,
                    updated_at = now()
              WHERE id = $1`,
            [row.id, now],
          );
          await handler(em, {
            id: row.id,
            kind: row.kind,
            key: row.key,
            dueAt: new Date(row.due_at),
            payload: row.payload,
            previousAttempts: row.attempts,
            firedAt: now,
          });
        },
      });
      return true;
    } catch (error) {
      // Rolled back to the savepoint: the FIRED mark and the handler's writes are undone.
      if (isRetryableConflict(error)) {
        // Not the timer's fault: a command held what the handler needed while it waited for
        // this timer (it locked its path, then cancelled the timer). Due again at the next poll,
        // after this batch has let the command through; no attempt is counted.
        this.logger.warn(`timer ${row.kind} ${row.id} met a conflict, fired again: ${error}`);
        return false;
      }
      const attempts = row.attempts + 1;
      const delayMs =
        attempts >= this.maxAttempts
          ? this.exhaustedRetryMs
          : Math.min(this.retryMaxMs, this.retryBaseMs * 2 ** (attempts - 1));
      await em.query(
        `UPDATE timer SET attempts = $2, last_error = $3, due_at = $4, updated_at = now()
          WHERE id = $1`,
        [row.id, attempts, String(error).slice(0, 1000), new Date(now.getTime() + delayMs)],
      );
      const message = `timer ${row.kind} ${row.id} failed (attempt ${attempts}), retried in ${delayMs} ms: ${String(error)}`;
      if (attempts >= this.maxAttempts) {
        this.logger.error(message);
      } else {
        this.logger.warn(message);
      }
      return false;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        claimed = (await this.fireBatch()).claimed;
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        if (this.failures === 1 || this.failures % 20 === 0) {
          this.logger.warn(`firing timers failed (attempt ${this.failures}): ${String(error)}`);
        }
      }
      if (claimed >= this.batchSize && this.failures === 0) {
        continue; // more is due: no pause
      }
      const pause =
        this.failures > 0
          ? Math.min(30_000, this.pollIntervalMs * 2 ** Math.min(this.failures, 5))
          : this.pollIntervalMs;
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
}
