import { gatewayClient } from './support/gateway-client';
import { liveWorld, ofType } from './support/live-world';
import { startServiceProcesses, type ServiceProcesses } from './support/service-processes';

let system: ServiceProcesses;
const { api, tokenOf } = gatewayClient(() => system.baseUrl);
const { live, closeAll, pathWithGoal } = liveWorld({
  api,
  tokenOf,
  baseUrl: () => system.baseUrl,
  clientFamilyName: 'Mitta',
});

beforeAll(async () => {
  system = await startServiceProcesses(
    ['gateway', 'client-intake', 'transitions', 'activation-plans', 'network-meetings'],
    { LIVE_SUBSCRIBERS_PER_USER: '1000', RATE_LIMIT_PER_MINUTE: '100000' },
  );
}, 180_000);
afterAll(async () => {
  closeAll();
  await system?.stop();
});

it('measures', async () => {
  const { pathId, goalId } = await pathWithGoal();
  const streams = [];
  for (let i = 0; i < 200; i += 1) {
    streams.push(await live(`/paths/${pathId}/timeline/live`, i % 2 ? 'ville.tyonsilta' : 'tiina.tyollisyys'));
  }
  const N = 20;
  for (let i = 0; i < N; i += 1) {
    const a = await api('POST', `/paths/${pathId}/activation-plan/goals/${goalId}/progress`, 'ville.tyonsilta', { gasLevel: (i % 5) - 2, assessedBy: 'CLIENT_WITH_WORKER' });
    expect(a.status).toBe(201);
  }
  await Promise.all(
    streams.map((s) => s.until((e) => ofType(e, 'GoalProgressRecorded').length === N, 'all', 60_000)),
  );
  for (const who of [0, 1]) {
    const delays = streams
      .filter((_, i) => i % 2 === who)
      .flatMap((s) => ofType(s.events, 'GoalProgressRecorded'))
      .map((e) => e.receivedAt - Date.parse(String(e.data.occurredAt)))
      .sort((a, b) => a - b);
    const q = (p: number) => delays[Math.min(delays.length - 1, Math.floor(p * delays.length))];
    console.log(`${who ? 'ville' : 'tiina'} n=${delays.length} p50=${q(0.5)} p95=${q(0.95)} p99=${q(0.99)} max=${delays.at(-1)}`);
  }
}, 300_000);
