import type { DashboardFactRow } from '../src/projection/facts/fact-row';
import {
  startDashboardsService,
  waitForConsumed,
  type DashboardsService,
} from './support/dashboards-service';
import { publishSealed, type SealedEvent } from '@polku/testing';
import { expectedFacts, factRowsOf, pathEventsOf } from './support/fact-rows';
import { yearOfPaths } from './support/scenario';

const scenario = yearOfPaths();
const pathIds = Object.values(scenario.paths).map((path) => path.pathId);
const ids = (events: readonly SealedEvent[]) => events.map((event) => event.envelope.id);

function ofKind(facts: readonly DashboardFactRow[], pathId: string, kind: string) {
  return facts.filter((fact) => fact.pathId === pathId && fact.kind === kind);
}

describe('the dashboards projection', () => {
  let service: DashboardsService;

  beforeAll(async () => {
    service = await startDashboardsService();
  });

  afterAll(async () => {
    await service.close();
  });

  it('should keep the facts of every path as the fold makes them of its events', async () => {
    await publishSealed(service.config, scenario.events);
    await waitForConsumed(service.dataSource, ids(scenario.events));

    const facts = await factRowsOf(service.dataSource, pathIds);
    expect(facts).toEqual(expectedFacts(scenario.events, pathIds));

    const { exited, lost, returned } = scenario.paths;
    const { provider, nextProvider } = scenario.orgs;
    expect(ofKind(facts, exited.pathId, 'EXIT')).toEqual([
      expect.objectContaining({
        factDate: '2025-09-30',
        orgId: provider.orgId,
        category: 'OPEN_LABOUR_MARKET',
        municipality: '205',
        ageBand: 'AGE_25_29',
        measureType: 'WORK_TRIAL',
        days: 211,
      }),
    ]);
    expect(ofKind(facts, exited.pathId, 'REENTRY')).toEqual([
      expect.objectContaining({ factDate: '2025-09-30', category: 'WITHIN_6', days: 125 }),
    ]);
    expect(ofKind(facts, returned.pathId, 'LOOP').map((fact) => fact.category)).toEqual(['1']);
    expect(ofKind(facts, exited.pathId, 'NOW_OPEN')).toEqual([]);
    expect(ofKind(facts, lost.pathId, 'NOW_LOST')).toEqual([
      expect.objectContaining({ category: 'HandoffEscalated', factDate: '2025-06-03' }),
    ]);
    expect(ofKind(facts, lost.pathId, 'NOW_HANDOFF').map((fact) => fact.orgId)).toEqual([
      provider.orgId,
      nextProvider.orgId,
    ]);
    expect(ofKind(facts, lost.pathId, 'DECLINE').map((fact) => fact.category)).toEqual([
      'REFERRAL:NO_CAPACITY',
    ]);
  });

  it('should keep the events’ codes, never their free text or references', async () => {
    const kept = JSON.stringify(await pathEventsOf(service.dataSource, pathIds));

    expect(kept).toContain('NO_CAPACITY');
    expect(kept).not.toContain('Kajaanin työpaja');
    expect(kept).not.toContain('TE-2025-0042');
    expect(kept).not.toContain('worker-1');
    for (const { envelope } of scenario.events) {
      expect(kept).not.toContain(envelope.clientRef);
    }
  });

  it('should dead-letter an event that breaks its contract and lose nothing accepted', async () => {
    const { lost } = scenario.paths;
    const { provider } = scenario.orgs;
    const before = await factRowsOf(service.dataSource, pathIds);
    const good = [
      lost.on('2025-06-10').event('polku.transitions.wait.waiting-started.v1', provider),
      lost.on('2025-06-11').event('polku.transitions.path.next-step-overdue.v1', provider, {
        nextStep: 'DECIDE_NEXT_STEP',
        level: 'TEAM_LEAD',
        accountableOrgId: provider.orgId,
      }),
    ];
    const exit = lost.event('polku.transitions.path.client-exited.v1', provider, {
      exitDate: '2025-06-11',
    });
    // A pension is no destination of the labour market group: the contract refuses it.
    const bad: SealedEvent = {
      ...exit,
      envelope: {
        ...exit.envelope,
        data: {
          ...(exit.envelope.data as object),
          destination: { group: 'LABOUR_MARKET', category: 'PENSION' },
        },
      },
    };

    await publishSealed(service.config, [good[0], bad, good[1]]);
    await waitForConsumed(service.dataSource, ids(good), ids([bad]));

    const after = await factRowsOf(service.dataSource, pathIds);
    expect(after).toEqual(expectedFacts([...scenario.events, ...good], pathIds));
    expect(ofKind(after, lost.pathId, 'EXIT')).toEqual([]);
    expect(ofKind(after, lost.pathId, 'OVERDUE')).toHaveLength(
      ofKind(before, lost.pathId, 'OVERDUE').length + 1,
    );
    const [dead] = await service.dataSource.query<{ error: string }[]>(
      'SELECT error FROM dead_letter WHERE message_id = $1',
      [bad.envelope.id],
    );
    expect(dead.error).toContain('payload breaks its contract');
  });
});
