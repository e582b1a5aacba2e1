import {
  DESTINATION_CATEGORIES_BY_GROUP,
  DESTINATION_GROUPS,
  type DestinationGroup,
} from '@polku/contracts';
import type { DashboardView } from './dashboard-view';
import type { Layout } from './layout';
import { countPerPeriod, type PeriodCount } from './period-counts';
import { countsByRow, orderedKeys, sumCounts, withGroupTotals } from './row-helpers';

const KNOWN_CATEGORIES: Readonly<Record<string, readonly string[]>> =
  DESTINATION_CATEGORIES_BY_GROUP;

/**
 * destinations: exits (EXIT facts, on the exit date) per destination and period, in the Table 7
 * groups with a subtotal per group, the exits of all destinations as the total row, and each
 * row's share of all exits.
 */
export function destinationsLayout(
  periods: readonly string[],
  records: readonly PeriodCount[],
): Layout {
  const width = periods.length + 1;
  // The fact's own group (detail) places a category the contracts do not list yet.
  const groupOf = (record: PeriodCount): string =>
    DESTINATION_GROUPS.find((group) => KNOWN_CATEGORIES[group].includes(record.category)) ??
    record.detail ??
    'UNKNOWN';
  const counts = countsByRow(
    periods,
    records,
    (record) => `${groupOf(record)}|${record.category}`,
    (record) => record.period,
    (record) => record.n,
  );
  const zeros = new Array<number>(width).fill(0);
  const groups = orderedKeys(DESTINATION_GROUPS, records.map(groupOf), true).map((group) => ({
    group,
    rows: orderedKeys(
      KNOWN_CATEGORIES[group as DestinationGroup] ?? [],
      records.filter((record) => groupOf(record) === group).map((record) => record.category),
      true,
    ).map((category) => ({
      key: category,
      counts: counts.get(`${group}|${category}`) ?? zeros,
      shareOf: 'total' as const,
    })),
    subtotal: { shareOf: 'total' as const },
  }));
  const { rows, subtotals, sums } = withGroupTotals(groups, width);
  return {
    periods,
    extras: ['SHARE'],
    rows,
    total: {
      key: 'TOTAL',
      counts: sumCounts(
        subtotals.map((at) => rows[at].counts),
        width,
      ),
      shareOf: 'total',
    },
    sums: [...sums, { total: 'total', members: subtotals }],
  };
}

export const destinationsView: DashboardView = {
  name: 'destinations',
  async read(db, context) {
    const records = await countPerPeriod(db, context, 'EXIT', { byDetail: true });
    return destinationsLayout(context.periods, records);
  },
};
