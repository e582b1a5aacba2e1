import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  crashLoopMessage,
  restartDelayMs,
  restartLine,
  RestartingSupervisor,
  type CrashLoop,
  type RestartPolicy,
} from './service-supervisor';

// Real child processes (`node -e` scripts) and real timers: a restart is a new process, a crash
// loop stops restarting, a shutdown restarts nothing.

/** Short pauses so that a test sees several restarts; the doubling is the real one. */
const FAST: RestartPolicy = {
  initialDelayMs: 50,
  maxDelayMs: 200,
  crashLoopRestarts: 3,
  crashLoopWindowMs: 10_000,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error('timed out');
    }
    await sleep(20);
  }
}

/** A supervisor whose services run `script` with node, and what it said and did. */
function supervise(script: (service: string) => string, policy: RestartPolicy = FAST) {
  const launched: ChildProcess[] = [];
  const launchedAt: number[] = [];
  const logLines: string[] = [];
  const serviceLines: string[] = [];
  const crashLoops: CrashLoop[] = [];
  const supervisor = new RestartingSupervisor({
    policy,
    processes: {
      distRoot: stateDir,
      env: process.env,
      launch: (service) => {
        const child = spawn(process.execPath, ['-e', script(service)], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        launched.push(child);
        launchedAt.push(Date.now());
        return child;
      },
      onLine: (service, line) => serviceLines.push(`${service}: ${line}`),
    },
    log: (line) => logLines.push(line),
    onCrashLoop: (crash) => crashLoops.push(crash),
  });
  return { supervisor, launched, launchedAt, logLines, serviceLines, crashLoops };
}

let stateDir: string;

beforeEach(() => {
  stateDir = mkdtempSync(join(tmpdir(), 'polku-supervisor-spec-'));
});

afterEach(() => {
  rmSync(stateDir, { recursive: true, force: true });
});

describe('restartDelayMs', () => {
  it('should double from the first pause and stop at the cap', () => {
    const policy = { ...FAST, initialDelayMs: 1_000, maxDelayMs: 30_000 };

    expect([1, 2, 3, 4, 5, 6, 7].map((attempt) => restartDelayMs(policy, attempt))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
  });
});

describe('RestartingSupervisor with real processes', () => {
  it('should start a service that died again, once, with one log line naming the service, exit code, attempt and pause', async () => {
    // The first run dies with exit code 3; the second finds the marker and stays up.
    const marker = join(stateDir, 'ran-once');
    const { supervisor, launched, logLines, serviceLines } = supervise(
      () => `
        const fs = require('node:fs');
        if (fs.existsSync(${JSON.stringify(marker)})) {
          console.log('up again');
          setInterval(() => undefined, 1000);
        } else {
          fs.writeFileSync(${JSON.stringify(marker)}, '');
          process.exit(3);
        }`,
    );
    try {
      supervisor.start('transitions');
      await until(() => (serviceLines.includes('transitions: up again') ? true : undefined));

      expect(launched).toHaveLength(2);
      expect(launched[0].exitCode).toBe(3);
      expect(logLines).toEqual([
        'transitions stopped unexpectedly (exit code 3); restart 1 in 50 ms',
      ]);
      expect(supervisor.running.get('transitions')).toBe(launched[1]);
      await sleep(300);
      expect(launched).toHaveLength(2);
    } finally {
      await supervisor.stopAll(2_000);
    }
  });

  it('should name the signal of a service that was killed', async () => {
    const { supervisor, launched, logLines } = supervise(
      () => 'setInterval(() => undefined, 1000)',
    );
    try {
      supervisor.start('gateway');
      await until(() => (launched[0]?.pid !== undefined ? true : undefined));
      launched[0].kill('SIGKILL');
      await until(() => (launched.length === 2 ? true : undefined));

      expect(logLines).toEqual([
        'gateway stopped unexpectedly (signal SIGKILL); restart 1 in 50 ms',
      ]);
    } finally {
      await supervisor.stopAll(2_000);
    }
  });

  it('should back off exponentially and stop restarting a crash loop, reporting it once', async () => {
    const { supervisor, launched, logLines, crashLoops } = supervise(() => 'process.exit(1)');
    supervisor.start('client-intake');

    const [crash] = await until(() => (crashLoops.length > 0 ? crashLoops : undefined));
    await sleep(500);

    // Three restarts (50, 100, 200 ms), then the fourth exit within the window is the loop.
    expect(logLines).toEqual([
      'client-intake stopped unexpectedly (exit code 1); restart 1 in 50 ms',
      'client-intake stopped unexpectedly (exit code 1); restart 2 in 100 ms',
      'client-intake stopped unexpectedly (exit code 1); restart 3 in 200 ms',
    ]);
    expect(launched).toHaveLength(4);
    expect(crashLoops).toHaveLength(1);
    expect(crash).toEqual({
      last: { service: 'client-intake', code: 1, signal: null },
      restarts: 3,
      windowMs: 10_000,
    });
    expect(supervisor.running.size).toBe(0);
    await supervisor.stopAll(2_000);
  });

  it('should wait longer before each restart of a crash loop', async () => {
    const { supervisor, launchedAt, crashLoops } = supervise(() => 'process.exit(1)');
    supervisor.start('activation-plans');
    await until(() => (crashLoops.length > 0 ? true : undefined));

    const pauses = launchedAt.slice(1).map((at, index) => at - launchedAt[index]);
    // Each pause is at least its delay (50, 100, 200 ms) plus the process's own life.
    expect(pauses).toHaveLength(3);
    expect(pauses[0]).toBeGreaterThanOrEqual(50);
    expect(pauses[1]).toBeGreaterThanOrEqual(100);
    expect(pauses[2]).toBeGreaterThanOrEqual(200);
    await supervisor.stopAll(2_000);
  });

  it('should restart nothing on shutdown: neither the services it stops nor one waiting for its restart', async () => {
    // A long pause: dashboards is waiting for its restart when the shutdown comes.
    const { supervisor, launched, logLines } = supervise(
      (service) =>
        service === 'dashboards' ? 'process.exit(2)' : 'setInterval(() => undefined, 1000)',
      { ...FAST, initialDelayMs: 2_000, maxDelayMs: 2_000 },
    );
    supervisor.start('gateway');
    supervisor.start('dashboards');
    await until(() => (logLines.length === 1 ? true : undefined));

    await supervisor.stopAll(2_000);
    await sleep(2_500);

    expect(launched).toHaveLength(2);
    expect(launched[0].signalCode).toBe('SIGTERM');
    expect(logLines).toEqual(['dashboards stopped unexpectedly (exit code 2); restart 1 in 2 s']);
    expect(supervisor.running.size).toBe(0);
  });
});

describe('the launcher’s words', () => {
  it('should announce a restart in one line', () => {
    expect(restartLine({ service: 'gateway', code: 1, signal: null }, 4, 8_000)).toBe(
      'gateway stopped unexpectedly (exit code 1); restart 4 in 8 s',
    );
  });

  it('should name the service, what happened and where its log is when a crash loop stops polku', () => {
    const message = crashLoopMessage(
      { last: { service: 'transitions', code: 1, signal: null }, restarts: 5, windowMs: 60_000 },
      '.polku/logs/transitions.log',
    );

    expect(message).toBe(
      'transitions keeps stopping (exit code 1 after 5 restarts within 60 s); stopping polku. ' +
        'Its log: .polku/logs/transitions.log — fix the cause there and run npm start again.',
    );
  });
});
