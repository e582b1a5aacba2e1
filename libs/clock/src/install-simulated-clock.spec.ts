import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAcknowledgement, writeClockFile } from './clock-file';
import {
  installSimulatedClock,
  simulatedClockState,
  type SimulatedClock,
} from './install-simulated-clock';
import { realNow } from './simulated-date';

// Installed in this jest process and uninstalled after each test, so the global Date is the
// real one again before the next. The cross-process case is in simulated-clock-process.spec.ts.

const DAY_MS = 86_400_000;
const RealDate = Date;
const env = { NODE_ENV: 'test' };

/** Polls until `check` holds; the clock follows the file by fs.watch or a 100 ms poll. */
async function eventually(check: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 500 && !check(); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(check()).toBe(true);
}

describe('installSimulatedClock', () => {
  let dir: string;
  let file: string;
  let clock: SimulatedClock | undefined;
  const lines: string[] = [];
  const install = () =>
    installSimulatedClock(file, { service: 'unit', env, log: (line) => lines.push(line) });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'polku-clock-'));
    file = join(dir, 'clock.json');
    lines.length = 0;
  });

  afterEach(() => {
    clock?.uninstall();
    clock = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('should make new Date() and Date.now() real time plus the file’s offset', () => {
    writeClockFile(file, { offsetMs: -730 * DAY_MS, revision: 0 });
    clock = install();

    expect(Math.round((Date.now() - realNow()) / DAY_MS)).toBe(-730);
    expect(Math.round((new Date().getTime() - realNow()) / DAY_MS)).toBe(-730);
    expect(simulatedClockState()).toEqual({
      file,
      service: 'unit',
      offsetMs: -730 * DAY_MS,
      revision: 0,
    });
    expect(lines[0]).toMatch(/^clock: SIMULATED — .* real time - 730 d/);
  });

  it('should apply each change of the file and acknowledge it beside the file', async () => {
    writeClockFile(file, { offsetMs: -730 * DAY_MS, revision: 0 });
    clock = install();
    const seen: number[] = [];
    clock.onChange((state) => seen.push(state.revision));

    expect(readAcknowledgement(file, 'unit')).toMatchObject({ revision: 0, pid: process.pid });
    writeClockFile(file, { offsetMs: -700 * DAY_MS, revision: 1 });
    await eventually(() => readAcknowledgement(file, 'unit')?.revision === 1);

    expect(Math.round((Date.now() - realNow()) / DAY_MS)).toBe(-700);
    expect(readAcknowledgement(file, 'unit')).toMatchObject({ offsetMs: -700 * DAY_MS });
    expect(seen).toEqual([1]);
  });

  it('should keep instanceof Date for dates made before, during and after the install', () => {
    const before = new Date();
    writeClockFile(file, { offsetMs: -DAY_MS, revision: 0 });
    clock = install();
    const during = new Date();

    expect(before).toBeInstanceOf(Date);
    expect(during).toBeInstanceOf(Date);
    expect(during).toBeInstanceOf(RealDate);
    expect(during.constructor).toBe(Date);
    clock.uninstall();
    clock = undefined;

    expect(Date).toBe(RealDate);
    expect(during).toBeInstanceOf(Date);
    expect(new Date().constructor).toBe(Date);
    expect(simulatedClockState()).toBeUndefined();
  });

  it('should keep the offset it has when the file becomes unreadable, and say so once', async () => {
    writeClockFile(file, { offsetMs: -DAY_MS, revision: 0 });
    clock = install();
    rmSync(file);
    await eventually(() => lines.length >= 2);

    expect(lines[1]).toMatch(/^clock: keeps offset -86400000 ms/);
    expect(Math.round((Date.now() - realNow()) / DAY_MS)).toBe(-1);
  });

  it('should refuse to install when NODE_ENV is production', () => {
    writeClockFile(file, { offsetMs: 0, revision: 0 });

    expect(() =>
      installSimulatedClock(file, { service: 'unit', env: { NODE_ENV: 'production' } }),
    ).toThrow(/refusing the simulated clock .* NODE_ENV=production/);
    expect(Date).toBe(RealDate);
  });

  it('should refuse a missing or malformed file and a second install', () => {
    expect(install).toThrow(/ENOENT/);
    writeClockFile(file, { offsetMs: 0, revision: 0 });
    clock = install();

    expect(install).toThrow(/installed already/);
  });

  it('should read a file written by hand with the offset only as revision 0', async () => {
    writeFileSync(file, '{"offsetMs": -3600000}');
    clock = install();

    expect(clock.state()).toMatchObject({ offsetMs: -3_600_000, revision: 0 });
    writeFileSync(file, '{"offsetMs": "soon"}');
    await eventually(() => lines.some((line) => line.includes('must hold')));
    expect(clock.state().offsetMs).toBe(-3_600_000);
  });
});
