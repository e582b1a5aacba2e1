import type { DashboardViewName } from '@polku/contracts';
import { monthsAfter } from './oracle-dates';
import type { OracleFact } from './oracle-fact';
import { openPaths } from './oracle-open-paths';
import { linkGroup, shaped, withSubtotals, type Shape } from './oracle-shapes';
import {
  countInto,
  periodsOf,
  selected,
  type ExpectedRow,
  type ExpectedTable,
  type OracleRequest,
} from './oracle-table';

/** Every row's share is of the total row. */
const toTotal = () => 'total';

/** A group's members' shares are of its subtotal; the subtotal has none. */
const toGroup = (id: string) =>
  id.endsWith('|TOTAL') ? undefined : `${id.slice(0, id.indexOf('|'))}|TOTAL`;

/** Members of their group's subtotal, subtotals (and the total row) of the total. */
const groupThenTotal = (id: string) =>
  id === 'total' || id.endsWith('|TOTAL') ? 'total' : toGroup(id);

/** How each view's rows are made of its facts (docs/dashboards.md). */
const SHAPES: Partial<Record<DashboardViewName, Shape>> = {
  destinations: {
    kinds: ['EXIT'],
    rowOf: (fact) => `${fact.detail}|${fact.category}`,
    periods: true,
    subtotals: true,
    total: true,
    shareOf: toTotal,
  },
  'follow-up-status': {
    kinds: ['FOLLOW_UP_STATUS'],
    rowOf: (fact) => `${fact.detail}|${fact.category}`,
    periods: true,
    subtotals: true,
    total: false,
    shareOf: toGroup,
  },
  'sustained-exits': {
    kinds: ['SUSTAINED_EXIT'],
    rowOf: (fact) => `|${fact.category}`,
    periods: true,
    subtotals: false,
    total: true,
    shareOf: toTotal,
  },
  flows: {
    kinds: ['LINK'],
    rowOf: (fact) => `${linkGroup(fact.category)}|${fact.category}`,
    periods: false,
    subtotals: false,
    total: false,
  },
  'time-in-step': {
    kinds: ['STATE_TIME'],
    rowOf: (fact) => `|${fact.category}`,
    periods: false,
    subtotals: false,
    total: false,
  },
  waiting: {
    kinds: ['WAIT', 'ANSWER_DELAY'],
    rowOf: (fact) =>
      fact.kind === 'WAIT' ? `WAIT|${fact.category}` : `${fact.category}_ANSWER|${fact.detail}`,
    periods: false,
    subtotals: true,
    total: false,
  },
  'decline-reasons': {
    kinds: ['DECLINE'],
    rowOf: (fact) => fact.category.replace(':', '|'),
    periods: true,
    subtotals: true,
    total: true,
    shareOf: groupThenTotal,
  },
  'overdue-trends': {
    kinds: ['OVERDUE'],
    rowOf: (fact) => `${fact.category.split(':')[0]}|${fact.category}`,
    periods: true,
    subtotals: false,
    total: true,
  },
  'follow-ups': {
    kinds: ['FOLLOW_UP'],
    rowOf: (fact) => `|${fact.category}`,
    periods: true,
    subtotals: false,
    total: true,
    shareOf: toTotal,
  },
  fragmentation: {
    kinds: ['PLANS', 'ORGANISATIONS'],
    rowOf: (fact) => `${fact.kind}|${fact.category}`,
    periods: false,
    subtotals: true,
    total: false,
    shareOf: toGroup,
  },
  'goal-attainment': {
    kinds: ['GAS'],
    rowOf: (fact) => `|${fact.category}`,
    periods: false,
    subtotals: false,
    total: true,
    shareOf: toTotal,
  },
};

/**
 * re-entry: exits per period, and among the exits at least 6 (12) months before today those the
 * client came back from within 6 (12) months; the returns per period by loop count.
 */
function reentry(facts: readonly OracleFact[], request: OracleRequest): ExpectedTable {
  const periods = periodsOf(request);
  const old6 = monthsAfter(request.today, -6);
  const old12 = monthsAfter(request.today, -12);
  const rows = new Map<string, ExpectedRow>();
  const count = (kind: string, rowOf: (fact: OracleFact) => string | undefined) =>
    countInto(rows, periods, request.period, selected(facts, request, [kind]), rowOf);
  count('EXIT', () => 'REENTRY|EXITS');
  count('EXIT', (fact) => (fact.date <= old6 ? 'REENTRY|EXITS_6_MONTHS_AGO' : undefined));
  count('EXIT', (fact) => (fact.date <= old12 ? 'REENTRY|EXITS_12_MONTHS_AGO' : undefined));
  count('REENTRY', (fact) =>
    fact.category === 'WITHIN_6' && fact.date <= old6
      ? 'REENTRY|REENTERED_WITHIN_6_MONTHS'
      : undefined,
  );
  count('REENTRY', (fact) =>
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
  const shareOf = (id: string) =>
    id === 'REENTRY|REENTERED_WITHIN_6_MONTHS'
      ? 'REENTRY|EXITS_6_MONTHS_AGO'
      : id === 'REENTRY|REENTERED_WITHIN_12_MONTHS'
        ? 'REENTRY|EXITS_12_MONTHS_AGO'
        : id.startsWith('LOOP|') && id !== 'LOOP|TOTAL'
          ? 'LOOP|TOTAL'
          : undefined;
  return { periods, rows: new Map([...rows, ...loops]), shareOf };
}

/** What the oracle expects of a view under a request. */
export function expectedView(
  view: DashboardViewName,
  facts: readonly OracleFact[],
  request: OracleRequest,
): ExpectedTable {
  if (view === 're-entry') {
    return reentry(facts, request);
  }
  if (view === 'open-paths') {
    return openPaths(facts, request);
  }
  const shape = SHAPES[view];
  if (shape === undefined) {
    throw new Error(`the oracle has no shape for ${view}`);
  }
  return shaped(facts, request, shape);
}
