import type { DashboardView } from './dashboard-view';
import type { Layout, LayoutRow } from './layout';
import { figuresPerCategory, type CategoryFigures } from './category-figures';
import { orderedKeys } from './row-helpers';

/** The levels of Goal Attainment Scaling, −2 (much less than expected) to +2 (much more). */
export const GAS_LEVELS = ['-2', '-1', '0', '+1', '+2'] as const;

/**
 * goal-attainment: goals by the GAS level of their latest assessment (GAS facts, on the day it
 * was recorded), all goals as the total row, each level's share. A client may have several goals: every count
 * is hidden by its clients, the total row's counted (docs/dashboards.md, "Suppression").
 */
export function goalAttainmentLayout(figures: readonly CategoryFigures[]): Layout {
  const byLevel = new Map(figures.map((figure) => [figure.category, figure]));
  const series = (level: string | null) => ({
    counts: [byLevel.get(level)?.n ?? 0],
    clients: [byLevel.get(level)?.clients ?? 0],
  });
  const levels = figures.flatMap((figure) => (figure.category === null ? [] : [figure.category]));
  const rows: LayoutRow[] = orderedKeys(GAS_LEVELS, levels, true).map((level) => ({
    key: level,
    ...series(level),
    shareOf: 'total',
  }));
  return {
    periods: [],
    extras: ['SHARE'],
    rows,
    total: {
      key: 'TOTAL',
      ...series(null),
      shareOf: 'total',
    },
    sums: [{ total: 'total', members: rows.map((_, r) => r) }],
  };
}

export const goalAttainmentView: DashboardView = {
  name: 'goal-attainment',
  async read(db, context) {
    return goalAttainmentLayout(
      await figuresPerCategory(db, context, ['GAS'], { percentiles: false }),
    );
  },
};
