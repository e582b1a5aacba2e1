import type { DashboardTable, DashboardViewName } from '@polku/contracts';
import { dashboardTable } from './dashboard-table';
import { declineReasonsLayout } from './decline-reasons.view';
import { destinationsLayout } from './destinations.view';
import { followUpStatusLayout } from './follow-up-status.view';
import { followUpsLayout } from './follow-ups.view';
import type { Layout } from './layout';
import { overdueTrendsLayout } from './overdue-trends.view';
import type { PeriodCount } from './period-counts';
import { sustainedExitsLayout } from './sustained-exits.view';
import type { ViewContext } from './view-context';

const JAN = '2025-01-01';
const FEB = '2025-02-01';
const context: ViewContext = {
  scope: 'ORGANISATION',
  orgId: '2b0e4c8e-3f1d-4a53-9d0c-6f6a2f7b9a10',
  period: 'MONTH',
  from: JAN,
  to: '2025-02-28',
  periods: [JAN, FEB],
  today: '2026-12-07',
};

/** A cell's facts: `n` of `clients` clients (one each unless said), in a group if it has one. */
const count = (
  category: string,
  period: string | null,
  n: number,
  group: string | null = null,
  clients = n,
): PeriodCount => ({ level: 'ROW', group, category, period, n, clients });

/**
 * The records countPerPeriod answers for cells of clients each in one cell only: every row's
 * TOTAL, every group's whole and the view's, in each period and over the range, as sums.
 */
function counted(cells: readonly PeriodCount[]): PeriodCount[] {
  const wholes = new Map<string, PeriodCount>();
  const add = (whole: Omit<PeriodCount, 'n' | 'clients'>, cell: PeriodCount) => {
    const key = JSON.stringify(whole);
    const sum = wholes.get(key) ?? { ...whole, n: 0, clients: 0 };
    wholes.set(key, { ...sum, n: sum.n + cell.n, clients: sum.clients + cell.clients });
  };
  for (const cell of cells) {
    for (const period of [cell.period, null]) {
      if (period === null) {
        const { level, group, category } = cell;
        add({ level, group, category, period }, cell);
      }
      if (cell.group !== null) {
        add({ level: 'GROUP', group: cell.group, category: null, period }, cell);
      }
      add({ level: 'ALL', group: null, category: null, period }, cell);
    }
  }
  return [...cells, ...wholes.values()];
}

const tableOf = (view: DashboardViewName, layout: Layout) => dashboardTable(view, context, layout);

const shown = (table: DashboardTable, key: string, group?: string) =>
  (key === 'total'
    ? table.total
    : table.rows.find((r) => r.key === key && r.group === group))!.cells.map(
    (cell) => cell.display,
  );

describe('time-series views', () => {
  it('should label a table with what was asked and when', () => {
    const table = tableOf('follow-ups', followUpsLayout(context.periods, []));
    expect(table).toMatchObject({
      view: 'follow-ups',
      scope: 'ORGANISATION',
      orgId: context.orgId,
      period: 'MONTH',
      from: JAN,
      to: '2025-02-28',
      filters: {},
      asOf: '2026-12-07',
    });
  });

  it('destinations: should place every category in its Table 7 group, one the contracts do not know in the fact’s own', () => {
    const table = tableOf(
      'destinations',
      destinationsLayout(
        context.periods,
        counted([
          count('OPEN_LABOUR_MARKET', JAN, 6, 'LABOUR_MARKET'),
          count('VOLUNTEERING', FEB, 5, 'OUTSIDE_LABOUR_MARKET'),
        ]),
      ),
    );
    expect(shown(table, 'VOLUNTEERING', 'OUTSIDE_LABOUR_MARKET')).toEqual(['0', '5', '5', '45.5']);
    expect(table.rows.findIndex((row) => row.key === 'VOLUNTEERING')).toBe(8);
    expect(shown(table, 'TOTAL', 'LABOUR_MARKET')).toEqual(['6', '0', '6', '54.5']);
    expect(shown(table, 'total')).toEqual(['6', '5', '11', '100.0']);
  });

  it('destinations: should hide the partner of a small destination in its group, and keep the groups shown', () => {
    const oneMonth = { ...context, periods: [JAN] };
    const table = dashboardTable(
      'destinations',
      oneMonth,
      destinationsLayout(
        oneMonth.periods,
        counted([
          count('OPEN_LABOUR_MARKET', JAN, 7, 'LABOUR_MARKET'),
          count('SUPPORTED_EMPLOYMENT', JAN, 3, 'LABOUR_MARKET'),
          count('UNEMPLOYED_JOBSEEKER', JAN, 12, 'OUTSIDE_LABOUR_MARKET'),
          count('PENSION', JAN, 5, 'OUTSIDE_LABOUR_MARKET'),
        ]),
      ),
    );
    expect(shown(table, 'SUPPORTED_EMPLOYMENT', 'LABOUR_MARKET')).toEqual(['<5', '<5', '<5']);
    expect(shown(table, 'OPEN_LABOUR_MARKET', 'LABOUR_MARKET')).toEqual(['..', '..', '..']);
    expect(shown(table, 'TOTAL', 'LABOUR_MARKET')).toEqual(['10', '10', '37.0']);
    expect(shown(table, 'TOTAL', 'OUTSIDE_LABOUR_MARKET')).toEqual(['17', '17', '63.0']);
    expect(shown(table, 'total')).toEqual(['27', '27', '100.0']);
  });

  it('follow-up-status: should group the rows by months after the exit, with no total row', () => {
    const table = tableOf(
      'follow-up-status',
      followUpStatusLayout(
        context.periods,
        counted([
          count('MISSED', JAN, 5, '3'),
          count('OPEN_LABOUR_MARKET', FEB, 5, '3'),
          count('BACK_IN_VTM', FEB, 9, '24'),
        ]),
      ),
    );
    expect(table.rows.map((row) => `${row.group}/${row.key}`)).toEqual([
      '1/TOTAL',
      '3/OPEN_LABOUR_MARKET',
      '3/MISSED',
      '3/TOTAL',
      '6/TOTAL',
      '12/TOTAL',
      '24/BACK_IN_VTM',
      '24/TOTAL',
    ]);
    expect(shown(table, 'MISSED', '3')).toEqual(['5', '0', '5', '50.0']);
    expect(table.total).toBeUndefined();
  });

  it('sustained-exits and follow-ups: should list every outcome, with shares of the total', () => {
    const sustained = tableOf(
      'sustained-exits',
      sustainedExitsLayout(context.periods, counted([count('NOT_KNOWN', JAN, 8)])),
    );
    const followUps = tableOf(
      'follow-ups',
      followUpsLayout(context.periods, counted([count('DONE', JAN, 6), count('OPEN', FEB, 2)])),
    );
    expect(sustained.rows.map((row) => row.key)).toEqual([
      'SUSTAINED',
      'TRANSITIONAL',
      'NOT_KNOWN',
    ]);
    expect(shown(sustained, 'NOT_KNOWN')).toEqual(['8', '0', '8', '100.0']);
    // The 2 open ones in February are small; the total row's February (2) too, so its January
    // is hidden with it, which leaves DONE's January alone in its column, hidden in turn, and
    // then its row's TOTAL: no sum with one hidden member is left.
    expect(shown(followUps, 'OPEN')).toEqual(['0', '<5', '<5', '<5']);
    expect(shown(followUps, 'total')).toEqual(['..', '<5', '8', '100.0']);
    expect(shown(followUps, 'DONE')).toEqual(['..', '0', '..', '..']);
  });

  it('overdue-trends: should order signals and rungs as a manager reads them, the signal as the group', () => {
    const table = tableOf(
      'overdue-trends',
      overdueTrendsLayout(
        context.periods,
        counted([
          count('WaitExceeded', JAN, 5),
          count('HandoffEscalated:MANAGER', JAN, 5),
          count('HandoffEscalated:WORKER', FEB, 5),
          count('SomethingNew', FEB, 5),
        ]),
      ),
    );
    expect(table.rows.map((row) => `${row.group}/${row.key}`)).toEqual([
      'HandoffEscalated/HandoffEscalated:WORKER',
      'HandoffEscalated/HandoffEscalated:MANAGER',
      'WaitExceeded/WaitExceeded',
      'SomethingNew/SomethingNew',
    ]);
    expect(table.columns.map((column) => column.kind)).toEqual(['PERIOD', 'PERIOD', 'TOTAL']);
    expect(shown(table, 'total')).toEqual(['10', '10', '20']);
  });

  it('overdue-trends: should hide 6 signals of 2 clients, and a total row of 4 clients', () => {
    const table = tableOf(
      'overdue-trends',
      overdueTrendsLayout(context.periods, [
        count('FollowUpMissed', JAN, 6, null, 2),
        count('FollowUpMissed', null, 6, null, 2),
        count('NextStepOverdue', FEB, 5, null, 5),
        count('NextStepOverdue', null, 5, null, 5),
        // The two clients of the missed follow-ups are among the five, but January's are two.
        { ...count('', JAN, 6, null, 2), level: 'ALL', category: null },
        { ...count('', FEB, 5, null, 5), level: 'ALL', category: null },
        { ...count('', null, 11, null, 5), level: 'ALL', category: null },
      ]),
    );
    expect(shown(table, 'FollowUpMissed', 'FollowUpMissed')).toEqual(['<5', '0', '<5']);
    expect(shown(table, 'total')).toEqual(['<5', '..', '11']);
    expect(shown(table, 'NextStepOverdue', 'NextStepOverdue')).toEqual(['0', '..', '..']);
  });

  it('decline-reasons: should list every reason of referrals and hand-offs, and keep one the contracts do not know', () => {
    const table = tableOf(
      'decline-reasons',
      declineReasonsLayout(
        context.periods,
        counted([
          count('REFERRAL:NO_CAPACITY', JAN, 6, 'REFERRAL'),
          count('REFERRAL:WEATHER', FEB, 6, 'REFERRAL'),
          count('HANDOFF:OTHER', FEB, 5, 'HANDOFF'),
        ]),
      ),
    );
    expect(table.rows.filter((row) => row.group === 'REFERRAL').map((row) => row.key)).toEqual([
      'NO_CAPACITY',
      'NOT_SUITABLE_MEASURE',
      'CLIENT_DID_NOT_ATTEND',
      'OUTSIDE_AREA',
      'OTHER',
      'WEATHER',
      'TOTAL',
    ]);
    expect(shown(table, 'WEATHER', 'REFERRAL')).toEqual(['0', '6', '6', '50.0']);
    expect(shown(table, 'TOTAL', 'HANDOFF')).toEqual(['0', '5', '5', '29.4']);
    expect(shown(table, 'total')).toEqual(['6', '11', '17', '100.0']);
  });
});
