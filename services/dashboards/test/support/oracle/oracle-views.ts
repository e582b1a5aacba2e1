import type { DashboardViewName } from '@polku/contracts';
import { monthsAfter } from './oracle-dates';
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

// What each view should show, computed from the oracle's facts by counting: the rows a view has
// (docs/dashboards.md), keyed `group|key` as the service's rows are.

const GROUP_TOTAL = 'TOTAL';

/** The subtotal rows of grouped rows (`group|TOTAL`), summing each group's members. */
function withSubtotals(periods: readonly string[], rows: Map<string, ExpectedRow>): void {
  const groups = new Map<string, ExpectedRow[]>();
  for (const [id, row] of rows) {
    const group = id.slice(0, id.indexOf('|'));
    groups.set(group, [...(groups.get(group) ?? []), row]);
  }
  for (const [group, members] of groups) {
    rows.set(`${group}|${GROUP_TOTAL}`, sumOf(periods, members));
  }
}

/** A time series of categories, optionally grouped, with its total row. */
function series(
  facts: readonly OracleFact[],
  request: OracleRequest,
  kind: string,
  rowOf: (fact: OracleFact) => string,
  grouped: boolean,
): ExpectedTable {
  const periods = periodsOf(request);
  const rows = new Map<string, ExpectedRow>();
  countInto(rows, periods, request.period, selected(facts, request, [kind]), rowOf);
  const total = sumOf(periods, rows.values());
  if (grouped) {
    withSubtotals(periods, rows);
  }
  return { periods, rows, total };
}

/** A distribution over the whole range: TOTAL and the days of each category's facts. */
function distribution(
  facts: readonly OracleFact[],
  request: OracleRequest,
  kind: string,
  rowOf: (fact: OracleFact) => string,
  withTotal: boolean,
): ExpectedTable {
  const rows = new Map<string, ExpectedRow>();
  countInto(rows, [], request.period, selected(facts, request, [kind]), rowOf);
  return { periods: [], rows, ...(withTotal ? { total: sumOf([], rows.values()) } : {}) };
}

/** re-entry: exits, re-entries among exits old enough to tell, and returns by loop count. */
function reentry(facts: readonly OracleFact[], request: OracleRequest): ExpectedTable {
  const periods = periodsOf(request);
  const old6 = monthsAfter(request.today, -6);
  const old12 = monthsAfter(request.today, -12);
  const rows = new Map<string, ExpectedRow>();
  const exits = selected(facts, request, ['EXIT']);
  const reentries = selected(facts, request, ['REENTRY']);
  countInto(rows, periods, request.period, exits, () => 'REENTRY|EXITS');
  countInto(rows, periods, request.period, exits, (fact) =>
    fact.date <= old6 ? 'REENTRY|EXITS_6_MONTHS_AGO' : undefined,
  );
  countInto(rows, periods, request.period, exits, (fact) =>
    fact.date <= old12 ? 'REENTRY|EXITS_12_MONTHS_AGO' : undefined,
  );
  countInto(rows, periods, request.period, reentries, (fact) =>
    fact.category === 'WITHIN_6' && fact.date <= old6
      ? 'REENTRY|REENTERED_WITHIN_6_MONTHS'
      : undefined,
  );
  countInto(rows, periods, request.period, reentries, (fact) =>
    fact.category !== 'LATER' && fact.date <= old12
      ? 'REENTRY|REENTERED_WITHIN_12_MONTHS'
      : undefined,
  );
  const loops = new Map<string, ExpectedRow>();
  countInto(
    loops,
    periods,
    request.period,
    selected(facts, request, ['LOOP']),
    (fact) => `LOOP|${fact.category}`,
  );
  withSubtotals(periods, loops);
  for (const [id, row] of loops) {
    rows.set(id, row);
  }
  return { periods, rows };
}

/** The views the oracle checks, each from its facts. */
export const ORACLE_VIEWS: Partial<
  Record<DashboardViewName, (facts: readonly OracleFact[], request: OracleRequest) => ExpectedTable>
> = {
  destinations: (facts, request) =>
    series(facts, request, 'EXIT', (fact) => `${fact.detail}|${fact.category}`, true),
  flows: (facts, request) =>
    distribution(
      facts,
      request,
      'LINK',
      (fact) => {
        const [from, to] = fact.category.split('>');
        return `${from.split(':')[0]}>${to.split(':')[0]}|${fact.category}`;
      },
      false,
    ),
  'follow-ups': (facts, request) =>
    series(facts, request, 'FOLLOW_UP', (fact) => `|${fact.category}`, false),
  'decline-reasons': (facts, request) =>
    series(facts, request, 'DECLINE', (fact) => fact.category.replace(':', '|'), true),
  're-entry': reentry,
  'goal-attainment': (facts, request) =>
    distribution(facts, request, 'GAS', (fact) => `|${fact.category}`, true),
  'time-in-step': (facts, request) =>
    distribution(facts, request, 'STATE_TIME', (fact) => `|${fact.category}`, false),
};
