import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acknowledgementFileOf, readClockFile } from './clock-file';
import { installSimulatedClock, type SimulatedClock } from './install-simulated-clock';
import { realNow } from './simulated-date';
import { SimulatedClockControl } from './simulated-clock-control';

// The controller against a clock installed in this jest process (the "service" here), which
// is uninstalled after each test.

const DAY_MS = 86_400_000;
const env = { NODE_ENV: 'test' };

describe('SimulatedClockControl', () => {
  let dir: string;
  let file: string;
  let clock: SimulatedClock | undefined;
  const installService = () => {
    clock = installSimulatedClock(file, { service: 'svc', env, log: () => undefined });
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'polku-clock-control-'));
    file = join(dir, 'clock', 'clock.json');
  });

  afterEach(() => {
    clock?.uninstall();
    clock = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('should write a new file at the start time and drop the services’ old acknowledgements', async () => {
    const startAt = new Date(realNow() - 731 * DAY_MS);
    const first = await SimulatedClockControl.create(file, ['svc']);
    writeFileSync(acknowledgementFileOf(file, 'svc'), '{"offsetMs":0,"revision":0}');
    const control = await SimulatedClockControl.create(file, ['svc'], { startAt });

    expect(first.offsetMs).toBe(0);
    expect(existsSync(acknowledgementFileOf(file, 'svc'))).toBe(false);
    expect(readClockFile(file).revision).toBe(0);
    expect(Math.round(readClockFile(file).offsetMs / DAY_MS)).toBe(-731);
    expect(Math.abs(control.now().getTime() - startAt.getTime())).toBeLessThan(1_000);
  });

  it('should resolve setTime once the service has applied the new time', async () => {
    const control = await SimulatedClockControl.create(file, ['svc'], {
      startAt: new Date(realNow() - 731 * DAY_MS),
    });
    installService();
    await control.waitUntilApplied();
    const target = new Date(realNow() - 700 * DAY_MS);

    await control.setTime(target);

    expect(clock?.state()).toMatchObject({ revision: 1, offsetMs: control.offsetMs });
    expect(Math.abs(Date.now() - target.getTime())).toBeLessThan(1_000);
    expect(Math.abs(control.now().getTime() - Date.now())).toBeLessThan(1_000);
  });

  it('should go back only on the first move, and forward after it', async () => {
    const control = await SimulatedClockControl.create(file, ['svc']);
    installService();

    await control.setTime(new Date(realNow() - 730 * DAY_MS));
    await control.setTime(new Date(control.now().getTime() + DAY_MS));
    await expect(control.setTime(new Date(control.now().getTime() - DAY_MS))).rejects.toThrow(
      /forward only/,
    );
    await expect(control.setTime(new Date(Number.NaN))).rejects.toThrow(/valid date/);
    expect(clock?.state().revision).toBe(2);
  });

  it('should return to real time with offset 0, and refuse to when it is ahead', async () => {
    const control = await SimulatedClockControl.create(file, ['svc']);
    installService();
    await control.setTime(new Date(realNow() - 30 * DAY_MS));

    await control.returnToRealTime();

    expect(control.offsetMs).toBe(0);
    expect(clock?.state().offsetMs).toBe(0);
    await control.setTime(new Date(realNow() + DAY_MS));
    await expect(control.returnToRealTime()).rejects.toThrow(/ahead of real time/);
  });

  it('should run concurrent moves one after the other', async () => {
    const control = await SimulatedClockControl.create(file, ['svc']);
    installService();
    const base = realNow() - 100 * DAY_MS;

    await Promise.all([1, 2, 3].map((day) => control.setTime(new Date(base + day * DAY_MS))));

    expect(clock?.state().revision).toBe(3);
    expect(Math.round((Date.now() - base) / DAY_MS)).toBe(3);
  });

  it('should name the services that did not apply a change in time', async () => {
    const control = await SimulatedClockControl.create(file, ['svc', 'ghost'], { timeoutMs: 300 });
    installService();

    await expect(control.setTime(new Date(realNow() - DAY_MS))).rejects.toThrow(
      /simulated clock: ghost did not apply revision 1 .* within 300 ms/,
    );
    expect(clock?.state().revision).toBe(1);
  });
});
