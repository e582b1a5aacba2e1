import { randomUUID } from 'node:crypto';
import type { LinkedPlanKind, PlanContentInput, PlanPartyRole } from '@polku/contracts';
import { CommandValidationError } from '@polku/service-runtime';

/** An organisation that agreed the plan, with its role. */
export interface PlanPartyEntry {
  readonly orgId: string;
  readonly role: PlanPartyRole;
}

/** Another plan of the client, by reference only. */
export interface LinkedPlanEntry {
  readonly kind: LinkedPlanKind;
  readonly reference: string;
  readonly heldByOrgId: string | null;
}

/** What each of the five GAS levels −2…+2 looks like for a goal. */
export interface GasScaleLevels {
  readonly levelMinus2: string;
  readonly levelMinus1: string;
  readonly level0: string;
  readonly levelPlus1: string;
  readonly levelPlus2: string;
}

/** A goal of a plan version, in the client's own words. */
export interface PlanGoalEntry {
  readonly goalId: string;
  readonly text: string;
  readonly gasScale: GasScaleLevels | null;
}

/** One version of a plan, whole: what plan_version.content holds. */
export interface PlanContent {
  readonly parties: readonly PlanPartyEntry[];
  readonly clientAgreed: boolean;
  readonly linkedPlans: readonly LinkedPlanEntry[];
  /** `YYYY-MM-DD`. */
  readonly reviewDate: string;
  readonly goals: readonly PlanGoalEntry[];
}

/** A linked plan is one plan of one kind; the same reference twice is the same plan. */
export const linkedPlanKey = (plan: Pick<LinkedPlanEntry, 'kind' | 'reference'>) =>
  `${plan.kind}:${plan.reference}`;

function firstDuplicate(values: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) {
      return value;
    }
    seen.add(value);
  }
  return undefined;
}

/**
 * The rules a plan's content keeps beyond its fields: each organisation once, each linked plan
 * once, each existing goal once. Messages name organisations and kinds, never goal texts.
 */
export function assertPlanContentRules(input: PlanContentInput): void {
  const twiceNamed = firstDuplicate(input.parties.map((party) => party.orgId));
  if (twiceNamed !== undefined) {
    throw new CommandValidationError(
      `parties: organisation ${twiceNamed} is named twice; name each party once`,
    );
  }
  const twiceLinked = firstDuplicate(input.linkedPlans.map(linkedPlanKey));
  if (twiceLinked !== undefined) {
    throw new CommandValidationError(
      `linkedPlans: ${twiceLinked.replace(':', ' ')} is linked twice; link each plan once`,
    );
  }
  const twiceKept = firstDuplicate(
    input.goals.flatMap((goal) => (goal.goalId === undefined ? [] : [goal.goalId])),
  );
  if (twiceKept !== undefined) {
    throw new CommandValidationError(`goals: goal ${twiceKept} is listed twice`);
  }
}

/**
 * The content of a new plan version from the caller's input: goals without an id get a new one,
 * optional fields become explicit nulls, `reviewDate` is the date the caller of this function
 * decided (see review-date.ts) and `parties` carry their registry roles (plan-party-roles.ts).
 */
export function planContentOf(
  input: PlanContentInput,
  decided: { readonly reviewDate: string; readonly parties: readonly PlanPartyEntry[] },
): PlanContent {
  const { reviewDate } = decided;
  return {
    parties: decided.parties.map((party) => ({ orgId: party.orgId, role: party.role })),
    clientAgreed: input.clientAgreed,
    linkedPlans: input.linkedPlans.map((plan) => ({
      kind: plan.kind,
      reference: plan.reference,
      heldByOrgId: plan.heldByOrgId ?? null,
    })),
    reviewDate,
    goals: input.goals.map((goal) => ({
      goalId: goal.goalId ?? randomUUID(),
      text: goal.text,
      gasScale: goal.gasScale
        ? {
            levelMinus2: goal.gasScale.levelMinus2,
            levelMinus1: goal.gasScale.levelMinus1,
            level0: goal.gasScale.level0,
            levelPlus1: goal.gasScale.levelPlus1,
            levelPlus2: goal.gasScale.levelPlus2,
          }
        : null,
    })),
  };
}
