import { ESCALATION_LEVELS } from '@polku/contracts';
import type { DashboardView } from './dashboard-view';
import type { Layout } from './layout';
import { countPerPeriod, type PeriodCount } from './period-counts';
import { categorySeriesLayout } from './simple-series';

/** The escalation signals, in the order a manager reads them, each then by rung. */
export const OVERDUE_SIGNALS = [
  'HandoffEscalated',
  'NextStepOverdue',
  'ActionItemOverdue',
  'PlanReviewOverdue',
  'WaitExceeded',
  'FollowUpMissed',
] as const;

/** Every known category of an OVERDUE fact: a signal, or a signal and its rung. */
export const OVERDUE_CATEGORIES = OVERDUE_SIGNALS.flatMap((signal) => [
  signal,
  ...ESCALATION_LEVELS.map((level) => `${signal}:${level}`),
]);

/**
 * overdue-trends: the escalation signals raised in each period (OVERDUE facts, on the signal's
 * day), one row per signal and rung seen, the signal as the row's group.
 */
export function overdueTrendsLayout(
  periods: readonly string[],
  records: readonly PeriodCount[],
): Layout {
  return categorySeriesLayout(periods, records, {
    known: OVERDUE_CATEGORIES,
    allKnown: false,
    share: false,
    groupOf: (category) => category.split(':')[0],
  });
}

export const overdueTrendsView: DashboardView = {
  name: 'overdue-trends',
  async read(db, context) {
    const records = await countPerPeriod(db, context, 'OVERDUE');
    return overdueTrendsLayout(context.periods, records);
  },
};
