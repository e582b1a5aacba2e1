import type { DashboardView } from './dashboard-view';
import type { Layout } from './layout';
import { countPerPeriod, type PeriodCount } from './period-counts';
import { categorySeriesLayout } from './simple-series';

/** Whether an exit to work or studies held (docs/dashboards.md, "sustained-exits"). */
export const SUSTAINED_CATEGORIES = ['SUSTAINED', 'TRANSITIONAL', 'NOT_KNOWN'] as const;

/**
 * sustained-exits: exits to the labour market or to studies (SUSTAINED_EXIT facts, on the exit
 * date) by whether the follow-ups found the client still there, per period, with shares.
 */
export function sustainedExitsLayout(
  periods: readonly string[],
  records: readonly PeriodCount[],
): Layout {
  return categorySeriesLayout(periods, records, {
    known: SUSTAINED_CATEGORIES,
    allKnown: true,
    share: true,
  });
}

export const sustainedExitsView: DashboardView = {
  name: 'sustained-exits',
  async read(db, context) {
    const records = await countPerPeriod(db, context, 'SUSTAINED_EXIT');
    return sustainedExitsLayout(context.periods, records);
  },
};
