import { daysFrom } from './oracle-dates';
import type { OracleFact } from './oracle-fact';
import { selected, type ExpectedRow, type ExpectedTable, type OracleRequest } from './oracle-table';

/** How long an unclear path has been unclear: the open-paths view's rows. */
function unclearAge(days: number): string {
  return days < 30
    ? 'DAYS_0_29'
    : days < 90
      ? 'DAYS_30_89'
      : days < 180
        ? 'DAYS_90_179'
        : 'DAYS_180_OR_MORE';
}

/** The row of a NOW_ fact under open-paths, `group|key`, as of `today`. */
function rowOf(fact: OracleFact, today: string): string {
  switch (fact.kind) {
    case 'NOW_OPEN':
      return `OPEN|${fact.category}`;
    case 'NOW_UNCLEAR':
      return `UNCLEAR|${unclearAge(daysFrom(fact.date, today))}`;
    case 'NOW_HANDOFF':
      return `HANDOFF|${
        fact.detail === 'ESCALATED'
          ? 'ESCALATED'
          : fact.due !== undefined && fact.due < today
            ? 'OVERDUE'
            : 'ON_TIME'
      }`;
    default:
      return 'LOST|TOTAL';
  }
}

/**
 * open-paths: the paths as they stand today, whatever the range: by state, unclear by age,
 * pending hand-offs by standing, lost; each group's subtotal counts its paths once (a hand-off
 * has a row for each of its two organisations). The days are ages up to today.
 */
export function openPaths(facts: readonly OracleFact[], request: OracleRequest): ExpectedTable {
  const now = selected(facts, request, ['NOW_OPEN', 'NOW_UNCLEAR', 'NOW_HANDOFF', 'NOW_LOST'], {
    dated: false,
  });
  // Each path once per row: its two hand-off rows are one hand-off.
  const members = new Map<string, Map<string, number>>();
  const groups = new Map<string, Map<string, number>>();
  for (const fact of now) {
    const id = rowOf(fact, request.today);
    const age = daysFrom(fact.date, request.today);
    const row = members.get(id) ?? new Map<string, number>();
    row.set(fact.pathId, age);
    members.set(id, row);
    const group = `${id.split('|')[0]}|TOTAL`;
    const whole = groups.get(group) ?? new Map<string, number>();
    whole.set(fact.pathId, age);
    groups.set(group, whole);
  }
  const rows = new Map<string, ExpectedRow>();
  for (const [id, paths] of [...members, ...groups]) {
    rows.set(id, {
      counts: [paths.size],
      paths: [new Set(paths.keys())],
      days: [...paths.values()],
    });
  }
  return { periods: [], rows };
}
