import {
  HANDOFF_DECLINE_REASON_CATEGORIES,
  REFERRAL_DECLINE_REASON_CATEGORIES,
} from '@polku/contracts';
import type { DashboardView } from './dashboard-view';
import type { Layout } from './layout';
import { countPerPeriod, type PeriodCount } from './period-counts';
import { groupedSeriesLayout } from './grouped-series-layout';

const REASONS: Readonly<Record<string, readonly string[]>> = {
  REFERRAL: REFERRAL_DECLINE_REASON_CATEGORIES,
  HANDOFF: HANDOFF_DECLINE_REASON_CATEGORIES,
};

/** `REFERRAL:NO_CAPACITY` → what was declined and why. */
function split(category: string): { declined: string; reason: string } {
  const at = category.indexOf(':');
  return at < 0
    ? { declined: category, reason: 'UNKNOWN' }
    : { declined: category.slice(0, at), reason: category.slice(at + 1) };
}

/**
 * decline-reasons: declined referrals and hand-offs per reason and period (DECLINE facts, on the
 * decline's day), a group each with its subtotal and each reason's share of it; the total row
 * counts both. A client may be declined several times, so wholes count clients, not add them.
 */
export function declineReasonsLayout(
  periods: readonly string[],
  records: readonly PeriodCount[],
): Layout {
  return groupedSeriesLayout(periods, records, {
    groupOrder: Object.keys(REASONS),
    rowOrder: (declined) => REASONS[declined] ?? [],
    placeOf: (record) => {
      const { declined, reason } = split(record.category!);
      return { group: declined, row: reason };
    },
    rowShares: false,
  });
}

export const declineReasonsView: DashboardView = {
  name: 'decline-reasons',
  async read(db, context) {
    const records = await countPerPeriod(db, context, 'DECLINE');
    return declineReasonsLayout(context.periods, records);
  },
};
