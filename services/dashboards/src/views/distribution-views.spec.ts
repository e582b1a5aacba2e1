import type { DashboardTable, DashboardViewName } from '@polku/contracts';
import type { CategoryFigures } from './category-figures';
import { dashboardTable } from './dashboard-table';
import { flowsLayout } from './flows.view';
import { fragmentationLayout } from './fragmentation.view';
import { goalAttainmentLayout } from './goal-attainment.view';
import type { Layout } from './layout';
import { timeInStepLayout } from './time-in-step.view';
import type { ViewContext } from './view-context';
import { waitingLayout, type WaitFigures } from './waiting.view';

const context: ViewContext = {
  scope: 'REGION',
  period: 'QUARTER',
  from: '2025-01-01',
  to: '2025-06-30',
  periods: ['2025-01-01', '2025-04-01'],
  today: '2026-12-07',
};

const tableOf = (view: DashboardViewName, layout: Layout) => dashboardTable(view, context, layout);

const figure = (
  category: string | null,
  n: number,
  median: number | null = null,
  p90: number | null = null,
  kind = 'X',
  clients = n,
): CategoryFigures => ({ kind, category, n, clients, median_days: median, p90_days: p90 });

const rowOf = (table: DashboardTable, key: string) => table.rows.find((r) => r.key === key)!;

const shown = (table: DashboardTable, key: string, group?: string) =>
  (key === 'total'
    ? table.total
    : table.rows.find((r) => r.key === key && r.group === group))!.cells.map(
    (cell) => cell.display,
  );

describe('distribution views', () => {
  it('should have no period columns and no organisation in REGION scope', () => {
    const table = tableOf('time-in-step', timeInStepLayout([]));
    expect(table.columns.map((column) => column.kind)).toEqual([
      'TOTAL',
      'MEDIAN_DAYS',
      'P90_DAYS',
    ]);
    expect(table.orgId).toBeUndefined();
    expect(table.scope).toBe('REGION');
  });

  it('flows: should order links along the path and name their steps and kind', () => {
    const table = tableOf(
      'flows',
      flowsLayout([
        figure('MEASURE_1:WORK_TRIAL>DEST:STUDIES', 5, 80),
        // Two exits of one path to studies after a third measure: 6 links of 4 clients.
        figure('MEASURE_3:COACHING>DEST:STUDIES', 6, 40, null, 'LINK', 4),
        figure('REFERRAL>DECLINED', 9, 2),
        figure('PLAN>MEASURE_1:WORK_TRIAL', 5, 14),
        figure('REFERRAL>INTAKE', 12, 6),
        figure('MEASURE_1:WORK_TRIAL>MEASURE_2:PAY_SUBSIDISED_WORK', 3, 120),
      ]),
    );
    expect(table.rows.map(({ key, group, from, to }) => ({ key, group, from, to }))).toEqual([
      { key: 'REFERRAL>DECLINED', group: 'REFERRAL>DECLINED', from: 'REFERRAL', to: 'DECLINED' },
      { key: 'REFERRAL>INTAKE', group: 'REFERRAL>INTAKE', from: 'REFERRAL', to: 'INTAKE' },
      {
        key: 'PLAN>MEASURE_1:WORK_TRIAL',
        group: 'PLAN>MEASURE_1',
        from: 'PLAN',
        to: 'MEASURE_1:WORK_TRIAL',
      },
      {
        key: 'MEASURE_1:WORK_TRIAL>MEASURE_2:PAY_SUBSIDISED_WORK',
        group: 'MEASURE_1>MEASURE_2',
        from: 'MEASURE_1:WORK_TRIAL',
        to: 'MEASURE_2:PAY_SUBSIDISED_WORK',
      },
      {
        key: 'MEASURE_1:WORK_TRIAL>DEST:STUDIES',
        group: 'MEASURE_1>DEST',
        from: 'MEASURE_1:WORK_TRIAL',
        to: 'DEST:STUDIES',
      },
      {
        key: 'MEASURE_3:COACHING>DEST:STUDIES',
        group: 'MEASURE_3>DEST',
        from: 'MEASURE_3:COACHING',
        to: 'DEST:STUDIES',
      },
    ]);
    // A link of 3 paths, or of 4 clients however many times they took it, is small; no sum
    // binds links, so nothing else is hidden.
    expect(table.rows.map((row) => row.cells.map((cell) => cell.display))).toEqual([
      ['9', '2'],
      ['12', '6'],
      ['5', '14'],
      ['<5', '<5'],
      ['5', '80'],
      ['<5', '<5'],
    ]);
    expect(table.total).toBeUndefined();
  });

  it('time-in-step: should list every state a path stays in, with its median and 90th percentile', () => {
    const table = tableOf(
      'time-in-step',
      timeInStepLayout([figure('IN_MEASURE', 40, 61, 200), figure('PAUSED', 4, 10, 12)]),
    );
    expect(table.rows.map((row) => row.key)).toEqual([
      'REFERRED',
      'INTAKE',
      'PLANNING',
      'IN_MEASURE',
      'PAUSED',
      'TRANSITION_PENDING',
      'UNCLEAR_PATH',
      'FOLLOW_UP',
    ]);
    expect(shown(table, 'IN_MEASURE')).toEqual(['40', '61', '200']);
    expect(shown(table, 'PAUSED')).toEqual(['<5', '<5', '<5']);
    expect(shown(table, 'REFERRED')).toEqual(['0', '', '']);
  });

  it('fragmentation: should count paths by plans and by organisations, each with its shares', () => {
    const table = tableOf(
      'fragmentation',
      fragmentationLayout([
        figure('1', 30, null, null, 'PLANS'),
        figure('4+', 10, null, null, 'PLANS'),
        figure(null, 40, null, null, 'PLANS'),
        figure('6+', 40, null, null, 'ORGANISATIONS'),
        figure(null, 40, null, null, 'ORGANISATIONS'),
      ]),
    );
    expect(shown(table, '1', 'PLANS')).toEqual(['30', '75.0']);
    expect(shown(table, '4+', 'PLANS')).toEqual(['10', '25.0']);
    expect(shown(table, 'TOTAL', 'PLANS')).toEqual(['40', '']);
    expect(shown(table, '6+', 'ORGANISATIONS')).toEqual(['40', '100.0']);
    expect(table.total).toBeUndefined();
  });

  it('goal-attainment: should list the five GAS levels with shares of all goals', () => {
    const table = tableOf(
      'goal-attainment',
      goalAttainmentLayout([figure('+2', 5), figure('0', 15), figure(null, 20)]),
    );
    expect(table.rows.map((row) => row.key)).toEqual(['-2', '-1', '0', '+1', '+2']);
    expect(shown(table, '+2')).toEqual(['5', '25.0']);
    expect(shown(table, 'total')).toEqual(['20', '100.0']);
  });

  it('goal-attainment: should hide a level of 6 goals of 2 clients, and count the total’s clients', () => {
    const table = tableOf(
      'goal-attainment',
      goalAttainmentLayout([
        figure('-1', 6, null, null, 'GAS', 2),
        figure('+1', 5, null, null, 'GAS', 5),
        // The two clients of -1 are among the five of +1: the 11 goals are of 5 clients.
        figure(null, 11, null, null, 'GAS', 5),
      ]),
    );
    expect(shown(table, '-1')).toEqual(['<5', '<5']);
    expect(shown(table, '+1')).toEqual(['..', '..']);
    expect(shown(table, 'total')).toEqual(['11', '100.0']);
  });

  it('time-in-step: should hide the stays of one client however many, and count its clients', () => {
    const table = tableOf(
      'time-in-step',
      timeInStepLayout([figure('PAUSED', 6, 10, 12, 'STATE_TIME', 1)]),
    );
    expect(rowOf(table, 'PAUSED').cells[0]).toEqual({
      value: null,
      display: '<5',
      suppressed: 'SMALL_CELL',
    });
  });

  it('waiting: should group waits and each kind of answer, the group’s whole with its own median', () => {
    const wait = (
      kind: string,
      category: string | null,
      detail: string | null,
      level: number,
      n: number,
      median: number,
    ): WaitFigures => ({
      kind,
      category,
      detail,
      level,
      n,
      clients: level === 0 ? n : n - 1,
      median_days: median,
      p90_days: median * 2,
    });
    const table = tableOf(
      'waiting',
      waitingLayout([
        wait('WAIT', 'HEALTH_CARE', null, 0, 5, 30),
        wait('WAIT', 'HEALTH_CARE', null, 1, 5, 30),
        wait('WAIT', 'BENEFIT_DECISION', null, 1, 7, 20),
        wait('WAIT', null, null, 3, 12, 21),
        wait('ANSWER_DELAY', 'HANDOFF', 'ACCEPTED', 0, 9, 3),
        wait('ANSWER_DELAY', 'HANDOFF', 'DECLINED', 0, 6, 8),
        wait('ANSWER_DELAY', 'HANDOFF', null, 1, 15, 4),
        wait('ANSWER_DELAY', null, null, 3, 15, 4),
      ]),
    );
    expect(table.rows.map((row) => `${row.group}/${row.key}`)).toEqual([
      'WAIT/BENEFIT_DECISION',
      'WAIT/HEALTH_CARE',
      'WAIT/TOTAL',
      'REFERRAL_ANSWER/ACCEPTED',
      'REFERRAL_ANSWER/DECLINED',
      'REFERRAL_ANSWER/TOTAL',
      'HANDOFF_ANSWER/ACCEPTED',
      'HANDOFF_ANSWER/DECLINED',
      'HANDOFF_ANSWER/TOTAL',
    ]);
    expect(shown(table, 'TOTAL', 'WAIT')).toEqual(['12', '21', '42']);
    expect(shown(table, 'DECLINED', 'HANDOFF_ANSWER')).toEqual(['6', '8', '16']);
    expect(shown(table, 'TOTAL', 'HANDOFF_ANSWER')).toEqual(['15', '4', '8']);
    expect(shown(table, 'TOTAL', 'REFERRAL_ANSWER')).toEqual(['0', '', '']);
  });

  it('waiting: should hide a wait of 6 waits of 4 clients and a whole of them', () => {
    const table = tableOf(
      'waiting',
      waitingLayout([
        {
          kind: 'WAIT',
          category: 'HOUSING',
          detail: null,
          level: 1,
          n: 6,
          clients: 4,
          median_days: 9,
          p90_days: 12,
        },
        {
          kind: 'WAIT',
          category: null,
          detail: null,
          level: 3,
          n: 6,
          clients: 4,
          median_days: 9,
          p90_days: 12,
        },
      ]),
    );
    expect(shown(table, 'HOUSING', 'WAIT')).toEqual(['<5', '<5', '<5']);
    expect(shown(table, 'TOTAL', 'WAIT')).toEqual(['<5', '<5', '<5']);
  });
});
