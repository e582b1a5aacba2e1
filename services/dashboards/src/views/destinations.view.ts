import {
  DESTINATION_CATEGORIES_BY_GROUP,
  DESTINATION_GROUPS,
  type DestinationGroup,
} from '@polku/contracts';
import type { DashboardView } from './dashboard-view';
import type { Layout } from './layout';
import { countPerPeriod, type PeriodCount } from './period-counts';
import { groupedSeriesLayout } from './grouped-series-layout';

const KNOWN_CATEGORIES: Readonly<Record<string, readonly string[]>> =
  DESTINATION_CATEGORIES_BY_GROUP;

/**
 * destinations: exits (EXIT facts, on the exit date) per destination and period, in the Table 7
 * groups with a subtotal per group, the exits of all destinations as the total row, and each
 * row's share of all exits. A path may exit twice (after an unclear path), so its client is
 * counted once in a cell, a TOTAL or a whole.
 */
export function destinationsLayout(
  periods: readonly string[],
  records: readonly PeriodCount[],
): Layout {
  return groupedSeriesLayout(periods, records, {
    groupOrder: DESTINATION_GROUPS,
    rowOrder: (group) => KNOWN_CATEGORIES[group as DestinationGroup] ?? [],
    placeOf: (record) => ({ group: record.group!, row: record.category! }),
    rowShares: true,
  });
}

export const destinationsView: DashboardView = {
  name: 'destinations',
  async read(db, context) {
    const records = await countPerPeriod(db, context, 'EXIT');
    return destinationsLayout(context.periods, records);
  },
};
