import type { OracleFact } from './oracle-fact';
import {
  countInto,
  periodsOf,
  selected,
  sumOf,
  type ExpectedRow,
  type ExpectedTable,
  type OracleRequest,
} from './oracle-table';

// The shapes of the views, as docs/dashboards.md draws them: rows keyed `group|key`, a group's
// subtotal row `group|TOTAL`, a total row where the rows add up to a whole.

/** Adds the subtotal row of every group (`group|TOTAL`): its members summed. */
export function withSubtotals(periods: readonly string[], rows: Map<string, ExpectedRow>): void {
  const groups = new Map<string, ExpectedRow[]>();
  for (const [id, row] of rows) {
    const group = id.slice(0, id.indexOf('|'));
    groups.set(group, [...(groups.get(group) ?? []), row]);
  }
  for (const [group, members] of groups) {
    rows.set(`${group}|TOTAL`, sumOf(periods, members));
  }
}

/** How a view's rows are made from its facts. */
export interface Shape {
  readonly kinds: readonly string[];
  /** The row of a fact, `group|key`; undefined leaves it out. */
  readonly rowOf: (fact: OracleFact) => string | undefined;
  /** Per period (a time series), or over the whole range only (a distribution). */
  readonly periods: boolean;
  readonly subtotals: boolean;
  readonly total: boolean;
  /** Whose share a row's SHARE is (`total` or `group|TOTAL`); absent: the view has no shares. */
  readonly shareOf?: (id: string) => string | undefined;
}

/** The table a shape makes of the facts a request counts. */
export function shaped(
  facts: readonly OracleFact[],
  request: OracleRequest,
  shape: Shape,
): ExpectedTable {
  const periods = shape.periods ? periodsOf(request) : [];
  const rows = new Map<string, ExpectedRow>();
  countInto(rows, periods, request.period, selected(facts, request, shape.kinds), shape.rowOf);
  const total = sumOf(periods, rows.values());
  if (shape.subtotals) {
    withSubtotals(periods, rows);
  }
  return {
    periods: shape.periods ? periods : [],
    rows,
    ...(shape.total ? { total } : {}),
    ...(shape.shareOf === undefined ? {} : { shareOf: shape.shareOf }),
  };
}

/** `A:B>C:D` → `A>C`: the kind of a flows link, its row's group. */
export function linkGroup(category: string): string {
  const [from, to] = category.split('>');
  return `${from.split(':')[0]}>${to.split(':')[0]}`;
}
