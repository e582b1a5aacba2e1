import type { EntityManager, QueryRunner } from 'typeorm';

/**
 * Told when a transaction's connection crosses a savepoint boundary set by {@link Savepoint} or
 * {@link withSavepoint}. Code that holds writes back until the next boundary (the outbox buffers
 * a transaction's events and writes them with one INSERT) registers one with
 * {@link listenToSavepoints}, so it never has to read SQL text to find the boundaries.
 * TypeORM's own transaction hooks (`beforeTransactionCommit`, `beforeTransactionRollback`) cover
 * COMMIT, ROLLBACK and nested transactions; this covers the savepoints set outside TypeORM.
 */
export interface SavepointListener {
  /**
   * Before SAVEPOINT and RELEASE SAVEPOINT: write what is held, so that a later ROLLBACK TO
   * takes back exactly what the database holds since the savepoint.
   */
  flush(runner: QueryRunner): Promise<void>;
  /** Before ROLLBACK TO SAVEPOINT: forget what is held; the work that produced it is undone. */
  discard(runner: QueryRunner): void;
}

const listenersByRunner = new WeakMap<QueryRunner, Set<SavepointListener>>();

/**
 * Registers `listener` for the savepoints set on `runner` (a transaction's connection) until the
 * runner is gone. Registering the same listener again does nothing.
 */
export function listenToSavepoints(runner: QueryRunner, listener: SavepointListener): void {
  const listeners = listenersByRunner.get(runner);
  if (listeners === undefined) {
    listenersByRunner.set(runner, new Set([listener]));
  } else {
    listeners.add(listener);
  }
}

async function flushListeners(runner: QueryRunner): Promise<void> {
  for (const listener of listenersByRunner.get(runner) ?? []) {
    await listener.flush(runner);
  }
}

function discardListeners(runner: QueryRunner): void {
  for (const listener of listenersByRunner.get(runner) ?? []) {
    listener.discard(runner);
  }
}

/** A PostgreSQL identifier that needs no quoting: the name is spliced into SQL. */
const SAVEPOINT_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * One named savepoint in the transaction of an EntityManager. It issues SAVEPOINT, RELEASE and
 * ROLLBACK TO itself and tells the listeners of the transaction's connection first, which is
 * what keeps buffered outbox rows of undone work out of the database. Set it again to move it:
 * the work since the last set is kept and the new savepoint opens in the same round trip.
 * A savepoint set with raw SQL is not seen by the listeners: set them all through this class
 * (docs/adr/0009-explicit-transaction-boundaries.md).
 */
export class Savepoint {
  private readonly runner: QueryRunner;
  private open = false;

  /**
   * @param em an EntityManager inside a transaction
   * @param name a lower-case SQL identifier, e.g. `polku_event`
   */
  constructor(
    em: EntityManager,
    readonly name: string,
  ) {
    if (!SAVEPOINT_NAME.test(name)) {
      throw new Error(`savepoint name ${name} is not a plain lower-case SQL identifier`);
    }
    const runner = em.queryRunner;
    if (runner === undefined || !runner.isTransactionActive) {
      throw new Error(`savepoint ${name} must be set inside a transaction`);
    }
    this.runner = runner;
  }

  /**
   * Sets the savepoint. When it is already set, it is released first in the same round trip:
   * the work done since then is kept, and a later rollback goes back to here.
   */
  async set(): Promise<void> {
    await flushListeners(this.runner);
    await this.runner.query(
      this.open
        ? `RELEASE SAVEPOINT ${this.name}; SAVEPOINT ${this.name}`
        : `SAVEPOINT ${this.name}`,
    );
    this.open = true;
  }

  /** Keeps the work done since the savepoint was set, and forgets the savepoint. */
  async release(): Promise<void> {
    this.assertOpen();
    await flushListeners(this.runner);
    await this.runner.query(`RELEASE SAVEPOINT ${this.name}`);
    this.open = false;
  }

  /**
   * Undoes the work done since the savepoint was set. The savepoint stays set (as in
   * PostgreSQL), so the transaction can go on and roll back to it again.
   */
  async rollback(): Promise<void> {
    this.assertOpen();
    discardListeners(this.runner);
    await this.runner.query(`ROLLBACK TO SAVEPOINT ${this.name}`);
  }

  private assertOpen(): void {
    if (!this.open) {
      throw new Error(`savepoint ${this.name} is not set`);
    }
  }
}

/** What {@link withSavepoint} runs, and under which savepoint name. */
export interface WithSavepointOptions<T> {
  /** A lower-case SQL identifier, e.g. `timer_fire`. */
  readonly name: string;
  /** The work to keep or undo as one; it runs in `em`'s transaction. */
  readonly work: () => Promise<T>;
}

/**
 * Runs `work` under a savepoint of `em`'s transaction: released when the work succeeds, rolled
 * back to when it throws (the error is rethrown, and the transaction stays usable).
 */
export async function withSavepoint<T>(
  em: EntityManager,
  options: WithSavepointOptions<T>,
): Promise<T> {
  const savepoint = new Savepoint(em, options.name);
  await savepoint.set();
  let result: T;
  try {
    result = await options.work();
  } catch (error) {
    await savepoint.rollback();
    throw error;
  }
  await savepoint.release();
  return result;
}
