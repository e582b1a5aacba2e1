import { daysFrom, helsinkiDay } from './oracle-dates';
import type { BareFact } from './oracle-fact';
import { firstOf, ofType, type OracleEvent, type OraclePath } from './oracle-path';

interface Step {
  readonly node: string;
  readonly date: string;
  readonly org: string;
}

/** The path's steps in their order (COMMON brief, LINK), each with its day and organisation. */
function steps(path: OraclePath): Step[] {
  const found: Step[] = [];
  const add = (node: string, event: OracleEvent | undefined, date = event?.day) => {
    if (event !== undefined && date !== undefined) {
      found.push({ node, date, org: event.org });
    }
  };
  add('REFERRAL', firstOf(path, 'ClientReferred'));
  add('DECLINED', firstOf(path, 'ReferralDeclined'));
  add('INTAKE', firstOf(path, 'IntakeCompleted'));
  add('PLAN', firstOf(path, 'ActivationPlanAgreed'));
  const measures = ofType(path, 'MeasureStarted').sort((a, b) =>
    a.data.schedule.startDate < b.data.schedule.startDate ? -1 : 1,
  );
  // The third and later measures are one node: only the third makes one.
  measures.slice(0, 3).forEach((measure, index) => {
    add(
      `MEASURE_${index + 1}:${measure.data.measureType}`,
      measure,
      measure.data.schedule.startDate,
    );
  });
  for (const exit of ofType(path, 'ClientExited')) {
    add(`DEST:${exit.data.destination.category}`, exit, exit.data.exitDate);
  }
  // In day order; the steps of one day in the order above.
  return found
    .map((step, index) => ({ step, index }))
    .sort((a, b) =>
      a.step.date < b.step.date ? -1 : a.step.date > b.step.date ? 1 : a.index - b.index,
    )
    .map(({ step }) => step);
}

/** LINK: one per consecutive pair of steps reached, on the later step's day. */
export function linkFacts(path: OraclePath): BareFact[] {
  const reached = steps(path);
  return reached.slice(1).map((to, index) => {
    const from = reached[index];
    return {
      kind: 'LINK',
      date: to.date,
      org: to.org,
      category: `${from.node}>${to.node}`,
      detail: from.node,
      days: daysFrom(from.date, to.date),
    };
  });
}

/**
 * STATE_TIME: every completed stay in a state, from transitions' NextStepSet sequence in
 * pathVersion order: the days from the first NextStepSet in the state to the first in another,
 * counted on the day it was left, for the organisation accountable at the end of the stay.
 */
export function stateTimeFacts(path: OraclePath): BareFact[] {
  const sets = ofType(path, 'NextStepSet').sort((a, b) => a.data.pathVersion - b.data.pathVersion);
  const facts: BareFact[] = [];
  let entered: OracleEvent | undefined;
  let last: OracleEvent | undefined;
  for (const set of sets) {
    if (entered !== undefined && last !== undefined && set.data.state !== entered.data.state) {
      facts.push({
        kind: 'STATE_TIME',
        date: set.day,
        org: last.data.accountableOrgId,
        category: entered.data.state,
        days: daysFrom(entered.day, set.day),
      });
      entered = undefined;
    }
    entered ??= set;
    last = set;
  }
  return facts;
}

/** DECLINE: declined referrals and hand-offs by reason, on the day, for the declining org. */
export function declineFacts(path: OraclePath): BareFact[] {
  return [
    ...ofType(path, 'ReferralDeclined').map((event) => ({ event, prefix: 'REFERRAL' })),
    ...ofType(path, 'HandoffDeclined').map((event) => ({ event, prefix: 'HANDOFF' })),
  ].map(({ event, prefix }) => ({
    kind: 'DECLINE',
    date: event.day,
    org: event.org,
    category: `${prefix}:${event.data.reasonCategory}`,
  }));
}

/** GAS: each goal's latest progress with a GAS level, on the day it was assessed. */
export function gasFacts(path: OraclePath): BareFact[] {
  const latest = new Map<string, OracleEvent>();
  for (const event of ofType(path, 'GoalProgressRecorded')) {
    const before = latest.get(event.data.goalId);
    if (
      event.data.gasLevel !== undefined &&
      (before === undefined || event.data.recordedAt >= before.data.recordedAt)
    ) {
      latest.set(event.data.goalId, event);
    }
  }
  return [...latest.values()].map((event) => ({
    kind: 'GAS',
    date: helsinkiDay(event.data.recordedAt),
    org: event.org,
    category: event.data.gasLevel > 0 ? `+${event.data.gasLevel}` : String(event.data.gasLevel),
  }));
}
