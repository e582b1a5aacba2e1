import type { DataSource, EntityManager } from 'typeorm';
import { isRetryableConflict, retriedTransaction, type RetriedTransactionOptions } from '../src';
import { openScratchDatabase, type ScratchDatabase } from './scratch-database';

/** A promise two transactions wait on until both have got that far. */
function meetingPoint(parties: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    arrived += 1;
    if (arrived === parties) {
      open();
    }
    return opened;
  };
}

describe('retriedTransaction against PostgreSQL', () => {
  let db: ScratchDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await openScratchDatabase('retried');
    dataSource = db.dataSource;
    await dataSource.query('CREATE TABLE counter (id text PRIMARY KEY, value integer NOT NULL)');
  });

  afterAll(async () => {
    await db?.close();
  });

  beforeEach(async () => {
    await dataSource.query(`TRUNCATE counter`);
    await dataSource.query(`INSERT INTO counter (id, value) VALUES ('a', 0), ('b', 0)`);
  });

  const increment = (em: EntityManager, id: string) =>
    em.query('UPDATE counter SET value = value + 1 WHERE id = $1', [id]);

  /**
   * Two transactions lock a and b in opposite orders, each waiting until the other holds its
   * first row: PostgreSQL must abort one of them as a deadlock victim.
   */
  function crosswise(options: RetriedTransactionOptions) {
    const bothHoldTheirFirstRow = meetingPoint(2);
    let runs = 0;
    const run = (first: string, second: string) =>
      retriedTransaction(
        dataSource,
        async (em) => {
          runs += 1;
          await increment(em, first);
          await bothHoldTheirFirstRow();
          await increment(em, second);
          return first;
        },
        options,
      );
    return {
      outcomes: Promise.allSettled([run('a', 'b'), run('b', 'a')]),
      runs: () => runs,
    };
  }

  const values = async () =>
    Object.fromEntries(
      (
        await dataSource.query<{ id: string; value: number }[]>(
          'SELECT id, value FROM counter ORDER BY id',
        )
      ).map((row) => [row.id, row.value]),
    );

  it('should run the deadlock victim again, so that both transactions commit once', async () => {
    const { outcomes, runs } = crosswise({});

    expect(await outcomes).toEqual([
      { status: 'fulfilled', value: 'a' },
      { status: 'fulfilled', value: 'b' },
    ]);
    expect(runs()).toBe(3);
    // Each transaction added one to both rows; the aborted attempt left nothing behind.
    expect(await values()).toEqual({ a: 2, b: 2 });
  }, 20_000);

  it('should hand the conflict to the caller when no attempt is left', async () => {
    const { outcomes, runs } = crosswise({ attempts: 1 });

    const settled = await outcomes;
    const rejected = settled.filter((outcome) => outcome.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(isRetryableConflict((rejected[0] as PromiseRejectedResult).reason)).toBe(true);
    expect(runs()).toBe(2);
    expect(await values()).toEqual({ a: 1, b: 1 });
  }, 20_000);

  it('should not run the work again for an error that is not a conflict', async () => {
    let runs = 0;
    const failing = retriedTransaction(dataSource, async (em) => {
      runs += 1;
      await increment(em, 'a');
      await em.query('SELECT 1 / 0');
    });

    await expect(failing).rejects.toThrow('division by zero');
    expect(runs).toBe(1);
    expect(await values()).toEqual({ a: 0, b: 0 });
  });

  it('should run the work at the isolation level it was asked for', async () => {
    const level = await retriedTransaction(
      dataSource,
      async (em) =>
        (
          await em.query<{ level: string }[]>('SELECT current_setting($1) AS level', [
            'transaction_isolation',
          ])
        )[0].level,
      { isolation: 'REPEATABLE READ' },
    );

    expect(level).toBe('repeatable read');
  });
});
