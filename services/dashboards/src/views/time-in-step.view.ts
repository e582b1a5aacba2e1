import { PATH_STATES } from '@polku/contracts';
import type { DashboardView } from './dashboard-view';
import type { Layout } from './layout';
import { figuresPerCategory, type CategoryFigures } from './category-figures';
import { orderedKeys } from './row-helpers';

/** The states a path stays in for a while (CLOSED and REENTERED are ends, not stays). */
export const STAYING_STATES = PATH_STATES.filter(
  (state) => state !== 'CLOSED' && state !== 'REENTERED',
);

/**
 * time-in-step: the completed stays in each path state (STATE_TIME facts, on the day the state
 * was left), how many (a path paused twice has two stays: each row is hidden by its clients),
 * and their median and 90th percentile in days. No total row: medians of
 * different states do not add up.
 */
export function timeInStepLayout(figures: readonly CategoryFigures[]): Layout {
  const byState = new Map(figures.map((figure) => [figure.category!, figure]));
  return {
    periods: [],
    extras: ['MEDIAN_DAYS', 'P90_DAYS'],
    rows: orderedKeys(STAYING_STATES, byState.keys(), true).map((state) => {
      const figure = byState.get(state);
      return {
        key: state,
        counts: [figure?.n ?? 0],
        clients: [figure?.clients ?? 0],
        medianDays: figure?.median_days ?? null,
        p90Days: figure?.p90_days ?? null,
      };
    }),
    sums: [],
  };
}

export const timeInStepView: DashboardView = {
  name: 'time-in-step',
  async read(db, context) {
    return timeInStepLayout(
      await figuresPerCategory(db, context, ['STATE_TIME'], { percentiles: true }),
    );
  },
};
