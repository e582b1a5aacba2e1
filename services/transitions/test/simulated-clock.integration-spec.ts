import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  installSimulatedClock,
  realNow,
  type SimulatedClock,
  SimulatedClockControl,
} from '@polku/clock';
import { TransitionsConfig } from '@polku/config';
import {
  CLIENT_REFERRED_V1,
  healthSubject,
  NEXT_STEP_OVERDUE_V1,
  type ServiceHealthReport,
} from '@polku/contracts';
import { serviceDatabaseName, urlWithDatabase } from '@polku/persistence';
import {
  createTestRequester,
  isolatedTestEnv,
  newOutboxEvent,
  outboxEvents,
  provisionTestBus,
  publishEventAsOwner,
  testServiceConfig,
  waitFor,
} from '@polku/testing';
import { DataSource } from 'typeorm';

// The demo's simulated clock on a real service process (docs/adr/0018-simulated-clock-for-demo-data.md):
// transitions started from its main.ts with SIMULATED_CLOCK_FILE, as `npm start -- --demo`
// starts it, begins 400 days in the past, schedules a referral's answer timer in simulated
// time, and fires it once SimulatedClockControl moves the clock past it. This test process is
// on the clock too, as the gateway is under npm start: it signs its internal tokens (and stamps
// the events it publishes) at simulated time, which the service checks against its own.

const workspaceRoot = resolve(__dirname, '../../..');
const DAY_MS = 86_400_000;

describe('transitions on the simulated clock', () => {
  let dir: string;
  let child: ChildProcess;
  let exited: Promise<number | null>;
  let control: SimulatedClockControl;
  let ownClock: SimulatedClock | undefined;
  let config: TransitionsConfig;
  let dataSource: DataSource;
  let requester: ReturnType<typeof createTestRequester>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'polku-simulated-clock-'));
    const file = join(dir, 'clock.json');
    const env = isolatedTestEnv({ TIMER_POLL_INTERVAL_MS: '100', SIMULATED_CLOCK_FILE: file });
    config = testServiceConfig(env, TransitionsConfig) as TransitionsConfig;
    await provisionTestBus(config, { services: ['transitions'] });
    control = await SimulatedClockControl.create(file, ['transitions', 'test'], {
      startAt: new Date(realNow() - 400 * DAY_MS),
      timeoutMs: 20_000,
    });
    ownClock = installSimulatedClock(file, { service: 'test', log: () => undefined });
    child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'services/transitions/src/main.ts'],
      {
        cwd: workspaceRoot,
        env: { ...process.env, ...env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    exited = new Promise((resolveExit) => child.once('exit', resolveExit));
    requester = createTestRequester(config);
    await waitFor(
      async () => {
        const report = await requester.ask<ServiceHealthReport>(
          healthSubject('transitions'),
          undefined,
          1_000,
        );
        return report.status === 'up';
      },
      { timeoutMs: 25_000, intervalMs: 250, description: 'transitions to answer up' },
    );
    dataSource = new DataSource({
      type: 'postgres',
      url: urlWithDatabase(
        config.DATABASE_URL,
        serviceDatabaseName(config.DATABASE_NAME_PREFIX, 'transitions'),
      ),
    });
    await dataSource.initialize();
  }, 60_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await requester?.close();
    child?.kill('SIGTERM');
    await exited;
    ownClock?.uninstall();
    rmSync(dir, { recursive: true, force: true });
  });

  const health = () =>
    requester.ask<ServiceHealthReport>(healthSubject('transitions'), undefined, 2_000);

  it('should apply each move of the clock, say so in its health answer, and fire a timer at simulated time', async () => {
    expect((await health()).clock).toEqual({
      simulated: true,
      offsetMs: control.offsetMs,
      revision: 0,
    });

    const pathId = randomUUID();
    const referred = newOutboxEvent(CLIENT_REFERRED_V1.subject, { pathId });
    // Stamped at simulated now, as client-intake on the same clock would write it.
    await publishEventAsOwner(config, CLIENT_REFERRED_V1.subject, referred);
    const [timer] = await waitFor(
      () =>
        dataSource
          .query<{ due_at: Date; created_at: Date }[]>(
            `SELECT due_at, created_at FROM timer WHERE key = $1 AND status = 'SCHEDULED'`,
            [`next-step:${pathId}:WORKER`],
          )
          .then((rows) => rows.length === 1 && rows),
      { description: 'the referral answer timer' },
    );
    // Scheduled from the service's simulated today: about 400 days before real time.
    expect(Math.round((realNow() - timer.due_at.getTime()) / DAY_MS)).toBeGreaterThan(350);

    await control.setTime(new Date(timer.due_at.getTime() + 60_000));

    expect((await health()).clock).toEqual({
      simulated: true,
      offsetMs: control.offsetMs,
      revision: 1,
    });
    const [overdue] = await waitFor(
      async () => {
        const events = await outboxEvents(dataSource, NEXT_STEP_OVERDUE_V1.subject, pathId);
        return events.length > 0 && events;
      },
      { description: 'NextStepOverdue from the fired timer' },
    );
    expect(overdue.data).toMatchObject({ level: 'WORKER' });
    const [written] = await dataSource.query<{ occurred_at: string }[]>(
      `SELECT payload->>'occurredAt' AS occurred_at FROM outbox_message
        WHERE subject = $1 AND payload->>'pathId' = $2`,
      [NEXT_STEP_OVERDUE_V1.subject, pathId],
    );
    // Fired at simulated time: after the timer was due, long before real time.
    const firedAt = Date.parse(written.occurred_at);
    expect(firedAt).toBeGreaterThanOrEqual(timer.due_at.getTime());
    expect(Math.round((realNow() - firedAt) / DAY_MS)).toBeGreaterThan(350);
  });
});
