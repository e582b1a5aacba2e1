import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVICE_NAMES } from '@polku/contracts';
import { addCalendarDays, finnishDateOf } from '@polku/timers';
import { runDemo, summaryOf } from './support/demo-cli';
import { gatewayClient } from './support/gateway-client';
import { startServiceProcesses, type ServiceProcesses } from './support/service-processes';

// Issue 19: the demo data generator on the simulated clock (docs/adr/0018): every service runs
// on SIMULATED_CLOCK_FILE, the generator moves the clock from two years back to today, day by
// day, and the paths it makes carry that history. The run ends with the clock at real time.

let system: ServiceProcesses;
let folder: string;
const { api } = gatewayClient(() => system.baseUrl);

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'polku-demo-clock-'));
  const clockFile = join(folder, 'clock.json');
  await writeFile(clockFile, '{"offsetMs":0,"revision":0}\n');
  system = await startServiceProcesses(SERVICE_NAMES, { SIMULATED_CLOCK_FILE: clockFile });
}, 180_000);

afterAll(async () => {
  await system?.stop();
  await rm(folder, { recursive: true, force: true });
});

describe('demo data on the simulated clock', () => {
  it('should make two years of paths and leave every service at real time', async () => {
    const summary = summaryOf(
      await runDemo(system.baseUrl, [
        ...['--clients', '6', '--seed', '4', '--day-ms', '0'],
        ...['--clock-file', join(folder, 'clock.json')],
      ]),
    );
    expect(summary.mode).toBe('simulated');
    expect(summary.failedCommands).toBe(0);
    expect(summary.abandoned).toBe(0);
    const today = finnishDateOf(new Date());
    expect(summary.from < addCalendarDays(today, -300)).toBe(true);

    // The referrals were made on the days of the history, not today.
    const referralDays: string[] = [];
    for (const { pathId, referredBy } of summary.paths) {
      const referrals = await api('GET', `/paths/${pathId}/referrals?limit=10`, referredBy);
      expect({ pathId, status: referrals.status }).toEqual({ pathId, status: 200 });
      const created = (referrals.body.items as { createdAt: string }[])[0].createdAt;
      referralDays.push(finnishDateOf(new Date(created)));
    }
    expect(referralDays.every((day) => day >= summary.from && day <= today)).toBe(true);
    expect(referralDays.some((day) => day < addCalendarDays(today, -30))).toBe(true);

    const health = await api('GET', '/system-health', 'rea.rekisteri');
    const clocks = [health.body.gateway, ...Object.values(health.body.services)].map(
      (service) => (service as { clock?: { offsetMs: number } }).clock?.offsetMs,
    );
    expect(clocks).toEqual(SERVICE_NAMES.map(() => 0));
  }, 600_000);
});
