import type { Layout, LayoutRow } from './layout';
import type { PeriodCount } from './period-counts';
import { emptySeries, orderedKeys, seriesByKey } from './row-helpers';

/**
 * A time series of one kind's categories with a total row: the rows in a known order (every
 * known one, or those seen), each with its share of the total when `share` is set. The total row
 * is counted, not added, since a client may be in several rows.
 */
export function categorySeriesLayout(
  periods: readonly string[],
  records: readonly PeriodCount[],
  options: {
    readonly known: readonly string[];
    readonly allKnown: boolean;
    readonly share: boolean;
    readonly groupOf?: (category: string) => string;
  },
): Layout {
  const width = periods.length + 1;
  const rowsSeen = records.filter((record) => record.level === 'ROW');
  const cells = seriesByKey(
    periods,
    rowsSeen,
    (record) => record.category!,
    (record) => record.period,
  );
  const all = seriesByKey(
    periods,
    records.filter((record) => record.level === 'ALL'),
    () => 'ALL',
    (record) => record.period,
  );
  const keys = orderedKeys(
    options.known,
    rowsSeen.map((record) => record.category!),
    options.allKnown,
  );
  const rows: LayoutRow[] = keys.map((key) => ({
    key,
    ...(options.groupOf === undefined ? {} : { group: options.groupOf(key) }),
    ...(cells.get(key) ?? emptySeries(width)),
    ...(options.share ? { shareOf: 'total' as const } : {}),
  }));
  return {
    periods,
    extras: options.share ? ['SHARE'] : [],
    rows,
    total: {
      key: 'TOTAL',
      ...(all.get('ALL') ?? emptySeries(width)),
      ...(options.share ? { shareOf: 'total' as const } : {}),
    },
    sums: [{ total: 'total', members: rows.map((_, r) => r) }],
  };
}
