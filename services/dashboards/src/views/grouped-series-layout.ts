import type { Layout } from './layout';
import type { PeriodCount } from './period-counts';
import { emptySeries, orderedKeys, seriesByKey, withGroupTotals } from './row-helpers';

/** How a view with groups of rows over periods reads its records and orders what it shows. */
export interface GroupedSeriesShape {
  /** The groups in the order they are shown; groups not listed follow, sorted. */
  readonly groupOrder: readonly string[];
  /** The rows of a group in the order they are shown; rows not listed follow, sorted. */
  readonly rowOrder: (group: string) => readonly string[];
  /** The group and row of a ROW record. */
  readonly placeOf: (record: PeriodCount) => { readonly group: string; readonly row: string };
  /** Whether a row shows its share of the total row (a group's subtotal always does). */
  readonly rowShares: boolean;
}

/**
 * The layout of a view counted by {@link countPerPeriod} with a group expression: a row per
 * group and category over the periods and a TOTAL, a subtotal per group, the total row of all
 * facts, and the SHARE column. Every whole comes from its own record, counted, not added: its
 * clients are counted apart (a client in two rows of a group is one client of it).
 */
export function groupedSeriesLayout(
  periods: readonly string[],
  records: readonly PeriodCount[],
  shape: GroupedSeriesShape,
): Layout {
  const width = periods.length + 1;
  const at = (level: PeriodCount['level']) => records.filter((record) => record.level === level);
  const periodOf = (record: PeriodCount) => record.period;
  const placed = at('ROW').map((record) => ({ ...record, place: shape.placeOf(record) }));
  const cells = seriesByKey(
    periods,
    placed,
    ({ place }) => `${place.group}|${place.row}`,
    periodOf,
  );
  const wholes = seriesByKey(periods, at('GROUP'), (record) => record.group!, periodOf);
  const all = seriesByKey(periods, at('ALL'), () => 'ALL', periodOf);
  const groups = orderedKeys(
    shape.groupOrder,
    placed.map(({ place }) => place.group),
    true,
  ).map((group) => ({
    group,
    rows: orderedKeys(
      shape.rowOrder(group),
      placed.filter(({ place }) => place.group === group).map(({ place }) => place.row),
      true,
    ).map((row) => ({
      key: row,
      ...(cells.get(`${group}|${row}`) ?? emptySeries(width)),
      ...(shape.rowShares ? { shareOf: 'total' as const } : {}),
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
