import { PATH_STATES } from '@polku/contracts';
import { waitFor } from '@polku/testing';
import { runDemo, summaryOf } from './support/demo-cli';
import { gatewayClient } from './support/gateway-client';
import { startServiceProcesses, type ServiceProcesses } from './support/service-processes';

// Issue 19: the demo data generator (tools/demo) drives synthetic clients through the real
// gateway and services. Here it runs as `npm run demo` runs it, without a simulated clock (every
// path made today), and every path it reports must exist through the API in a state of a path.
// The dashboards' check of the exits (GET /api/v1/dashboards/destinations) waits for the
// dashboards service; docs/dashboards.md says what the generator makes.
const SERVICES = [
  'gateway',
  'client-intake',
  'activation-plans',
  'transitions',
  'network-meetings',
  'work-queue',
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
  }, 300_000);
});
