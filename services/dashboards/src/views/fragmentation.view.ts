import type { DashboardView } from './dashboard-view';
import type { Layout } from './layout';
import { figuresPerCategory, type CategoryFigures } from './category-figures';
import { orderedKeys, withGroupTotals } from './row-helpers';

/** The rows of each group: plans per client, organisations per client. */
export const FRAGMENTATION_COUNTS: Readonly<Record<string, readonly string[]>> = {
  PLANS: ['1', '2', '3', '4+'],
  ORGANISATIONS: ['1', '2', '3', '4', '5', '6+'],
};

/**
 * fragmentation: the paths referred in the range (PLANS and ORGANISATIONS facts, one of each per
 * path, on the referral day) by how many plans they have and how many organisations have been
 * a party to them, each a group with its subtotal and every row's share of it.
 */
export function fragmentationLayout(figures: readonly CategoryFigures[]): Layout {
  const count = new Map(figures.map((figure) => [`${figure.kind}|${figure.category}`, figure.n]));
  const groups = orderedKeys(
    Object.keys(FRAGMENTATION_COUNTS),
    figures.map((figure) => figure.kind),
    true,
  ).map((kind) => ({
    group: kind,
    rows: orderedKeys(
      FRAGMENTATION_COUNTS[kind] ?? [],
      figures.filter((figure) => figure.kind === kind).map((figure) => figure.category),
      true,
    ).map((category) => ({ key: category, counts: [count.get(`${kind}|${category}`) ?? 0] })),
  }));
  const { rows, sums } = withGroupTotals(groups, 1);
  return { periods: [], extras: ['SHARE'], rows, sums };
}

export const fragmentationView: DashboardView = {
  name: 'fragmentation',
  async read(db, context) {
    return fragmentationLayout(
      await figuresPerCategory(db, context, ['PLANS', 'ORGANISATIONS'], { percentiles: false }),
    );
  },
};
