import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { TimerPoller, TimerScheduler, type TimerView } from '../src';
import {
  effectsPerTimer,
  openTimerTestDatabase,
  waitFor,
  type TimerTestDatabase,
} from './timer-test-database';

const workspaceRoot = resolve(__dirname, '../../..');

interface HoldingPoller {
  /** Resolves when the child holds its claimed rows mid-batch. */
  readonly holding: Promise<void>;
  readonly exited: Promise<NodeJS.Signals | number | null>;
  kill(): void;
}

function startHoldingPoller(databaseUrl: string): HoldingPoller {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'libs/timers/test/poller-killed-while-holding.process.ts'],
    {
      cwd: workspaceRoot,
      env: {
        ...process.env,
        TIMERS_TEST_DATABASE_URL: databaseUrl,
        SWC_NODE_PROJECT: 'tsconfig.base.json',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<NodeJS.Signals | number | null>((resolveExit) =>
    child.once('exit', (code, signal) => resolveExit(signal ?? code)),
  );
  const holding = new Promise<void>((resolveHolding, rejectHolding) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('holding')) {
        resolveHolding();
      }
    });
    void exited.then((how) => rejectHolding(new Error(`the child exited early (${String(how)})`)));
  });
  return { holding, exited, kill: () => child.kill('SIGKILL') };
}

describe('timer poller crash', () => {
  let db: TimerTestDatabase;

  beforeAll(async () => {
    db = await openTimerTestDatabase('crash');
  });

  afterAll(async () => {
    await db?.close();
  });

  it('should fire each claimed timer exactly once after a restart when the poller is killed with SIGKILL mid-batch', async () => {
    const { dataSource } = db;
    const scheduler = new TimerScheduler();
    const timers: TimerView[] = [];
    await dataSource.transaction(async (em) => {
      for (let i = 0; i < 30; i += 1) {
        timers.push(
          await scheduler.schedule(em, {
            kind: 'plan-review',
            key: `plan-review:crash-${i}`,
            dueAt: new Date(Date.now() - 60_000 + i),
            payload: { planId: `crash-${i}` },
          }),
        );
      }
    });

    const child = startHoldingPoller(db.url);
    try {
      await child.holding;
      // The child holds all 30 rows: another replica can claim none of them right now.
      const claimable = await dataSource.transaction((em) =>
        em.query("SELECT id FROM timer WHERE status = 'SCHEDULED' FOR UPDATE SKIP LOCKED"),
      );
      expect(claimable).toHaveLength(0);
    } finally {
      child.kill();
    }
    expect(await child.exited).toBe('SIGKILL');

    // Nothing the dead batch did is visible: 5 FIRED marks and effects rolled back.
    const [{ fired }] = await dataSource.query(
      "SELECT count(*) AS fired FROM timer WHERE status <> 'SCHEDULED'",
    );
    expect(Number(fired)).toBe(0);
    expect((await effectsPerTimer(dataSource)).size).toBe(0);

    // The restart: PostgreSQL releases the dead session's locks once it notices the socket closed.
    const restarted = new TimerPoller({
      dataSource,
      batchSize: 7,
      handlers: {
        'plan-review': async (em, timer) => {
          await em.query('INSERT INTO timer_effect (timer_id, key, fired_by) VALUES ($1, $2, $3)', [
            timer.id,
            timer.key,
            'restarted',
          ]);
        },
      },
    });
    let firedAfterRestart = 0;
    await waitFor(
      async () => {
        firedAfterRestart += await restarted.fireDue();
        return firedAfterRestart >= 30 ? true : undefined;
      },
      { timeoutMs: 15_000, description: 'every timer fired after the restart' },
    );
    expect(await restarted.fireDue()).toBe(0);

    expect(firedAfterRestart).toBe(30);
    const effects = await effectsPerTimer(dataSource);
    expect(new Set(effects.keys())).toEqual(new Set(timers.map((timer) => timer.id)));
    expect([...effects.values()].every((n) => n === 1)).toBe(true);
    const byWho = await dataSource.query<{ fired_by: string }[]>(
      'SELECT DISTINCT fired_by FROM timer_effect',
    );
    expect(byWho).toEqual([{ fired_by: 'restarted' }]);
  });
});
