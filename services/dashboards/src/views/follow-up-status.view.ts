import { DESTINATION_CATEGORIES } from '@polku/contracts';
import type { DashboardView } from './dashboard-view';
import type { Layout } from './layout';
import { countPerPeriod, type PeriodCount } from './period-counts';
import { countsByRow, orderedKeys, withGroupTotals } from './row-helpers';

/** The follow-ups after an exit, in months (the detail of a FOLLOW_UP_STATUS fact). */
export const FOLLOW_UP_MONTHS = ['1', '3', '6', '12'] as const;

const WHERE_NOW = [...DESTINATION_CATEGORIES, 'BACK_IN_VTM', 'UNKNOWN', 'MISSED'];

/**
 * follow-up-status: where the clients who exited in a period were at each follow-up after the
 * exit (FOLLOW_UP_STATUS facts, on the exit date: the exit's cohort). One group per follow-up
 * (1, 3, 6, 12 months) with its subtotal, each row's share of its group. No total row: a client
 * is in several groups.
 */
export function followUpStatusLayout(
  periods: readonly string[],
  records: readonly PeriodCount[],
): Layout {
  const width = periods.length + 1;
  const monthsOf = (record: PeriodCount) => record.detail ?? 'UNKNOWN';
  const counts = countsByRow(
    periods,
    records,
    (record) => `${monthsOf(record)}|${record.category}`,
    (record) => record.period,
    (record) => record.n,
  );
  const groups = orderedKeys(FOLLOW_UP_MONTHS, records.map(monthsOf), true).map((months) => ({
    group: months,
    rows: orderedKeys(
      WHERE_NOW,
      records.filter((record) => monthsOf(record) === months).map((record) => record.category),
      false,
    ).map((category) => ({ key: category, counts: counts.get(`${months}|${category}`)! })),
  }));
  const { rows, sums } = withGroupTotals(groups, width);
  return { periods, extras: ['SHARE'], rows, sums };
}

export const followUpStatusView: DashboardView = {
  name: 'follow-up-status',
  async read(db, context) {
    const records = await countPerPeriod(db, context, 'FOLLOW_UP_STATUS', { byDetail: true });
    return followUpStatusLayout(context.periods, records);
  },
};
