import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SimulatedClockControl, type SimulatedClock } from '@polku/clock';
import { loadConfig, ServiceConfig } from '@polku/config';
import { clockHealth, installClockOfConfig } from './service-clock';

// The clock is installed in this jest process and uninstalled after each test.

const logger = { log: () => undefined, warn: () => undefined, error: () => undefined };

describe('installClockOfConfig and clockHealth', () => {
  let dir: string;
  let clock: SimulatedClock | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'polku-service-clock-'));
  });

  afterEach(() => {
    clock?.uninstall();
    clock = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('should leave the real clock and say nothing in health without SIMULATED_CLOCK_FILE', () => {
    clock = installClockOfConfig(loadConfig(ServiceConfig, {}), 'transitions', logger);

    expect(clock).toBeUndefined();
    expect(clockHealth()).toEqual({});
  });

  it('should install the file’s clock and report what it applies in the health answer', async () => {
    const file = join(dir, 'clock.json');
    const control = await SimulatedClockControl.create(file, ['transitions'], {
      startAt: new Date(Date.now() - 86_400_000),
    });
    const config = loadConfig(ServiceConfig, { SIMULATED_CLOCK_FILE: file });
    clock = installClockOfConfig(config, 'transitions', logger);
    await control.waitUntilApplied();

    expect(clockHealth()).toEqual({
      clock: { simulated: true, offsetMs: control.offsetMs, revision: 0 },
    });
    await control.setTime(new Date(control.now().getTime() + 3_600_000));
    expect(clockHealth()).toEqual({
      clock: { simulated: true, offsetMs: control.offsetMs, revision: 1 },
    });
  });

  it('should refuse a clock file that is not there', () => {
    const config = loadConfig(ServiceConfig, { SIMULATED_CLOCK_FILE: join(dir, 'missing.json') });

    expect(() => installClockOfConfig(config, 'transitions', logger)).toThrow(/ENOENT/);
  });
});
