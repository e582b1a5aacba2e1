import { randomUUID } from 'node:crypto';
import { DASHBOARD_COMMANDS, type DashboardTable } from '@polku/contracts';
import { addCalendarDays, finnishDateOf } from '@polku/timers';
import { startDashboardsService, type DashboardsService } from './support/dashboards-service';
import { fact, facts, person, seedFacts, type Fact } from './support/facts';
import { rowKeys, shown } from './support/tables';

// open-paths: the paths as they stand, aged up to today in Finland (the service's clock).
describe('dashboards: open paths now', () => {
  let service: DashboardsService;
  const today = finnishDateOf(new Date());
  const daysAgo = (days: number) => addCalendarDays(today, -days);
  const sender = randomUUID();
  const receiver = randomUUID();
  // A municipality of this file's own, so that the REGION answer counts only its facts.
  const municipality = '944';

  /** A pending hand-off: a row for the sender and one for the receiver, as the projection keeps it. */
  const handoff = (dueDate: string, detail: string | null): Fact[] => {
    const first = fact({
      kind: 'NOW_HANDOFF',
      orgId: sender,
      category: 'SENDER',
      factDate: daysAgo(7),
      dueDate,
      detail,
      municipality,
    });
    return [
      first,
      { ...first, factKey: `${first.factKey}:RECEIVER`, orgId: receiver, category: 'RECEIVER' },
    ];
  };

  beforeAll(async () => {
    service = await startDashboardsService();
    const on = (kind: string, orgId: string, category: string, factDate: string) =>
      ({ kind, orgId, category, factDate, municipality }) as const;
    await seedFacts(service.dataSource, [
      ...facts(5, on('NOW_OPEN', sender, 'IN_MEASURE', daysAgo(10))),
      ...facts(6, on('NOW_OPEN', sender, 'PLANNING', daysAgo(3))),
      ...facts(5, on('NOW_OPEN', receiver, 'IN_MEASURE', daysAgo(10))),
      ...facts(5, on('NOW_UNCLEAR', sender, 'UNCLEAR_PATH', daysAgo(40))),
      ...facts(5, on('NOW_LOST', sender, 'LOST', daysAgo(20))),
      ...Array.from({ length: 5 }, () => handoff(daysAgo(1), null)).flat(),
      ...Array.from({ length: 5 }, () => handoff(daysAgo(5), 'ESCALATED')).flat(),
      ...Array.from({ length: 6 }, () => handoff(addCalendarDays(today, 3), null)).flat(),
    ]);
  });

  afterAll(async () => {
    await service?.close();
  });

  const view = (orgId: string, filters: Record<string, unknown> = {}) =>
    service.ask<DashboardTable>(DASHBOARD_COMMANDS.view, person(orgId, 'MANAGER'), {
      view: 'open-paths',
      ...filters,
    });

  it('should count the organisation’s open, unclear, handed-off and lost paths with their ages', async () => {
    const table = await view(sender);

    expect(table.asOf).toBe(today);
    expect(table.columns.map((column) => column.kind)).toEqual([
      'TOTAL',
      'MEDIAN_DAYS',
      'P90_DAYS',
    ]);
    expect(rowKeys(table)).toEqual([
      'OPEN/REFERRED',
      'OPEN/INTAKE',
      'OPEN/PLANNING',
      'OPEN/IN_MEASURE',
      'OPEN/PAUSED',
      'OPEN/TRANSITION_PENDING',
      'OPEN/UNCLEAR_PATH',
      'OPEN/FOLLOW_UP',
      'OPEN/TOTAL',
      'UNCLEAR/DAYS_0_29',
      'UNCLEAR/DAYS_30_89',
      'UNCLEAR/DAYS_90_179',
      'UNCLEAR/DAYS_180_OR_MORE',
      'UNCLEAR/TOTAL',
      'HANDOFF/ON_TIME',
      'HANDOFF/OVERDUE',
      'HANDOFF/ESCALATED',
      'HANDOFF/TOTAL',
      'LOST/TOTAL',
    ]);
    expect(shown(table, 'IN_MEASURE', 'OPEN')).toEqual(['5', '10', '10']);
    expect(shown(table, 'PLANNING', 'OPEN')).toEqual(['6', '3', '3']);
    expect(shown(table, 'TOTAL', 'OPEN')).toEqual(['11', '3', '10']);
    expect(shown(table, 'DAYS_30_89', 'UNCLEAR')).toEqual(['5', '40', '40']);
    expect(shown(table, 'ON_TIME', 'HANDOFF')).toEqual(['6', '7', '7']);
    expect(shown(table, 'OVERDUE', 'HANDOFF')).toEqual(['5', '7', '7']);
    expect(shown(table, 'ESCALATED', 'HANDOFF')).toEqual(['5', '7', '7']);
    expect(shown(table, 'TOTAL', 'HANDOFF')).toEqual(['16', '7', '7']);
    expect(shown(table, 'TOTAL', 'LOST')).toEqual(['5', '20', '20']);
  });

  it('should show the receiver the same hand-offs, and the region each hand-off once', async () => {
    const ofReceiver = await view(receiver);
    const region = await view(sender, { scope: 'REGION', municipality });

    expect(shown(ofReceiver, 'TOTAL', 'HANDOFF')).toEqual(['16', '7', '7']);
    expect(shown(ofReceiver, 'IN_MEASURE', 'OPEN')).toEqual(['5', '10', '10']);
    expect(region.orgId).toBeUndefined();
    expect(shown(region, 'TOTAL', 'HANDOFF')).toEqual(['16', '7', '7']);
    expect(shown(region, 'IN_MEASURE', 'OPEN')).toEqual(['10', '10', '10']);
    expect(shown(region, 'TOTAL', 'OPEN')).toEqual(['16', '10', '10']);
  });

  it('should ignore from and to: open paths are counted as they stand today', async () => {
    const table = await view(sender, { from: '2024-01-01', to: '2024-01-31' });

    expect(shown(table, 'TOTAL', 'OPEN')).toEqual(['11', '3', '10']);
  });
});
