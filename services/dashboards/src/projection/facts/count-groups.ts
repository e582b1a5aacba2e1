import { DESTINATION_CATEGORIES_BY_GROUP, DESTINATION_GROUPS } from '@polku/contracts';
import type { DashboardFactRow, FactKind } from './fact-row';

/** The kinds whose views show their rows in groups, each with the group's subtotal. */
const GROUPED_KINDS = ['EXIT', 'DECLINE', 'FOLLOW_UP_STATUS'] as const;

/** One of the kinds shown in groups. */
export type GroupedKind = (typeof GROUPED_KINDS)[number];

/** Whether a kind's views show its rows in groups. */
export function isGroupedKind(kind: FactKind): kind is GroupedKind {
  return (GROUPED_KINDS as readonly string[]).includes(kind);
}

const KNOWN_CATEGORIES: Readonly<Record<string, readonly string[]>> =
  DESTINATION_CATEGORIES_BY_GROUP;

/** The Table 7 group of each destination category the contracts list. */
const DESTINATION_GROUP_OF = new Map<string, string>(
  DESTINATION_GROUPS.flatMap((group) =>
    KNOWN_CATEGORIES[group].map((category) => [category, group] as const),
  ),
);

/**
 * The group a fact's row is shown in, by its kind: an exit's Table 7 group (the contracts'
 * group of its category, else the fact's own group, its detail, which places a category the
 * contracts do not list yet), a decline's party (what precedes the colon: REFERRAL or HANDOFF),
 * a follow-up status's months after the exit (its detail), a wait's or an answer delay's
 * category (what was waited for; a referral or a hand-off, whose rows are its answers); one
 * group, the kind, for the rest.
 *
 * The projection marks each fact with the day of its path's previous fact in the same row and
 * group (./client-marks.ts), so the groups and rows here and {@link countGroupSql} below, the
 * same rule in SQL for the views, must agree with the views' own: the property test
 * (services/dashboards/test/dashboard-figures-property.integration-spec.ts) counts every row's
 * and group's clients both ways.
 */
export function countGroupOf(fact: Pick<DashboardFactRow, 'kind' | 'category' | 'detail'>): string {
  switch (fact.kind) {
    case 'EXIT':
      return DESTINATION_GROUP_OF.get(fact.category) ?? fact.detail ?? 'UNKNOWN';
    case 'DECLINE':
      return fact.category.split(':')[0];
    case 'FOLLOW_UP_STATUS':
      return fact.detail ?? 'UNKNOWN';
    case 'WAIT':
    case 'ANSWER_DELAY':
      return fact.category;
    default:
      return '';
  }
}

/** The kinds whose rows are finer than their category: an answer delay's row is its answer. */
const ROW_BY_DETAIL: readonly FactKind[] = ['ANSWER_DELAY'];

/** The row a fact is counted in within its kind: its group and category, and detail for some. */
export function countRowOf(fact: Pick<DashboardFactRow, 'kind' | 'category' | 'detail'>): string {
  const row = `${countGroupOf(fact)}\u0000${fact.category}`;
  return ROW_BY_DETAIL.includes(fact.kind) ? `${row}\u0000${fact.detail ?? '\u0001'}` : row;
}

/** Whether a kind's row is its category alone (its group, if it has one, following from it). */
export function rowIsCategory(kind: FactKind): boolean {
  return !(['EXIT', 'FOLLOW_UP_STATUS', ...ROW_BY_DETAIL] as readonly FactKind[]).includes(kind);
}

/** {@link countGroupOf} as an SQL expression over dashboard_fact's columns, for a grouped kind. */
export function countGroupSql(kind: GroupedKind, params: { add(value: unknown): string }): string {
  switch (kind) {
    case 'EXIT': {
      const known = DESTINATION_GROUPS.map(
        (group) =>
          `WHEN category = ANY(${params.add(KNOWN_CATEGORIES[group])}::text[]) THEN '${group}'`,
      );
      return `CASE ${known.join(' ')} ELSE coalesce(detail, 'UNKNOWN') END`;
    }
    case 'DECLINE':
      return `split_part(category, ':', 1)`;
    case 'FOLLOW_UP_STATUS':
      return `coalesce(detail, 'UNKNOWN')`;
  }
}
