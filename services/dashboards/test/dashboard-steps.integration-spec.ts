import { randomUUID } from 'node:crypto';
import { DASHBOARD_COMMANDS, type DashboardTable } from '@polku/contracts';
import { startDashboardsService, type DashboardsService } from './support/dashboards-service';
import { fact, facts, person, seedFacts, type Fact } from './support/facts';
import { rowKeys, rowOf, shown } from './support/tables';

// The views of steps, waits, declines, escalations, fragmentation and goals: counts, medians
// and 90th percentiles, read over NATS from facts written the way the projection keeps them.
describe('dashboards: steps, waits and distributions', () => {
  let service: DashboardsService;
  let orgId: string;
  const range = { period: 'MONTH', from: '2025-01-01', to: '2025-02-28' };

  beforeAll(async () => {
    service = await startDashboardsService();
  });

  beforeEach(() => {
    orgId = randomUUID();
  });

  afterAll(async () => {
    await service?.close();
  });

  const view = (name: string) =>
    service.ask<DashboardTable>(DASHBOARD_COMMANDS.view, person(orgId, 'MANAGER'), {
      view: name,
      ...range,
    });
  const withDays = (days: readonly number[], given: Omit<Parameters<typeof fact>[0], 'orgId'>) =>
    days.map((day) => fact({ ...given, orgId, days: day }));

  it('should give each link between steps its paths and median days, the steps named', async () => {
    const link = { kind: 'LINK', factDate: '2025-01-15' } as const;
    await seedFacts(service.dataSource, [
      ...withDays([5, 1, 4, 2, 6, 3], { ...link, category: 'REFERRAL>INTAKE', detail: 'REFERRAL' }),
      ...withDays([10, 10, 10, 10, 10], { ...link, category: 'INTAKE>PLAN', detail: 'INTAKE' }),
      ...withDays([30, 40], {
        ...link,
        category: 'PLAN>MEASURE_1:WORK_TRIAL',
        detail: 'PLAN',
      }),
    ]);

    const table = await view('flows');

    expect(table.columns.map((column) => column.kind)).toEqual(['TOTAL', 'MEDIAN_DAYS']);
    expect(table.total).toBeUndefined();
    expect(rowKeys(table)).toEqual([
      'REFERRAL>INTAKE/REFERRAL>INTAKE',
      'INTAKE>PLAN/INTAKE>PLAN',
      'PLAN>MEASURE_1/PLAN>MEASURE_1:WORK_TRIAL',
    ]);
    expect(rowOf(table, 'PLAN>MEASURE_1:WORK_TRIAL', 'PLAN>MEASURE_1')).toMatchObject({
      from: 'PLAN',
      to: 'MEASURE_1:WORK_TRIAL',
    });
    // percentile_disc: a value of a path, never an average of two.
    expect(shown(table, 'REFERRAL>INTAKE', 'REFERRAL>INTAKE')).toEqual(['6', '3']);
    expect(shown(table, 'INTAKE>PLAN', 'INTAKE>PLAN')).toEqual(['5', '10']);
    expect(shown(table, 'PLAN>MEASURE_1:WORK_TRIAL', 'PLAN>MEASURE_1')).toEqual(['<5', '<5']);
  });

  it('should give the stays in each state their median and 90th percentile', async () => {
    await seedFacts(service.dataSource, [
      ...withDays([2, 10, 6, 4, 8], {
        kind: 'STATE_TIME',
        category: 'REFERRED',
        factDate: '2025-02-01',
      }),
      ...withDays([1, 2, 3], { kind: 'STATE_TIME', category: 'INTAKE', factDate: '2025-02-01' }),
    ]);

    const table = await view('time-in-step');

    expect(rowKeys(table)).toEqual([
      'REFERRED',
      'INTAKE',
      'PLANNING',
      'IN_MEASURE',
      'PAUSED',
      'TRANSITION_PENDING',
      'UNCLEAR_PATH',
      'FOLLOW_UP',
    ]);
    expect(shown(table, 'REFERRED')).toEqual(['5', '6', '10']);
    expect(shown(table, 'INTAKE')).toEqual(['<5', '<5', '<5']);
    expect(shown(table, 'PLANNING')).toEqual(['0', '', '']);
  });

  it('should show waits and answer delays, hiding the partner of a small answer cell', async () => {
    const answer = (detail: string) =>
      ({ kind: 'ANSWER_DELAY', category: 'REFERRAL', detail, factDate: '2025-01-31' }) as const;
    await seedFacts(service.dataSource, [
      ...withDays([10, 11, 12, 13, 14], { kind: 'WAIT', category: 'WAIT', factDate: '2025-01-02' }),
      ...withDays([1, 1, 1, 1, 1, 1], answer('ACCEPTED')),
      ...withDays([5, 5], answer('DECLINED')),
    ]);

    const table = await view('waiting');

    expect(rowKeys(table)).toEqual([
      'WAIT/WAIT',
      'WAIT/TOTAL',
      'REFERRAL_ANSWER/ACCEPTED',
      'REFERRAL_ANSWER/DECLINED',
      'REFERRAL_ANSWER/TOTAL',
      'HANDOFF_ANSWER/ACCEPTED',
      'HANDOFF_ANSWER/DECLINED',
      'HANDOFF_ANSWER/TOTAL',
    ]);
    expect(shown(table, 'WAIT', 'WAIT')).toEqual(['5', '12', '14']);
    expect(shown(table, 'TOTAL', 'WAIT')).toEqual(['5', '12', '14']);
    // 2 declined could be told from 8 answers and 6 accepted: the 6 is hidden with it.
    expect(shown(table, 'DECLINED', 'REFERRAL_ANSWER')).toEqual(['<5', '<5', '<5']);
    expect(shown(table, 'ACCEPTED', 'REFERRAL_ANSWER')).toEqual(['..', '..', '..']);
    expect(shown(table, 'TOTAL', 'REFERRAL_ANSWER')).toEqual(['8', '1', '5']);
    expect(shown(table, 'TOTAL', 'HANDOFF_ANSWER')).toEqual(['0', '', '']);
  });

  it('should count declines by reason in a group per what was declined', async () => {
    const decline = (category: string) =>
      ({ kind: 'DECLINE', orgId, category, factDate: '2025-02-10' }) as const;
    await seedFacts(service.dataSource, [
      ...facts(5, decline('REFERRAL:NO_CAPACITY')),
      ...facts(5, decline('REFERRAL:OTHER')),
      ...facts(6, decline('HANDOFF:NOT_SUITABLE')),
    ]);

    const table = await view('decline-reasons');

    expect(rowKeys(table)).toEqual([
      'REFERRAL/NO_CAPACITY',
      'REFERRAL/NOT_SUITABLE_MEASURE',
      'REFERRAL/CLIENT_DID_NOT_ATTEND',
      'REFERRAL/OUTSIDE_AREA',
      'REFERRAL/OTHER',
      'REFERRAL/TOTAL',
      'HANDOFF/NO_CAPACITY',
      'HANDOFF/NOT_SUITABLE',
      'HANDOFF/CLIENT_DECLINED',
      'HANDOFF/MISSING_FUNDING',
      'HANDOFF/OTHER',
      'HANDOFF/TOTAL',
    ]);
    expect(shown(table, 'NO_CAPACITY', 'REFERRAL')).toEqual(['0', '5', '5', '50.0']);
    expect(shown(table, 'TOTAL', 'REFERRAL')).toEqual(['0', '10', '10', '62.5']);
    expect(shown(table, 'NOT_SUITABLE', 'HANDOFF')).toEqual(['0', '6', '6', '100.0']);
    expect(shown(table, 'total')).toEqual(['0', '16', '16', '100.0']);
  });

  it('should count escalation signals per signal and rung and period', async () => {
    const signal = (category: string, factDate: string) =>
      ({ kind: 'OVERDUE', orgId, category, factDate }) as const;
    await seedFacts(service.dataSource, [
      ...facts(6, signal('FollowUpMissed', '2025-02-03')),
      ...facts(5, signal('HandoffEscalated:MANAGER', '2025-01-03')),
    ]);

    const table = await view('overdue-trends');

    expect(rowKeys(table)).toEqual([
      'HandoffEscalated/HandoffEscalated:MANAGER',
      'FollowUpMissed/FollowUpMissed',
    ]);
    expect(shown(table, 'HandoffEscalated:MANAGER', 'HandoffEscalated')).toEqual(['5', '0', '5']);
    expect(shown(table, 'total')).toEqual(['5', '6', '11']);
  });

  it('should count plans and organisations per path referred in the range', async () => {
    const on = (kind: string, category: string) =>
      ({ kind, orgId, category, factDate: '2025-01-09' }) as const;
    await seedFacts(service.dataSource, [
      ...facts(6, on('PLANS', '1')),
      ...facts(5, on('PLANS', '2')),
      ...facts(11, on('ORGANISATIONS', '2')),
      // Referred before the range.
      ...facts(5, { ...on('PLANS', '1'), factDate: '2024-12-31' }),
    ]);

    const table = await view('fragmentation');

    expect(table.columns.map((column) => column.kind)).toEqual(['TOTAL', 'SHARE']);
    expect(rowKeys(table)).toEqual([
      'PLANS/1',
      'PLANS/2',
      'PLANS/3',
      'PLANS/4+',
      'PLANS/TOTAL',
      'ORGANISATIONS/1',
      'ORGANISATIONS/2',
      'ORGANISATIONS/3',
      'ORGANISATIONS/4',
      'ORGANISATIONS/5',
      'ORGANISATIONS/6+',
      'ORGANISATIONS/TOTAL',
    ]);
    expect(shown(table, '1', 'PLANS')).toEqual(['6', '54.5']);
    expect(shown(table, 'TOTAL', 'PLANS')).toEqual(['11', '']);
    expect(shown(table, '2', 'ORGANISATIONS')).toEqual(['11', '100.0']);
  });

  it('should hide the smallest other level of goal attainment beside a small one', async () => {
    const gas = (category: string) =>
      ({ kind: 'GAS', orgId, category, factDate: '2025-02-20' }) as Pick<
        Fact,
        'kind' | 'orgId' | 'category' | 'factDate'
      >;
    await seedFacts(service.dataSource, [
      ...facts(3, gas('-1')),
      ...facts(8, gas('0')),
      ...facts(6, gas('+1')),
    ]);

    const table = await view('goal-attainment');

    expect(rowKeys(table)).toEqual(['-2', '-1', '0', '+1', '+2']);
    expect(shown(table, '-2')).toEqual(['0', '0.0']);
    expect(shown(table, '-1')).toEqual(['<5', '<5']);
    expect(shown(table, '0')).toEqual(['8', '47.1']);
    expect(shown(table, '+1')).toEqual(['..', '..']);
    expect(shown(table, 'total')).toEqual(['17', '100.0']);
    expect(rowOf(table, '+1').cells[0]).toEqual({
      value: null,
      display: '..',
      suppressed: 'SECONDARY',
    });
    expect(rowOf(table, '-1').cells[0]).toEqual({
      value: null,
      display: '<5',
      suppressed: 'SMALL_CELL',
    });
  });
});
