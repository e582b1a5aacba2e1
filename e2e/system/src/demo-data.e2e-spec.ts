import { type DashboardTable, PATH_STATES } from '@polku/contracts';
import { waitFor } from '@polku/testing';
import { runDemo, summaryOf } from './support/demo-cli';
import { gatewayClient } from './support/gateway-client';
import { startServiceProcesses, type ServiceProcesses } from './support/service-processes';

// Issue 19: the demo data generator (tools/demo) drives synthetic clients through the real
// gateway and services. Here it runs as `npm run demo` runs it, without a simulated clock (every
// path made today), and every path it reports must exist through the API in a state of a path.
// A manager's destinations dashboard counts the run's exits (docs/dashboards.md says what the
// generator makes).
const SERVICES = [
  'gateway',
  'client-intake',
  'activation-plans',
  'transitions',
  'network-meetings',
  'work-queue',
  'dashboards',
] as const;

let system: ServiceProcesses;
const { api } = gatewayClient(() => system.baseUrl);

beforeAll(async () => {
  system = await startServiceProcesses(SERVICES);
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

describe('demo data', () => {
  it('should make every client’s path through the API with no failed command', async () => {
    const summary = summaryOf(await runDemo(system.baseUrl, ['--clients', '8', '--seed', '7']));
    expect(summary.mode).toBe('real-time');
    expect(summary.failedCommands).toBe(0);
    expect(summary.abandoned).toBe(0);
    expect(summary.paths.length).toBeGreaterThanOrEqual(8);

    const states: string[] = [];
    for (const { pathId, referredBy } of summary.paths) {
      const path = await api('GET', `/paths/${pathId}`, referredBy);
      expect({ pathId, status: path.status }).toEqual({ pathId, status: 200 });
      states.push(path.body.state as string);
    }
    expect(states.every((state) => (PATH_STATES as readonly string[]).includes(state))).toBe(true);
    // Stories run to their end when every path is made today: each closure the run reports is a
    // closed path, and the clients who left are in follow-up or closed.
    expect(states.filter((state) => state === 'CLOSED')).toHaveLength(
      summary.commandsByKind.closePath ?? 0,
    );
    expect(states.some((state) => state === 'CLOSED' || state === 'FOLLOW_UP')).toBe(true);

    // Each exit the run reports is a ClientExited on a path's shared timeline, once the timeline
    // has caught up; the summary counted them too.
    expect(summary.eventsByType?.ClientReferred).toBeGreaterThan(0);
    await waitFor(
      async () => {
        let exits = 0;
        for (const { pathId, referredBy } of summary.paths) {
          const page = await api('GET', `/paths/${pathId}/timeline?limit=100`, referredBy);
          exits += (page.body.items as { eventType: string }[]).filter(
            (entry) => entry.eventType === 'ClientExited',
          ).length;
        }
        return exits === (summary.commandsByKind.exit ?? 0) ? true : undefined;
      },
      { timeoutMs: 30_000, description: 'every exit of the run on the timelines' },
    );

    // The region's destinations dashboard, as a manager reads it, has every exit of the run
    // (all made today, so in the current period; 5 or more, so the total is shown).
    const exits = summary.commandsByKind.exit ?? 0;
    expect(exits).toBeGreaterThanOrEqual(5);
    await waitFor(
      async () => {
        const answer = await api('GET', '/dashboards/destinations?scope=REGION', 'marja.johtaja');
        const table = answer.body as DashboardTable;
        const column = table.columns?.findIndex((candidate) => candidate.kind === 'TOTAL');
        return table.total?.cells[column]?.value === exits ? true : undefined;
      },
      { timeoutMs: 30_000, description: `${exits} exits on the destinations dashboard` },
    );
  }, 300_000);
});
