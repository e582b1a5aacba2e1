import type { DashboardView } from './dashboard-view';
import type { Layout } from './layout';
import { countPerPeriod, type PeriodCount } from './period-counts';
import { categorySeriesLayout } from './simple-series';

/** What became of a scheduled follow-up. */
export const FOLLOW_UP_OUTCOMES = ['DONE', 'MISSED', 'OPEN'] as const;

/**
 * follow-ups: the follow-ups due in each period (FOLLOW_UP facts, on the due date): done,
 * missed, or still open, with shares.
 */
export function followUpsLayout(
  periods: readonly string[],
  records: readonly PeriodCount[],
): Layout {
  return categorySeriesLayout(periods, records, {
    known: FOLLOW_UP_OUTCOMES,
    allKnown: true,
    share: true,
  });
}

export const followUpsView: DashboardView = {
  name: 'follow-ups',
  async read(db, context) {
    const records = await countPerPeriod(db, context, 'FOLLOW_UP');
    return followUpsLayout(context.periods, records);
  },
};
