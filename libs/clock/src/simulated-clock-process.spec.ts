import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { realNow } from './simulated-date';
import { SimulatedClockControl } from './simulated-clock-control';

// The clock across processes, as npm start -- --demo runs it: two processes install it from
// one file (libs/clock/test/clock-service.process.ts) and the controller in this process moves
// it, file change by file change, each move resolving once both have acknowledged it.

const workspaceRoot = resolve(__dirname, '../../..');
const DAY_MS = 86_400_000;

interface Report {
  readonly revision?: number;
  readonly skewMs?: number;
  readonly newDateSkewMs?: number;
  readonly instanceOfBefore?: boolean;
  readonly instanceOfAfter?: boolean;
  readonly calledAsFunction?: string;
  readonly refused?: string;
}

interface ClockProcess {
  readonly child: ChildProcess;
  readonly reports: Report[];
  readonly exited: Promise<number | null>;
}

function startClockProcess(file: string, service: string, nodeEnv = 'test'): ClockProcess {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'libs/clock/test/clock-service.process.ts', file, service],
    {
      cwd: workspaceRoot,
      env: { ...process.env, NODE_ENV: nodeEnv, SWC_NODE_PROJECT: 'tsconfig.base.json' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const reports: Report[] = [];
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    reports.push(...lines.map((line) => JSON.parse(line) as Report));
  });
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', resolveExit));
  return { child, reports, exited };
}

// Generous bounds on waiting, not on speed: under CI's load two Node processes compiling
// TypeScript at start take several seconds each (a 20 s test timeout was once too short).
const PROCESS_WAIT_MS = 60_000;

async function reportOf(process: ClockProcess, revision: number): Promise<Report> {
  for (let attempt = 0; attempt < PROCESS_WAIT_MS / 10; attempt += 1) {
    const found = process.reports.find((report) => report.revision === revision);
    if (found) {
      return found;
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 10));
  }
  throw new Error(`no report of revision ${revision}: ${JSON.stringify(process.reports)}`);
}

describe('the simulated clock across processes', () => {
  let dir: string;
  let file: string;
  const processes: ClockProcess[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'polku-clock-processes-'));
    file = join(dir, 'clock.json');
  });

  afterEach(async () => {
    for (const started of processes.splice(0)) {
      started.child.kill();
      await started.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'should move every process’s Date together, each move resolving once all applied it',
    async () => {
      const start = realNow() - 730 * DAY_MS;
      const control = await SimulatedClockControl.create(file, ['one', 'two'], {
        startAt: new Date(start),
        timeoutMs: PROCESS_WAIT_MS,
      });
      processes.push(startClockProcess(file, 'one'), startClockProcess(file, 'two'));
      await control.waitUntilApplied();

      for (const [revision, day] of [
        [1, 1],
        [2, 2],
        [3, 365],
      ]) {
        await control.setTime(new Date(start + day * DAY_MS));
        for (const started of processes) {
          const report = await reportOf(started, revision);
          // Within half a second of the offset (the report is read some milliseconds later; an
          // absolute difference, since Math.round of a small negative one is -0, not 0).
          expect(Math.abs((report.skewMs ?? 0) - control.offsetMs)).toBeLessThan(500);
          expect(Math.abs((report.newDateSkewMs ?? 0) - control.offsetMs)).toBeLessThan(500);
        }
      }
      const first = await reportOf(processes[0], 0);

      expect(first).toMatchObject({
        instanceOfBefore: true,
        instanceOfAfter: true,
        calledAsFunction: 'string',
      });
      expect(Math.round((first.skewMs ?? 0) / DAY_MS)).toBe(-730);
    },
    3 * PROCESS_WAIT_MS,
  );

  it(
    'should refuse to install in a process with NODE_ENV=production',
    async () => {
      await SimulatedClockControl.create(file, ['prod']);
      const started = startClockProcess(file, 'prod', 'production');

      expect(await started.exited).toBe(3);
      expect(started.reports[0].refused).toMatch(/NODE_ENV=production/);
    },
    PROCESS_WAIT_MS,
  );
});
