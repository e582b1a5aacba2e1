import { DESTINATION_CATEGORIES } from '@polku/contracts';
import type { DashboardView } from './dashboard-view';
import type { Layout } from './layout';
import { countPerPeriod, type PeriodCount } from './period-counts';
import { emptySeries, orderedKeys, seriesByKey, withGroupTotals } from './row-helpers';

/** The follow-ups after an exit, in months (the detail of a FOLLOW_UP_STATUS fact). */
export const FOLLOW_UP_MONTHS = ['1', '3', '6', '12'] as const;

const WHERE_NOW = [...DESTINATION_CATEGORIES, 'BACK_IN_VTM', 'UNKNOWN', 'MISSED'];

/**
 * follow-up-status: where the clients who exited in a period were at each follow-up after the
 * exit (FOLLOW_UP_STATUS facts, on the exit date: the exit's cohort). One group per follow-up
 * (1, 3, 6, 12 months) with its subtotal, each row's share of its group. No total row: a client
 * is in several groups. A client whose two exits' follow-ups fall in one cell is one client.
 */
export function followUpStatusLayout(
  periods: readonly string[],
  records: readonly PeriodCount[],
): Layout {
  const width = periods.length + 1;
  const rowsSeen = records.filter((record) => record.level === 'ROW');
  const cells = seriesByKey(
    periods,
    rowsSeen,
    (record) => `${record.group}|${record.category}`,
    (record) => record.period,
  );
  const wholes = seriesByKey(
    periods,
    records.filter((record) => record.level === 'GROUP'),
    (record) => record.group!,
    (record) => record.period,
  );
  const groups = orderedKeys(
    FOLLOW_UP_MONTHS,
    rowsSeen.map((record) => record.group!),
    true,
  ).map((months) => ({
    group: months,
    rows: orderedKeys(
      WHERE_NOW,
      rowsSeen.filter((record) => record.group === months).map((record) => record.category!),
      false,
    ).map((category) => ({ key: category, ...cells.get(`${months}|${category}`)! })),
    subtotal: wholes.get(months) ?? emptySeries(width),
  }));
  const { rows, sums } = withGroupTotals(groups, width);
  return { periods, extras: ['SHARE'], rows, sums };
}

export const followUpStatusView: DashboardView = {
  name: 'follow-up-status',
  async read(db, context) {
    const records = await countPerPeriod(db, context, 'FOLLOW_UP_STATUS');
    return followUpStatusLayout(context.periods, records);
  },
};
