import { AsyncLocalStorage } from 'node:async_hooks';
import { listenToSavepoints, type SavepointListener } from '@polku/persistence';
import type { DataSource, EntitySubscriberInterface, QueryRunner } from 'typeorm';

/** An event a request wrote, as its reply names it: the id and subject, never the data. */
export interface WrittenEvent {
  readonly id: string;
  readonly subject: string;
}

/** An appended event and the transaction depth it was appended at (1 = the outer transaction). */
interface PendingWrite {
  readonly event: WrittenEvent;
  depth: number;
}

/**
 * The events one request handler wrote to the outbox and committed, so that its reply can name
 * them (docs/adr/0015-read-your-own-writes.md). An event counts once the transaction that
 * appended it commits; a rollback, of the whole transaction or to a savepoint set after the
 * append, takes it back, exactly as it takes back the outbox row.
 */
export class WrittenEvents {
  private readonly committed: WrittenEvent[] = [];
  private readonly pending = new Map<QueryRunner, PendingWrite[]>();
  /** Per connection: how many pending writes a `Savepoint` set last keeps on a ROLLBACK TO. */
  private readonly savepointMarks = new Map<QueryRunner, number>();

  /** The committed events, in the order they were appended. */
  list(): readonly WrittenEvent[] {
    return [...this.committed];
  }

  appended(runner: QueryRunner, event: WrittenEvent): void {
    const writes = this.pending.get(runner) ?? [];
    writes.push({ event, depth: depthOf(runner) });
    this.pending.set(runner, writes);
  }

  /** After COMMIT (depth 0) or the release of a nested transaction's savepoint. */
  committedTo(runner: QueryRunner, depth: number): void {
    const writes = this.pending.get(runner);
    if (writes === undefined) {
      return;
    }
    if (depth > 0) {
      // Released into the enclosing transaction: they now stand or fall with it.
      for (const write of writes) {
        write.depth = Math.min(write.depth, depth);
      }
      return;
    }
    this.committed.push(...writes.map((write) => write.event));
    this.forget(runner);
  }

  /** After ROLLBACK (depth 0) or ROLLBACK TO a nested transaction's savepoint. */
  rolledBackTo(runner: QueryRunner, depth: number): void {
    const writes = this.pending.get(runner);
    if (writes === undefined) {
      return;
    }
    const kept = writes.filter((write) => write.depth <= depth);
    if (depth === 0 || kept.length === 0) {
      this.forget(runner);
    } else {
      this.pending.set(runner, kept);
    }
  }

  /** A `Savepoint` of @polku/persistence is set or released: what is pending now is kept. */
  savepointSet(runner: QueryRunner): void {
    this.savepointMarks.set(runner, this.pending.get(runner)?.length ?? 0);
  }

  /** ROLLBACK TO a `Savepoint`: what was appended since it was set is undone. */
  savepointRolledBack(runner: QueryRunner): void {
    const writes = this.pending.get(runner);
    if (writes !== undefined) {
      writes.length = Math.min(writes.length, this.savepointMarks.get(runner) ?? 0);
    }
  }

  private forget(runner: QueryRunner): void {
    this.pending.delete(runner);
    this.savepointMarks.delete(runner);
  }
}

const requestScope = new AsyncLocalStorage<WrittenEvents>();
const scopeOfRunner = new WeakMap<QueryRunner, WrittenEvents>();

/**
 * Runs `work` (a request handler) and collects the events it commits to the outbox. Events
 * written outside such a scope (event consumers, timers) are not collected.
 */
export async function collectWrittenEvents<T>(
  work: () => Promise<T>,
): Promise<{ readonly result: T; readonly written: readonly WrittenEvent[] }> {
  const written = new WrittenEvents();
  const result = await requestScope.run(written, work);
  return { result, written: written.list() };
}

const AT_SAVEPOINTS: SavepointListener = {
  flush: (runner) => {
    scopeOfRunner.get(runner)?.savepointSet(runner);
    return Promise.resolve();
  },
  discard: (runner) => scopeOfRunner.get(runner)?.savepointRolledBack(runner),
};

/**
 * Follows the transactions that appended events inside a request scope; the depth TypeORM
 * reports after a commit or rollback tells a nested transaction's end from the outer one's.
 */
class WrittenEventsSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: { queryRunner: QueryRunner }): void {
    scopeOfRunner
      .get(event.queryRunner)
      ?.committedTo(event.queryRunner, depthOf(event.queryRunner));
  }

  afterTransactionRollback(event: { queryRunner: QueryRunner }): void {
    scopeOfRunner
      .get(event.queryRunner)
      ?.rolledBackTo(event.queryRunner, depthOf(event.queryRunner));
  }
}

/**
 * How many transactions are open on `runner`: 1 for the outer one, more inside nested ones.
 * TypeORM keeps the count in a field its QueryRunner interface does not declare.
 */
function depthOf(runner: QueryRunner): number {
  if (!runner.isTransactionActive) {
    return 0;
  }
  const { transactionDepth } = runner as unknown as { transactionDepth?: number };
  return transactionDepth ?? 1;
}

const SUBSCRIBER = new WrittenEventsSubscriber();

/**
 * Notes an event the outbox writer appended on `runner`, when a request handler is running:
 * called by OutboxWriter.append. Cheap when there is no request scope (one lookup).
 */
export function noteAppendedEvent(runner: QueryRunner, event: WrittenEvent): void {
  const scope = requestScope.getStore();
  if (scope === undefined) {
    return;
  }
  ensureSubscriber(runner.connection);
  // A connection serves one transaction at a time; the latest scope to use it owns it.
  scopeOfRunner.set(runner, scope);
  listenToSavepoints(runner, AT_SAVEPOINTS);
  scope.appended(runner, event);
}

function ensureSubscriber(dataSource: DataSource): void {
  if (!dataSource.subscribers.includes(SUBSCRIBER)) {
    dataSource.subscribers.push(SUBSCRIBER);
  }
}
