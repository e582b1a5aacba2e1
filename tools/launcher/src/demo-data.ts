import { join } from 'node:path';
import { SimulatedClockControl } from '@polku/clock';
import { SERVICE_NAMES } from '@polku/contracts';
import { DEMO_USERS } from '@polku/demo';
import { serviceDatabaseName, urlWithDatabase } from '@polku/persistence';
import { Client } from 'pg';
import { type DemoSummary, loadDemoData } from '../../demo/src/load-demo-data';
import { ProgressLine } from './progress-line';

// `npm start -- --demo` (docs/runbook.md, "Demo data"; docs/adr/0018-simulated-clock-for-demo-data.md):
// the services start on a simulated clock two years back, the demo generator drives its clients
// through the gateway while it moves the clock forward, and the clock ends at real time.

const DAY_MS = 86_400_000;
/**
 * How far back the services' clock starts: the generator's history (730 days, its
 * simulation/calendar.ts) and two weeks more, so its first move is forward and no service
 * ever sees time go back.
 */
const CLOCK_START_DAYS_BACK = 744;

/**
 * Paths polku has already: client-intake's client_path rows, where every path begins. 0 when
 * client-intake's database or table does not exist yet (a first start).
 */
export async function countExistingPaths(serverUrl: string, prefix: string): Promise<number> {
  const client = new Client({
    connectionString: urlWithDatabase(serverUrl, serviceDatabaseName(prefix, 'client-intake')),
  });
  try {
    await client.connect();
  } catch (error) {
    if ((error as { code?: string }).code === '3D000') {
      return 0; // invalid_catalog_name: no database yet
    }
    throw error;
  }
  try {
    const { rows } = await client.query<{ paths: string | null }>(
      `SELECT CASE WHEN to_regclass('client_path') IS NULL THEN 0
                   ELSE (SELECT count(*) FROM client_path) END AS paths`,
    );
    return Number(rows[0]?.paths ?? 0);
  } finally {
    await client.end();
  }
}

/** Why demo data cannot be loaded into this start, or undefined when it can. */
export async function demoRefusal(options: {
  readonly env: NodeJS.ProcessEnv;
  readonly databaseUrl: string;
  readonly databasePrefix: string;
}): Promise<string | undefined> {
  if (options.env.NODE_ENV === 'production') {
    return 'NODE_ENV=production refuses the simulated clock';
  }
  if (options.env.POLKU_DEMO !== 'true') {
    return 'the demo generator signs in at the demo issuer, which is off (AUTH_ISSUER is set or POLKU_DEMO is not true)';
  }
  const paths = await countExistingPaths(options.databaseUrl, options.databasePrefix);
  if (paths > 0) {
    return `polku already has ${paths} path(s), and demo data would take the clock back two years over them`;
  }
  return undefined;
}

/**
 * A new clock file in the launcher's data folder, at two years and two weeks before now, for
 * every service to start on (SIMULATED_CLOCK_FILE).
 */
export function createDemoClock(dataDir: string): Promise<SimulatedClockControl> {
  return SimulatedClockControl.create(
    join(dataDir, 'clock', 'simulated-clock.json'),
    SERVICE_NAMES,
    {
      startAt: new Date(Date.now() - CLOCK_START_DAYS_BACK * DAY_MS),
      timeoutMs: 30_000,
    },
  );
}

/**
 * Runs the demo generator against the running system with a progress line, then puts the
 * clock at real time (offset 0), whether the load succeeded or not: the system goes on from
 * today. Rejects with the generator's error.
 */
export async function loadDemo(options: {
  readonly gatewayUrl: string;
  readonly clock: SimulatedClockControl;
  readonly clients: number;
  readonly seed: number;
}): Promise<DemoSummary> {
  const { clock } = options;
  // Every service has applied the start time (they acknowledged it as they started).
  await clock.waitUntilApplied();
  const progress = new ProgressLine('demo data');
  try {
    return await loadDemoData({
      gatewayUrl: options.gatewayUrl,
      clock,
      clients: options.clients,
      seed: options.seed,
      onProgress: (done, total) => progress.update(done, total),
    });
  } finally {
    progress.done();
    await clock.returnToRealTime();
  }
}

/** What npm start prints once demo data is in: what was made, and where the dashboards are. */
export function demoLoadedLines(summary: DemoSummary, base: string): string[] {
  const managers = DEMO_USERS.filter((user) => user.roles.includes('MANAGER')).map(
    (user) => user.username,
  );
  return [
    '',
    `demo data: ${summary.clients} clients, ${summary.paths.length} paths from ${summary.from} to ` +
      `${summary.to}, ${summary.commands} commands (${summary.failedCommands} failed) in ` +
      `${(summary.durationMs / 1_000).toFixed(1)} s; the clock is real time again`,
    ...summary.failures.slice(0, 5).map((failure) => `  failed: ${failure}`),
    `  Dashboards  ${base}/api/v1/dashboards (every view) and ${base}/api/v1/dashboards/{view}`,
    `              as a manager: ${managers.slice(0, 4).join(', ')}, … (token: POST ${base}/api/v1/dev-auth/token)`,
    '',
  ];
}
