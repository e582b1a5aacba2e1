import type { DataSource, EntityManager } from 'typeorm';
import {
  TimerPoller,
  TimerScheduler,
  type FiringTimer,
  type NewTimer,
  type TimerHandler,
  type TimerPollerOptions,
  type TimerView,
} from '../src';
import {
  effectsPerTimer,
  openTimerTestDatabase,
  waitFor,
  type TimerTestDatabase,
} from './timer-test-database';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = new Date('2026-03-02T08:00:00.000Z');

describe('durable timers against PostgreSQL', () => {
  let db: TimerTestDatabase;
  let dataSource: DataSource;
  const scheduler = new TimerScheduler();
  let clock: Date;
  const now = () => clock;
  const at = (offsetMs: number) => new Date(T0.getTime() + offsetMs);

  beforeAll(async () => {
    db = await openTimerTestDatabase('main');
    dataSource = db.dataSource;
  });

  afterAll(async () => {
    await db?.close();
  });

  beforeEach(async () => {
    clock = T0;
    await dataSource.query('TRUNCATE timer, timer_effect');
  });

  function tx<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return dataSource.transaction(work);
  }

  let keys = 0;
  function newTimer(overrides: Partial<NewTimer> = {}): NewTimer {
    keys += 1;
    return {
      kind: 'plan-review',
      key: `plan-review:plan-${keys}`,
      dueAt: at(DAY),
      payload: { planId: `plan-${keys}` },
      ...overrides,
    };
  }

  /** The handler a service would have: records one effect row in the poller's transaction. */
  function recordingHandler(firedBy = 'poller'): TimerHandler {
    return async (em, timer) => {
      await em.query('INSERT INTO timer_effect (timer_id, key, fired_by) VALUES ($1, $2, $3)', [
        timer.id,
        timer.key,
        firedBy,
      ]);
    };
  }

  function newPoller(overrides: Partial<TimerPollerOptions> = {}): TimerPoller {
    return new TimerPoller({
      dataSource,
      handlers: { 'plan-review': recordingHandler() },
      batchSize: 20,
      pollIntervalMs: 20,
      retryBaseMs: 60_000,
      now,
      ...overrides,
    });
  }

  async function rowOf(id: string): Promise<{
    status: string;
    due_at: Date;
    attempts: number;
    last_error: string | null;
    fired_at: Date | null;
    remaining_ms: string | null;
  }> {
    const [row] = await dataSource.query(
      'SELECT status, due_at, attempts, last_error, fired_at, remaining_ms FROM timer WHERE id = $1',
      [id],
    );
    return row;
  }

  describe('scheduling', () => {
    it('should keep one live timer per key when the same key is scheduled twice', async () => {
      const timer = newTimer();
      const first = await tx((em) => scheduler.schedule(em, timer));
      const second = await tx((em) =>
        scheduler.schedule(em, { ...timer, dueAt: at(3 * DAY), payload: { planId: 'changed' } }),
      );

      expect(second.id).toBe(first.id);
      expect(second.dueAt).toEqual(at(3 * DAY));
      expect(second.payload).toEqual({ planId: 'changed' });
      const [{ n }] = await dataSource.query('SELECT count(*) AS n FROM timer WHERE key = $1', [
        timer.key,
      ]);
      expect(Number(n)).toBe(1);
    });

    it('should keep one live timer per key when two transactions schedule it concurrently', async () => {
      const timer = newTimer();
      const results = await Promise.all(
        [1, 2, 3, 4].map((n) =>
          tx((em) => scheduler.schedule(em, { ...timer, dueAt: at(n * DAY) })),
        ),
      );

      expect(new Set(results.map((result) => result.id)).size).toBe(1);
      const rows = await dataSource.query('SELECT id FROM timer WHERE key = $1', [timer.key]);
      expect(rows).toHaveLength(1);
    });

    it('should refuse to change a timer outside a transaction', async () => {
      await expect(scheduler.schedule(dataSource.manager, newTimer())).rejects.toThrow(
        /inside the business transaction/,
      );
    });

    it('should start a new timer when the key has only a fired one', async () => {
      const timer = newTimer({ dueAt: at(0) });
      const first = await tx((em) => scheduler.schedule(em, timer));
      expect(await newPoller().fireDue()).toBe(1);

      const second = await tx((em) => scheduler.schedule(em, { ...timer, dueAt: at(DAY) }));

      expect(second.id).not.toBe(first.id);
      expect((await rowOf(first.id)).status).toBe('FIRED');
      expect(second.status).toBe('SCHEDULED');
    });
  });

  describe('firing', () => {
    it('should fire a due timer exactly once when polled again and again', async () => {
      const timer = await tx((em) => scheduler.schedule(em, newTimer({ dueAt: at(DAY) })));
      const poller = newPoller();

      expect(await poller.fireDue()).toBe(0); // not due yet
      clock = at(DAY);
      expect(await poller.fireDue()).toBe(1);
      expect(await poller.fireDue()).toBe(0);
      clock = at(10 * DAY);
      expect(await poller.fireDue()).toBe(0);

      expect(await effectsPerTimer(dataSource)).toEqual(new Map([[timer.id, 1]]));
      const row = await rowOf(timer.id);
      expect(row.status).toBe('FIRED');
      expect(row.fired_at).toEqual(at(DAY));
      expect(row.attempts).toBe(1);
    });

    it('should hand the handler the timer it claimed', async () => {
      const seen: FiringTimer[] = [];
      const timer = await tx((em) =>
        scheduler.schedule(em, newTimer({ dueAt: at(0), payload: { planId: 'p-1' } })),
      );
      await newPoller({
        handlers: {
          'plan-review': async (_em, firing) => {
            seen.push(firing);
          },
        },
      }).fireDue();

      expect(seen).toEqual([
        {
          id: timer.id,
          kind: 'plan-review',
          key: timer.key,
          dueAt: at(0),
          payload: { planId: 'p-1' },
          previousAttempts: 0,
          firedAt: T0,
        },
      ]);
    });

    it('should commit the next timer a handler schedules for the same key with the FIRED mark', async () => {
      const first = await tx((em) => scheduler.schedule(em, newTimer({ dueAt: at(0) })));
      const poller = newPoller({
        handlers: {
          'plan-review': async (em, timer) => {
            await scheduler.schedule(em, {
              kind: timer.kind,
              key: timer.key,
              dueAt: new Date(timer.dueAt.getTime() + 182 * DAY),
              payload: timer.payload,
            });
          },
        },
      });

      expect(await poller.fireDue()).toBe(1);

      const rows = await dataSource.query<{ id: string; status: string; due_at: Date }[]>(
        'SELECT id, status, due_at FROM timer WHERE key = $1 ORDER BY due_at',
        [first.key],
      );
      expect(rows.map((row) => [row.id === first.id, row.status])).toEqual([
        [true, 'FIRED'],
        [false, 'SCHEDULED'],
      ]);
      expect(rows[1].due_at).toEqual(at(182 * DAY));
    });

    it('should fire each of 200 due timers exactly once when two pollers race over them', async () => {
      const timers: TimerView[] = [];
      await tx(async (em) => {
        for (let i = 0; i < 200; i += 1) {
          timers.push(await scheduler.schedule(em, newTimer({ dueAt: at(-i * 1000) })));
        }
      });
      const replica = await db.openReplica();
      // Each handler does a little work so the two transactions overlap.
      const slowRecording =
        (firedBy: string): TimerHandler =>
        async (em, timer) => {
          await em.query('SELECT pg_sleep(0.002)');
          await recordingHandler(firedBy)(em, timer);
        };
      const pollers = [
        newPoller({ handlers: { 'plan-review': slowRecording('a') }, batchSize: 10 }),
        newPoller({
          dataSource: replica,
          handlers: { 'plan-review': slowRecording('b') },
          batchSize: 10,
        }),
      ];
      pollers.forEach((poller) => poller.start());
      try {
        await waitFor(
          async () => {
            const [{ n }] = await dataSource.query(
              "SELECT count(*) AS n FROM timer WHERE status = 'FIRED'",
            );
            return Number(n) === 200 ? true : undefined;
          },
          { timeoutMs: 30_000, description: '200 timers fired' },
        );
      } finally {
        await Promise.all(pollers.map((poller) => poller.stop()));
      }

      const effects = await effectsPerTimer(dataSource);
      expect(effects.size).toBe(200);
      expect([...effects.values()].every((n) => n === 1)).toBe(true);
      expect(new Set(effects.keys())).toEqual(new Set(timers.map((timer) => timer.id)));
      const byPoller = await dataSource.query<{ fired_by: string; n: string }[]>(
        'SELECT fired_by, count(*) AS n FROM timer_effect GROUP BY fired_by ORDER BY fired_by',
      );
      // Both replicas took part: the race really happened.
      expect(byPoller.map((row) => row.fired_by)).toEqual(['a', 'b']);
    });

    it('should claim only kinds it has a handler for and report the others as overdue', async () => {
      await tx((em) => scheduler.schedule(em, newTimer({ kind: 'unknown-kind', dueAt: at(0) })));
      const poller = newPoller();
      clock = at(2 * HOUR);

      expect(await poller.fireDue()).toBe(0);
      expect(await poller.backlog()).toEqual({
        overdue: 1,
        oldestOverdueMs: 2 * HOUR,
        retrying: 0,
        failing: 0,
      });
    });
  });

  describe('suspension', () => {
    it('should never fire a suspended timer and shift its due time by the suspended duration', async () => {
      const timer = await tx((em) => scheduler.schedule(em, newTimer({ dueAt: at(10 * DAY) })));
      const poller = newPoller();

      const suspended = await tx((em) => scheduler.suspend(em, timer.key, at(2 * DAY)));
      expect(suspended).toMatchObject({
        status: 'SUSPENDED',
        suspendedAt: at(2 * DAY),
        remainingMs: 8 * DAY,
        dueAt: at(10 * DAY),
      });
      // Suspending again changes nothing.
      const again = await tx((em) => scheduler.suspend(em, timer.key, at(5 * DAY)));
      expect(again?.suspendedAt).toEqual(at(2 * DAY));

      clock = at(30 * DAY);
      expect(await poller.fireDue()).toBe(0);
      expect((await rowOf(timer.id)).status).toBe('SUSPENDED');

      // Suspended for 30 days: due 40 days after T0 instead of 10.
      const resumed = await tx((em) => scheduler.resume(em, timer.key, at(32 * DAY)));
      expect(resumed).toMatchObject({
        status: 'SCHEDULED',
        dueAt: at(40 * DAY),
        suspendedAt: null,
        remainingMs: null,
      });
      // Resuming a scheduled timer changes nothing.
      expect((await tx((em) => scheduler.resume(em, timer.key, at(33 * DAY))))?.dueAt).toEqual(
        at(40 * DAY),
      );

      clock = at(40 * DAY - 1);
      expect(await poller.fireDue()).toBe(0);
      clock = at(40 * DAY);
      expect(await poller.fireDue()).toBe(1);
      expect(await effectsPerTimer(dataSource)).toEqual(new Map([[timer.id, 1]]));
    });

    it('should keep an overdue timer overdue by as much after a suspension', async () => {
      const timer = await tx((em) => scheduler.schedule(em, newTimer({ dueAt: at(DAY) })));
      await tx((em) => scheduler.suspend(em, timer.key, at(3 * DAY)));
      expect((await rowOf(timer.id)).remaining_ms).toBe(String(-2 * DAY));

      const resumed = await tx((em) => scheduler.resume(em, timer.key, at(7 * DAY)));

      expect(resumed?.dueAt).toEqual(at(5 * DAY));
    });

    it('should shift by exact hours when the suspension spans a daylight saving change', async () => {
      const key = newTimer().key;
      // Suspended 7 × 24 h; the due time moves across the change of 29 March 2026, where a
      // '7 days' interval added in Helsinki time would be 167 h.
      await tx((em) =>
        scheduler.schedule(em, {
          kind: 'plan-review',
          key,
          dueAt: new Date('2026-03-25T08:00:00Z'),
        }),
      );
      await tx(async (em) => {
        await em.query("SET LOCAL TIME ZONE 'Europe/Helsinki'");
        await scheduler.suspend(em, key, new Date('2026-03-20T08:00:00Z'));
      });
      const resumed = await tx(async (em) => {
        await em.query("SET LOCAL TIME ZONE 'Europe/Helsinki'");
        return scheduler.resume(em, key, new Date('2026-03-27T08:00:00Z'));
      });

      expect(resumed?.dueAt).toEqual(new Date('2026-04-01T08:00:00Z'));
    });

    it('should keep a re-scheduled suspended timer suspended with its new due time', async () => {
      const timer = await tx((em) => scheduler.schedule(em, newTimer({ dueAt: at(10 * DAY) })));
      await tx((em) => scheduler.suspend(em, timer.key, at(DAY)));

      const rescheduled = await tx((em) =>
        scheduler.schedule(em, { kind: timer.kind, key: timer.key, dueAt: at(20 * DAY) }),
      );

      expect(rescheduled).toMatchObject({ status: 'SUSPENDED', remainingMs: 19 * DAY });
      const resumed = await tx((em) => scheduler.resume(em, timer.key, at(3 * DAY)));
      expect(resumed?.dueAt).toEqual(at(22 * DAY));
    });

    it('should answer null for a key without a live timer', async () => {
      await tx(async (em) => {
        expect(await scheduler.suspend(em, 'plan-review:none', at(0))).toBeNull();
        expect(await scheduler.resume(em, 'plan-review:none', at(0))).toBeNull();
        expect(await scheduler.cancel(em, 'plan-review:none')).toBeNull();
      });
    });
  });

  describe('cancellation', () => {
    it('should never fire a cancelled timer, scheduled or suspended', async () => {
      const scheduled = await tx((em) => scheduler.schedule(em, newTimer({ dueAt: at(DAY) })));
      const suspended = await tx((em) => scheduler.schedule(em, newTimer({ dueAt: at(DAY) })));
      await tx((em) => scheduler.suspend(em, suspended.key, at(0)));

      const cancelled = await tx(async (em) => [
        await scheduler.cancel(em, scheduled.key),
        await scheduler.cancel(em, suspended.key),
      ]);
      expect(cancelled.map((timer) => timer?.status)).toEqual(['CANCELLED', 'CANCELLED']);
      expect(await tx((em) => scheduler.cancel(em, scheduled.key))).toBeNull();

      clock = at(100 * DAY);
      expect(await newPoller().fireDue()).toBe(0);
      expect((await effectsPerTimer(dataSource)).size).toBe(0);
    });

    it('should cancel nothing when the business transaction rolls back', async () => {
      const timer = await tx((em) => scheduler.schedule(em, newTimer({ dueAt: at(0) })));
      await expect(
        tx(async (em) => {
          await scheduler.cancel(em, timer.key);
          throw new Error('business rule failed');
        }),
      ).rejects.toThrow('business rule failed');

      expect(await newPoller().fireDue()).toBe(1);
    });
  });

  describe('handler failures', () => {
    it('should retry a failing handler with backoff and fire it once when it succeeds', async () => {
      const flaky = await tx((em) => scheduler.schedule(em, newTimer({ dueAt: at(0) })));
      const steady = await tx((em) => scheduler.schedule(em, newTimer({ dueAt: at(0) })));
      let calls = 0;
      const poller = newPoller({
        retryBaseMs: 60_000,
        handlers: {
          'plan-review': async (em, timer) => {
            await recordingHandler()(em, timer);
            if (timer.id === flaky.id) {
              calls += 1;
              if (calls <= 2) {
                // Its effect above must roll back with the failed attempt.
                throw new Error(`downstream unavailable (${calls})`);
              }
            }
          },
        },
      });

      expect(await poller.fireDue()).toBe(1); // the steady one, in the same batch
      let row = await rowOf(flaky.id);
      expect(row).toMatchObject({ status: 'SCHEDULED', attempts: 1, due_at: at(60_000) });
      expect(row.last_error).toContain('downstream unavailable (1)');
      expect(await poller.backlog()).toMatchObject({ overdue: 0, retrying: 1, failing: 0 });

      expect(await poller.fireDue()).toBe(0); // backing off
      clock = at(60_000);
      expect(await poller.fireDue()).toBe(0);
      row = await rowOf(flaky.id);
      expect(row).toMatchObject({ status: 'SCHEDULED', attempts: 2, due_at: at(180_000) });

      clock = at(180_000);
      expect(await poller.fireDue()).toBe(1);
      row = await rowOf(flaky.id);
      expect(row).toMatchObject({ status: 'FIRED', attempts: 3, fired_at: at(180_000) });
      expect(await effectsPerTimer(dataSource)).toEqual(
        new Map([
          [flaky.id, 1],
          [steady.id, 1],
        ]),
      );
    });

    it('should keep a timer that always fails scheduled and visible after maxAttempts', async () => {
      const timer = await tx((em) => scheduler.schedule(em, newTimer({ dueAt: at(0) })));
      const poller = newPoller({
        retryBaseMs: 1_000,
        maxAttempts: 3,
        exhaustedRetryMs: 6 * HOUR,
        handlers: {
          'plan-review': async () => {
            throw new Error('always broken');
          },
        },
      });

      for (const step of [0, 1_000, 3_000]) {
        clock = at(step);
        expect(await poller.fireDue()).toBe(0);
      }

      const row = await rowOf(timer.id);
      expect(row).toMatchObject({ status: 'SCHEDULED', attempts: 3, due_at: at(3_000 + 6 * HOUR) });
      expect(await poller.backlog()).toMatchObject({ retrying: 1, failing: 1 });

      // Fixed by a deploy: the next attempt after the long pause fires it.
      const fixed = newPoller({ maxAttempts: 3 });
      clock = at(3_000 + 6 * HOUR);
      expect(await fixed.fireDue()).toBe(1);
      expect((await rowOf(timer.id)).status).toBe('FIRED');
    });

    it('should roll back the batch and lose nothing when the database rejects a handler write', async () => {
      const timer = await tx((em) => scheduler.schedule(em, newTimer({ dueAt: at(0) })));
      const poller = newPoller({
        handlers: {
          'plan-review': async (em) => {
            await em.query('INSERT INTO no_such_table VALUES (1)');
          },
        },
      });

      // A PostgreSQL error inside the savepoint leaves the rest of the transaction usable.
      expect(await poller.fireBatch()).toEqual({ claimed: 1, fired: 0, failed: 1 });
      const row = await rowOf(timer.id);
      expect(row.status).toBe('SCHEDULED');
      expect(row.last_error).toContain('no_such_table');
    });
  });
});
