import { randomUUID } from 'node:crypto';
import { DASHBOARD_COMMANDS, type DashboardTable } from '@polku/contracts';
import { addCalendarDays, addCalendarMonths, finnishDateOf } from '@polku/timers';
import { startDashboardsService, type DashboardsService } from './support/dashboards-service';
import { facts, person, seedFacts } from './support/facts';
import { rowKeys, shown } from './support/tables';

// The exit views, read over NATS as a manager would through the gateway, from facts written the
// way the projection keeps them. January and February 2025: both long enough ago for the
// re-entry view's 6 and 12 months.
describe('dashboards: exits, follow-ups and re-entry', () => {
  let service: DashboardsService;
  // Each test counts an organisation of its own, so that no test sees another's facts.
  let orgA: string;
  let orgB: string;
  const twoMonths = { period: 'MONTH', from: '2025-01-10', to: '2025-02-28' };

  beforeAll(async () => {
    service = await startDashboardsService();
  });

  beforeEach(() => {
    orgA = randomUUID();
    orgB = randomUUID();
  });

  afterAll(async () => {
    await service?.close();
  });

  const view = (name: string, filters: Record<string, unknown> = twoMonths) =>
    service.ask<DashboardTable>(DASHBOARD_COMMANDS.view, person(orgA, 'MANAGER'), {
      view: name,
      ...filters,
    });

  it('should count exits per destination and month in the Table 7 groups, of the caller’s organisation only', async () => {
    const exit = (category: string, detail: string, factDate: string) =>
      ({ kind: 'EXIT', orgId: orgA, category, detail, factDate }) as const;
    await seedFacts(service.dataSource, [
      ...facts(7, exit('OPEN_LABOUR_MARKET', 'LABOUR_MARKET', '2025-01-03')),
      ...facts(6, exit('OPEN_LABOUR_MARKET', 'LABOUR_MARKET', '2025-02-27')),
      ...facts(10, exit('UNEMPLOYED_JOBSEEKER', 'OUTSIDE_LABOUR_MARKET', '2025-02-01')),
      // Outside the range: the day before the first month, the day after the last.
      ...facts(5, exit('PENSION', 'OUTSIDE_LABOUR_MARKET', '2024-12-31')),
      ...facts(5, exit('PENSION', 'OUTSIDE_LABOUR_MARKET', '2025-03-01')),
      // Another organisation's exits.
      ...facts(20, { ...exit('OPEN_LABOUR_MARKET', 'LABOUR_MARKET', '2025-01-03'), orgId: orgB }),
    ]);

    const table = await view('destinations');

    expect(table).toMatchObject({
      view: 'destinations',
      scope: 'ORGANISATION',
      orgId: orgA,
      period: 'MONTH',
      from: '2025-01-01',
      to: '2025-02-28',
      asOf: finnishDateOf(new Date()),
    });
    expect(table.columns).toEqual([
      { key: '2025-01-01', kind: 'PERIOD' },
      { key: '2025-02-01', kind: 'PERIOD' },
      { key: 'total', kind: 'TOTAL' },
      { key: 'share', kind: 'SHARE' },
    ]);
    expect(rowKeys(table)).toEqual([
      'OUTSIDE_LABOUR_MARKET/PENSION',
      'OUTSIDE_LABOUR_MARKET/PENSION_INVESTIGATION',
      'OUTSIDE_LABOUR_MARKET/UNEMPLOYED_JOBSEEKER',
      'OUTSIDE_LABOUR_MARKET/HEALTH_CARE_TREATMENT',
      'OUTSIDE_LABOUR_MARKET/SICK_LEAVE',
      'OUTSIDE_LABOUR_MARKET/REHABILITATION_PERIOD',
      'OUTSIDE_LABOUR_MARKET/STUDIES',
      'OUTSIDE_LABOUR_MARKET/UNCLEAR_PATH',
      'OUTSIDE_LABOUR_MARKET/TOTAL',
      'LABOUR_MARKET/OPEN_LABOUR_MARKET',
      'LABOUR_MARKET/SUPPORTED_EMPLOYMENT',
      'LABOUR_MARKET/TOTAL',
      'CONTINUATION/ANOTHER_VTM_MEASURE',
      'CONTINUATION/RETURNED_TO_VTM',
      'CONTINUATION/TOTAL',
    ]);
    expect(shown(table, 'OPEN_LABOUR_MARKET', 'LABOUR_MARKET')).toEqual(['7', '6', '13', '56.5']);
    expect(shown(table, 'TOTAL', 'LABOUR_MARKET')).toEqual(['7', '6', '13', '56.5']);
    expect(shown(table, 'PENSION', 'OUTSIDE_LABOUR_MARKET')).toEqual(['0', '0', '0', '0.0']);
    expect(shown(table, 'TOTAL', 'OUTSIDE_LABOUR_MARKET')).toEqual(['0', '10', '10', '43.5']);
    expect(shown(table, 'total')).toEqual(['7', '16', '23', '100.0']);
  });

  it('should show where an exit cohort was at each follow-up, as shares of the follow-up', async () => {
    const status = (category: string, detail: string) =>
      ({
        kind: 'FOLLOW_UP_STATUS',
        orgId: orgA,
        category,
        detail,
        factDate: '2025-01-20',
      }) as const;
    await seedFacts(service.dataSource, [
      ...facts(6, status('OPEN_LABOUR_MARKET', '1')),
      ...facts(5, status('MISSED', '1')),
      ...facts(5, status('BACK_IN_VTM', '6')),
    ]);

    const table = await view('follow-up-status');

    expect(rowKeys(table)).toEqual([
      '1/OPEN_LABOUR_MARKET',
      '1/MISSED',
      '1/TOTAL',
      '3/TOTAL',
      '6/BACK_IN_VTM',
      '6/TOTAL',
      '12/TOTAL',
    ]);
    expect(shown(table, 'OPEN_LABOUR_MARKET', '1')).toEqual(['6', '0', '6', '54.5']);
    expect(shown(table, 'TOTAL', '1')).toEqual(['11', '0', '11', '']);
    expect(shown(table, 'BACK_IN_VTM', '6')).toEqual(['5', '0', '5', '100.0']);
    expect(table.total).toBeUndefined();
  });

  it('should tell sustained from transitional exits, and follow-ups done from missed', async () => {
    const on = (kind: string, category: string, factDate: string) =>
      ({ kind, orgId: orgA, category, factDate }) as const;
    await seedFacts(service.dataSource, [
      ...facts(5, on('SUSTAINED_EXIT', 'SUSTAINED', '2025-01-05')),
      ...facts(6, on('SUSTAINED_EXIT', 'TRANSITIONAL', '2025-02-05')),
      ...facts(7, on('FOLLOW_UP', 'DONE', '2025-01-15')),
      ...facts(5, on('FOLLOW_UP', 'MISSED', '2025-02-15')),
    ]);

    const sustained = await view('sustained-exits');
    const followUps = await view('follow-ups');

    expect(rowKeys(sustained)).toEqual(['SUSTAINED', 'TRANSITIONAL', 'NOT_KNOWN']);
    expect(shown(sustained, 'SUSTAINED')).toEqual(['5', '0', '5', '45.5']);
    expect(shown(sustained, 'TRANSITIONAL')).toEqual(['0', '6', '6', '54.5']);
    expect(shown(sustained, 'NOT_KNOWN')).toEqual(['0', '0', '0', '0.0']);
    expect(shown(sustained, 'total')).toEqual(['5', '6', '11', '100.0']);
    expect(rowKeys(followUps)).toEqual(['DONE', 'MISSED', 'OPEN']);
    expect(shown(followUps, 'DONE')).toEqual(['7', '0', '7', '58.3']);
    expect(shown(followUps, 'MISSED')).toEqual(['0', '5', '5', '41.7']);
    expect(shown(followUps, 'total')).toEqual(['7', '5', '12', '100.0']);
  });

  it('should count re-entries within 6 and 12 months among exits old enough, and loops', async () => {
    const on = (kind: string, category: string, factDate: string) =>
      ({ kind, orgId: orgA, category, factDate }) as const;
    await seedFacts(service.dataSource, [
      ...facts(10, on('EXIT', 'OPEN_LABOUR_MARKET', '2025-01-08')),
      ...facts(5, on('EXIT', 'UNEMPLOYED_JOBSEEKER', '2025-02-08')),
      ...facts(5, on('REENTRY', 'WITHIN_6', '2025-01-08')),
      ...facts(5, on('REENTRY', 'WITHIN_12', '2025-02-08')),
      ...facts(7, on('REENTRY', 'LATER', '2025-02-08')),
      ...facts(5, on('LOOP', '1', '2025-01-30')),
      ...facts(6, on('LOOP', '3+', '2025-02-01')),
    ]);

    const table = await view('re-entry');

    expect(rowKeys(table)).toEqual([
      'REENTRY/EXITS',
      'REENTRY/EXITS_6_MONTHS_AGO',
      'REENTRY/REENTERED_WITHIN_6_MONTHS',
      'REENTRY/EXITS_12_MONTHS_AGO',
      'REENTRY/REENTERED_WITHIN_12_MONTHS',
      'LOOP/1',
      'LOOP/2',
      'LOOP/3+',
      'LOOP/TOTAL',
    ]);
    expect(shown(table, 'EXITS', 'REENTRY')).toEqual(['10', '5', '15', '']);
    expect(shown(table, 'EXITS_6_MONTHS_AGO', 'REENTRY')).toEqual(['10', '5', '15', '']);
    expect(shown(table, 'REENTERED_WITHIN_6_MONTHS', 'REENTRY')).toEqual(['5', '0', '5', '33.3']);
    expect(shown(table, 'REENTERED_WITHIN_12_MONTHS', 'REENTRY')).toEqual(['5', '5', '10', '66.7']);
    expect(shown(table, '3+', 'LOOP')).toEqual(['0', '6', '6', '54.5']);
    expect(shown(table, 'TOTAL', 'LOOP')).toEqual(['5', '6', '11', '']);
  });

  it('should not count an exit of the last months among those old enough to tell a re-entry', async () => {
    const today = finnishDateOf(new Date());
    await seedFacts(service.dataSource, [
      ...facts(5, {
        kind: 'EXIT',
        orgId: orgA,
        category: 'PENSION',
        factDate: addCalendarDays(today, -60),
      }),
    ]);

    const table = await view('re-entry', { period: 'QUARTER', from: addCalendarMonths(today, -4) });

    expect(shown(table, 'EXITS', 'REENTRY').at(-2)).toBe('5');
    expect(shown(table, 'EXITS_6_MONTHS_AGO', 'REENTRY').at(-2)).toBe('0');
  });
});
