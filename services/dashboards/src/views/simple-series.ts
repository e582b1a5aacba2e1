import type { Layout, LayoutRow } from './layout';
import type { PeriodCount } from './period-counts';
import { countsByRow, orderedKeys, sumCounts } from './row-helpers';

/**
 * A time series of one kind's categories with a total row: the rows in a known order (every
 * known one, or those seen), each with its share of the total when `share` is set.
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
  const counts = countsByRow(
    periods,
    records,
    (record) => record.category,
    (record) => record.period,
    (record) => record.n,
  );
  const zeros = new Array<number>(width).fill(0);
  const keys = orderedKeys(
    options.known,
    records.map((record) => record.category),
    options.allKnown,
  );
  const rows: LayoutRow[] = keys.map((key) => ({
    key,
    ...(options.groupOf === undefined ? {} : { group: options.groupOf(key) }),
    counts: counts.get(key) ?? zeros,
    ...(options.share ? { shareOf: 'total' as const } : {}),
  }));
  return {
    periods,
    extras: options.share ? ['SHARE'] : [],
    rows,
    total: {
      key: 'TOTAL',
      counts: sumCounts(
        rows.map((row) => row.counts),
        width,
      ),
      ...(options.share ? { shareOf: 'total' as const } : {}),
    },
    sums: [{ total: 'total', members: rows.map((_, r) => r) }],
  };
}
