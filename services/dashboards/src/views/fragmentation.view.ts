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
  const byKey = new Map(
    figures.map((figure) => [`${figure.kind}|${figure.category ?? ''}`, figure]),
  );
  const series = (key: string) => {
    const figure = byKey.get(key);
    return { counts: [figure?.n ?? 0], clients: [figure?.clients ?? 0] };
  };
  const seen = figures.filter((figure) => figure.category !== null);
  const groups = orderedKeys(
    Object.keys(FRAGMENTATION_COUNTS),
    seen.map((figure) => figure.kind),
    true,
  ).map((kind) => ({
    group: kind,
    rows: orderedKeys(
      FRAGMENTATION_COUNTS[kind] ?? [],
      seen.filter((figure) => figure.kind === kind).map((figure) => figure.category!),
      true,
    ).map((category) => ({ key: category, ...series(`${kind}|${category}`) })),
    subtotal: series(`${kind}|`),
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
