import {
  DESTINATION_CATEGORIES_BY_GROUP,
  DESTINATION_GROUPS,
  type DestinationGroup,
} from '@polku/contracts';
import type { DashboardView } from './dashboard-view';
import type { SqlParams } from './fact-sql';
import type { Layout } from './layout';
import { countPerPeriod, type PeriodCount } from './period-counts';
import { emptySeries, orderedKeys, seriesByKey, withGroupTotals } from './row-helpers';

const KNOWN_CATEGORIES: Readonly<Record<string, readonly string[]>> =
  DESTINATION_CATEGORIES_BY_GROUP;

/**
 * The Table 7 group of an EXIT fact in SQL: the group the contracts list its category in, else
 * the fact's own group (detail), which places a category the contracts do not list yet.
 */
export function destinationGroupSql(params: SqlParams): string {
  const known = DESTINATION_GROUPS.map(
    (group) =>
      `WHEN category = ANY(${params.add(KNOWN_CATEGORIES[group])}::text[]) THEN '${group}'`,
  );
  return `CASE ${known.join(' ')} ELSE coalesce(detail, 'UNKNOWN') END`;
}

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
  const width = periods.length + 1;
  const at = (level: PeriodCount['level']) => records.filter((record) => record.level === level);
  const rowsSeen = at('ROW');
  const cells = seriesByKey(
    periods,
    rowsSeen,
    (record) => `${record.group}|${record.category}`,
    (record) => record.period,
  );
  const wholes = seriesByKey(
    periods,
    at('GROUP'),
    (record) => record.group!,
    (record) => record.period,
  );
  const all = seriesByKey(
    periods,
    at('ALL'),
    () => 'ALL',
    (record) => record.period,
  );
  const groups = orderedKeys(
    DESTINATION_GROUPS,
    rowsSeen.map((record) => record.group!),
    true,
  ).map((group) => ({
    group,
    rows: orderedKeys(
      KNOWN_CATEGORIES[group as DestinationGroup] ?? [],
      rowsSeen.filter((record) => record.group === group).map((record) => record.category!),
      true,
    ).map((category) => ({
      key: category,
      ...(cells.get(`${group}|${category}`) ?? emptySeries(width)),
      shareOf: 'total' as const,
    })),
    subtotal: { ...(wholes.get(group) ?? emptySeries(width)), shareOf: 'total' as const },
  }));
  const { rows, subtotals, sums } = withGroupTotals(groups, width);
  return {
    periods,
    extras: ['SHARE'],
    rows,
    total: { key: 'TOTAL', ...(all.get('ALL') ?? emptySeries(width)), shareOf: 'total' },
    sums: [...sums, { total: 'total', members: subtotals }],
  };
}

export const destinationsView: DashboardView = {
  name: 'destinations',
  async read(db, context) {
    const records = await countPerPeriod(db, context, 'EXIT', {
      byDetail: false,
      groupBy: destinationGroupSql,
    });
    return destinationsLayout(context.periods, records);
  },
};
