import { PLAN_PARTS, type PlanPart } from '@polku/contracts';
import {
  linkedPlanKey,
  type GasScaleLevels,
  type LinkedPlanEntry,
  type PlanContent,
  type PlanGoalEntry,
} from './plan-content';

/** How one item of a plan differs from the version before. */
export type PlanDiffChange = 'ADDED' | 'REMOVED' | 'CHANGED';

/** One line of a plan's history, readable as it is: `Party added: <orgId> (SOCIAL_SERVICES)`. */
export interface PlanDiffLine {
  readonly part: PlanPart;
  readonly change: PlanDiffChange;
  readonly text: string;
}

/** What differs between two versions: the parts that changed, and a line per difference. */
export interface PlanDiff {
  /** Each part once, in the order of PLAN_PARTS; what ActivationPlanRevised.changed names. */
  readonly changed: PlanPart[];
  readonly lines: PlanDiffLine[];
}

const quoted = (text: string) => `“${text}”`;

function sameGasScale(a: GasScaleLevels | null, b: GasScaleLevels | null): boolean {
  if (a === null || b === null) {
    return a === b;
  }
  return (
    a.levelMinus2 === b.levelMinus2 &&
    a.levelMinus1 === b.levelMinus1 &&
    a.level0 === b.level0 &&
    a.levelPlus1 === b.levelPlus1 &&
    a.levelPlus2 === b.levelPlus2
  );
}

function goalLines(previous: readonly PlanGoalEntry[], next: readonly PlanGoalEntry[]) {
  const lines: PlanDiffLine[] = [];
  const line = (change: PlanDiffChange, text: string) =>
    lines.push({ part: 'GOALS', change, text });
  const before = new Map(previous.map((goal) => [goal.goalId, goal]));
  const kept = new Set(next.map((goal) => goal.goalId));
  for (const goal of next) {
    const old = before.get(goal.goalId);
    if (old === undefined) {
      line('ADDED', `Goal added: ${quoted(goal.text)}${goal.gasScale ? ' with a GAS scale' : ''}`);
      continue;
    }
    if (old.text !== goal.text) {
      line('CHANGED', `Goal changed: ${quoted(old.text)} → ${quoted(goal.text)}`);
    }
    if (!sameGasScale(old.gasScale, goal.gasScale)) {
      const text =
        old.gasScale === null
          ? `GAS scale added to goal ${quoted(goal.text)}`
          : goal.gasScale === null
            ? `GAS scale removed from goal ${quoted(goal.text)}`
            : `GAS scale changed for goal ${quoted(goal.text)}`;
      line('CHANGED', text);
    }
  }
  for (const goal of previous) {
    if (!kept.has(goal.goalId)) {
      line('REMOVED', `Goal dropped: ${quoted(goal.text)}`);
    }
  }
  return lines;
}

const agreement = (agreed: boolean) => (agreed ? 'agreed' : 'not agreed');

function partyLines(previous: PlanContent | null, next: PlanContent) {
  const lines: PlanDiffLine[] = [];
  const line = (change: PlanDiffChange, text: string) =>
    lines.push({ part: 'PARTIES', change, text });
  const before = new Map((previous?.parties ?? []).map((party) => [party.orgId, party]));
  const after = new Set(next.parties.map((party) => party.orgId));
  for (const party of next.parties) {
    const old = before.get(party.orgId);
    if (old === undefined) {
      line('ADDED', `Party added: ${party.orgId} (${party.role})`);
    } else if (old.role !== party.role) {
      line('CHANGED', `Party role changed: ${party.orgId} from ${old.role} to ${party.role}`);
    }
  }
  for (const party of previous?.parties ?? []) {
    if (!after.has(party.orgId)) {
      line('REMOVED', `Party removed: ${party.orgId} (${party.role})`);
    }
  }
  // The client agrees the plan with its parties, so a change of the client's agreement is
  // reported under PARTIES (PLAN_PARTS has no part of its own for it); it keeps its own line.
  if (previous === null) {
    line('ADDED', `Client agreement: ${agreement(next.clientAgreed)}`);
  } else if (previous.clientAgreed !== next.clientAgreed) {
    line(
      'CHANGED',
      `Client agreement: ${agreement(previous.clientAgreed)} → ${agreement(next.clientAgreed)}`,
    );
  }
  return lines;
}

const holder = (plan: LinkedPlanEntry) => plan.heldByOrgId ?? 'no organisation in polku';

function linkedPlanLines(previous: readonly LinkedPlanEntry[], next: readonly LinkedPlanEntry[]) {
  const lines: PlanDiffLine[] = [];
  const line = (change: PlanDiffChange, text: string) =>
    lines.push({ part: 'LINKED_PLANS', change, text });
  const before = new Map(previous.map((plan) => [linkedPlanKey(plan), plan]));
  const after = new Set(next.map(linkedPlanKey));
  for (const plan of next) {
    const old = before.get(linkedPlanKey(plan));
    if (old === undefined) {
      line('ADDED', `Linked plan added: ${plan.kind} ${plan.reference}`);
    } else if (old.heldByOrgId !== plan.heldByOrgId) {
      line(
        'CHANGED',
        `Linked plan ${plan.kind} ${plan.reference} now held by ${holder(plan)} (was ${holder(old)})`,
      );
    }
  }
  for (const plan of previous) {
    if (!after.has(linkedPlanKey(plan))) {
      line('REMOVED', `Linked plan removed: ${plan.kind} ${plan.reference}`);
    }
  }
  return lines;
}

function reviewDateLines(previous: PlanContent | null, next: PlanContent): PlanDiffLine[] {
  if (previous === null) {
    return [{ part: 'REVIEW_DATE', change: 'ADDED', text: `Review date set: ${next.reviewDate}` }];
  }
  if (previous.reviewDate === next.reviewDate) {
    return [];
  }
  return [
    {
      part: 'REVIEW_DATE',
      change: 'CHANGED',
      text: `Review date moved from ${previous.reviewDate} to ${next.reviewDate}`,
    },
  ];
}

/**
 * What differs from `previous` to `next`, as the parts that changed and readable lines. With
 * no previous version (the agreement itself) everything in `next` is ADDED. Order does not
 * matter: parties, linked plans and goals are compared as sets, by organisation, by kind and
 * reference, and by goal id. Pure; the texts are English, as the rest of the API's messages.
 */
export function diffPlanContent(previous: PlanContent | null, next: PlanContent): PlanDiff {
  const lines = [
    ...goalLines(previous?.goals ?? [], next.goals),
    ...partyLines(previous, next),
    ...linkedPlanLines(previous?.linkedPlans ?? [], next.linkedPlans),
    ...reviewDateLines(previous, next),
  ];
  const parts = new Set(lines.map((line) => line.part));
  return { changed: PLAN_PARTS.filter((part) => parts.has(part)), lines };
}

/** The goals of `next` that are new or whose text or GAS scale changed: each gets a GoalSet. */
export function goalsSetAnew(
  previous: readonly PlanGoalEntry[],
  next: readonly PlanGoalEntry[],
): PlanGoalEntry[] {
  const before = new Map(previous.map((goal) => [goal.goalId, goal]));
  return next.filter((goal) => {
    const old = before.get(goal.goalId);
    return (
      old === undefined || old.text !== goal.text || !sameGasScale(old.gasScale, goal.gasScale)
    );
  });
}
