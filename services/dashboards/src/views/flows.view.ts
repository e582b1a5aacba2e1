import type { DashboardView } from './dashboard-view';
import type { Layout } from './layout';
import { figuresPerCategory, type CategoryFigures } from './category-figures';

/** The steps of a path in their order; a measure or destination step carries its type after `:`. */
const STEP_ORDER = [
  'REFERRAL',
  'DECLINED',
  'INTAKE',
  'PLAN',
  'MEASURE_1',
  'MEASURE_2',
  'MEASURE_3',
  'DEST',
];

const kindOf = (step: string) => step.split(':')[0];
const rankOf = (step: string) => {
  const rank = STEP_ORDER.indexOf(kindOf(step));
  return rank < 0 ? STEP_ORDER.length : rank;
};

/** `PLAN>MEASURE_1:WORK_TRIAL` → its two steps. */
function stepsOf(category: string): { from: string; to: string } {
  const at = category.indexOf('>');
  return at < 0
    ? { from: category, to: '' }
    : { from: category.slice(0, at), to: category.slice(at + 1) };
}

/**
 * flows: the links between consecutive steps of paths (LINK facts, on the day the later step was
 * reached), the data of a Sankey diagram: how many paths took each link and the median days it
 * took. The group is the link's kind (`PLAN>MEASURE_1`). No total row: a path takes many links.
 * A path may take one link twice (two exits, measures of one type after the third), so a row is
 * hidden by its clients, not its facts.
 */
export function flowsLayout(figures: readonly CategoryFigures[]): Layout {
  const links = figures
    .map((figure) => ({ ...figure, category: figure.category!, ...stepsOf(figure.category!) }))
    .sort(
      (a, b) =>
        rankOf(a.from) - rankOf(b.from) ||
        rankOf(a.to) - rankOf(b.to) ||
        (a.category < b.category ? -1 : a.category > b.category ? 1 : 0),
    );
  return {
    periods: [],
    extras: ['MEDIAN_DAYS'],
    rows: links.map((link) => ({
      key: link.category,
      group: `${kindOf(link.from)}>${kindOf(link.to)}`,
      from: link.from,
      to: link.to,
      counts: [link.n],
      clients: [link.clients],
      medianDays: link.median_days,
    })),
    sums: [],
  };
}

export const flowsView: DashboardView = {
  name: 'flows',
  async read(db, context) {
    return flowsLayout(await figuresPerCategory(db, context, ['LINK'], { percentiles: true }));
  },
};
