import { retriedTransaction } from '@polku/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { TimerPoller, TimerScheduler, type TimerView } from '../src';
import { openTimerTestDatabase, waitFor, type TimerTestDatabase } from './timer-test-database';

const T0 = new Date('2026-03-02T08:00:00.000Z');

/**
 * A command and the poller take the same two rows in opposite orders: the command locks its
 * aggregate (a path) and then cancels the path's timer; the poller holds the timer it claimed
 * and its handler then locks the path. PostgreSQL aborts whichever waited first once it sees
 * the cycle. Neither side may turn that into an error: the command runs again
 * (retriedTransaction), the timer is fired again at the next poll without counting an attempt.
 */
describe('a command and the timer poller meeting on one path', () => {
  let db: TimerTestDatabase;
  let dataSource: DataSource;
  const scheduler = new TimerScheduler();

  beforeAll(async () => {
    db = await openTimerTestDatabase('deadlock');
    dataSource = db.dataSource;
    await dataSource.query('CREATE TABLE aggregate (id text PRIMARY KEY, fired integer NOT NULL)');
  });

  afterAll(async () => {
    await db?.close();
  });

  let timer: TimerView;
  beforeEach(async () => {
    await dataSource.query('TRUNCATE timer, aggregate');
    await dataSource.query(`INSERT INTO aggregate (id, fired) VALUES ('path-1', 0)`);
    timer = await dataSource.transaction((em) =>
      scheduler.schedule(em, {
        kind: 'follow-up',
        key: 'follow-up:path-1',
        dueAt: T0,
        payload: {},
      }),
    );
  });

  const lockAggregate = (em: EntityManager) =>
    em.query(`SELECT id FROM aggregate WHERE id = 'path-1' FOR UPDATE`);

  /** Resolves once a backend of this database waits for a lock. */
  const someoneWaits = () =>
    waitFor(
      async () => {
        const [{ waiting }] = await dataSource.query<{ waiting: number }[]>(
          `SELECT count(*)::int AS waiting FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE NOT l.granted AND a.datname = current_database()`,
        );
        return waiting > 0 ? true : undefined;
      },
      { timeoutMs: 10_000, description: 'a transaction waiting for a lock' },
    );

  function gate() {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { open, opened };
  }

  function pollerWhoseHandler(steps: { claimed: () => void; before: Promise<void> }) {
    let handlerRuns = 0;
    const poller = new TimerPoller({
      dataSource,
      now: () => T0,
      retryBaseMs: 60_000,
      handlers: {
        'follow-up': async (em) => {
          handlerRuns += 1;
          if (handlerRuns === 1) {
            steps.claimed();
            await steps.before;
          }
          await lockAggregate(em);
          await em.query(`UPDATE aggregate SET fired = fired + 1 WHERE id = 'path-1'`);
        },
      },
    });
    return { poller, handlerRuns: () => handlerRuns };
  }

  const timerRow = async () =>
    (
      await dataSource.query<{ status: string; attempts: number; last_error: string | null }[]>(
        'SELECT status, attempts, last_error FROM timer WHERE id = $1',
        [timer.id],
      )
    )[0];

  it('should fire the timer again without counting an attempt when the poller is the victim', async () => {
    const claimed = gate();
    const handlerMayLock = gate();
    const { poller } = pollerWhoseHandler({ claimed: claimed.open, before: handlerMayLock.opened });
    const commandHoldsPath = gate();
    const command = retriedTransaction(dataSource, async (em) => {
      await lockAggregate(em);
      commandHoldsPath.open();
      await claimed.opened;
      // The handler waits for the path first, so it is the one PostgreSQL aborts.
      await someoneWaits();
      return scheduler.cancel(em, timer.key);
    });
    await commandHoldsPath.opened;
    const batch = poller.fireBatch();
    await claimed.opened;
    handlerMayLock.open();

    expect(await batch).toEqual({ claimed: 1, fired: 0, failed: 1 });
    expect((await command)?.status).toBe('CANCELLED');
    expect(await timerRow()).toEqual({ status: 'CANCELLED', attempts: 0, last_error: null });
  }, 20_000);

  it('should run the command again when it is the victim, after the timer has fired', async () => {
    const claimed = gate();
    const handlerMayLock = gate();
    const { poller, handlerRuns } = pollerWhoseHandler({
      claimed: claimed.open,
      before: handlerMayLock.opened,
    });
    const batch = poller.fireBatch();
    await claimed.opened;
    let commandRuns = 0;
    const command = retriedTransaction(dataSource, async (em) => {
      commandRuns += 1;
      await lockAggregate(em);
      return scheduler.cancel(em, timer.key);
    });
    // The command waits for the claimed timer first, so it is the one PostgreSQL aborts.
    await someoneWaits();
    handlerMayLock.open();

    expect(await batch).toEqual({ claimed: 1, fired: 1, failed: 0 });
    // Run again after the timer fired: nothing was left to cancel.
    expect(await command).toBeNull();
    expect(commandRuns).toBe(2);
    expect(handlerRuns()).toBe(1);
    expect(await timerRow()).toEqual({ status: 'FIRED', attempts: 1, last_error: null });
  }, 20_000);
});
