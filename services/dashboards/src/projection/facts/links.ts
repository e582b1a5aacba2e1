import type { IsoDate } from '@polku/timers';
import type { Occurrence, PathHistory } from '../fold/path-history';
import type { FactDraft } from './fact-row';
import { actingOrg, daysFrom } from './path-orgs';

/** A step of the path as a node of the flows: its name, stage, day and who reached it. */
interface StepNode {
  readonly node: string;
  /** Breaks ties of one day: the order the steps of a path normally come in. */
  readonly stage: number;
  readonly date: IsoDate;
  readonly orgId: string;
  /** 1, 2, 3 for a measure node (3: the third and every later one), else 0. */
  readonly measureRank: number;
}

/** The earliest of some occurrences in time (then by event id). */
function earliest<T extends Occurrence>(occurrences: readonly T[]): T | undefined {
  let first: T | undefined;
  for (const occurrence of occurrences) {
    const before =
      first === undefined ||
      Date.parse(occurrence.at) < Date.parse(first.at) ||
      (occurrence.at === first.at && occurrence.eventId < first.eventId);
    if (before) {
      first = occurrence;
    }
  }
  return first;
}

/** A step before numbering: a measure keeps its type. */
type Reached = StepNode & { readonly measureType?: string };

/** Every step the path has reached, unnumbered, in day order. */
function stepsOf(history: PathHistory): Reached[] {
  const step = (
    occurrence: Occurrence,
    node: string,
    stage: number,
    more: Partial<Reached> = {},
  ): Reached => ({
    node,
    stage,
    date: occurrence.day,
    orgId: actingOrg(history, occurrence),
    measureRank: 0,
    ...more,
  });
  const steps: Reached[] = [];
  if (history.referral !== undefined) {
    steps.push(step(history.referral, 'REFERRAL', 0));
  }
  const firstDecline = earliest(
    history.referrals.flatMap(({ answer }) =>
      answer === undefined || answer.accepted ? [] : [answer],
    ),
  );
  if (firstDecline !== undefined) {
    steps.push(step(firstDecline, 'DECLINED', 1, { orgId: firstDecline.byOrgId }));
  }
  if (history.intakes[0] !== undefined) {
    steps.push(step(history.intakes[0], 'INTAKE', 2));
  }
  if (history.firstPlan !== undefined) {
    steps.push(step(history.firstPlan, 'PLAN', 3));
  }
  for (const measure of history.measures) {
    const more = { date: measure.startDate, measureType: measure.measureType };
    steps.push(step(measure, 'MEASURE', 4, more));
  }
  for (const exit of history.exits) {
    steps.push(step(exit, `DEST:${exit.category}`, 5, { date: exit.exitDate }));
  }
  // A stable sort: measures keep their start-date order, exits theirs.
  return steps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.stage - b.stage));
}

/**
 * The path's nodes: measures numbered in order, the third and every later measure one node
 * MEASURE_3 (a run of them is not linked to itself).
 */
function nodesOf(history: PathHistory): StepNode[] {
  const nodes: StepNode[] = [];
  let measures = 0;
  for (const step of stepsOf(history)) {
    if (step.measureType === undefined) {
      nodes.push(step);
      continue;
    }
    measures += 1;
    const rank = Math.min(measures, 3);
    if (rank === 3 && nodes.at(-1)?.measureRank === 3) {
      continue;
    }
    nodes.push({ ...step, node: `MEASURE_${rank}:${step.measureType}`, measureRank: rank });
  }
  return nodes;
}

/**
 * LINK: the flows between the path's steps (referral, decline, intake, plan, measures, exit
 * destination), one per consecutive pair of steps reached, on the day the second was reached,
 * of the organisation that reached it, with the days between them. Category `<from>><to>`,
 * detail `<from>`.
 */
export function linkFacts(history: PathHistory): FactDraft[] {
  const nodes = nodesOf(history);
  const facts: FactDraft[] = [];
  for (let index = 1; index < nodes.length; index += 1) {
    const from = nodes[index - 1];
    const to = nodes[index];
    if (from.node === to.node) {
      continue;
    }
    facts.push({
      key: `LINK:${facts.length + 1}`,
      kind: 'LINK',
      factDate: to.date,
      orgId: to.orgId,
      category: `${from.node}>${to.node}`,
      detail: from.node,
      days: daysFrom(from.date, to.date),
    });
  }
  return facts;
}
