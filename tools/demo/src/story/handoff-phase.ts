import type { HandoffRationaleCategory } from '@polku/contracts';
import { destination } from './destinations';
import { meeting } from './phases';
import type { StoryBuilder } from './story-builder';
import type { OrgKey } from './steps';

export interface HandoffPlan {
  readonly rationale: HandoffRationaleCategory;
  /** Probability that the receiver first declines for lack of places (then accepts later). */
  readonly declineChance: number;
  /** Probability of a transition meeting held for the hand-off. */
  readonly meetingChance: number;
  /** The goal the receiver adds when it revises the plan for the next step. */
  readonly newGoal: string;
}

/**
 * A hand-off to the next measure at another provider (docs/transitions.md, "Hand-offs"):
 * proposed within the 5 business days of DECIDE_NEXT_STEP, answered within the 10 business days
 * of the answer deadline, completed by the proposed date, and the plan revised by the receiver.
 */
export function handoff(b: StoryBuilder, from: OrgKey, to: OrgKey, plan: HandoffPlan): void {
  const propose = (): void => {
    b.step('proposeHandoff', from, {
      toOrg: to,
      destination: destination('ANOTHER_VTM_MEASURE'),
      rationale: plan.rationale,
      proposedInDays: b.random.int(24, 35),
    });
  };
  b.after(1, 4);
  propose();
  if (b.random.chance(plan.declineChance)) {
    b.after(2, 8).step('declineHandoff', to, {
      reason: b.random.weighted([
        ['NO_CAPACITY', 3],
        ['MISSING_FUNDING', 1],
      ]),
      alternative: 'LATER_START',
    });
    b.after(2, 5);
    propose();
  }
  b.after(2, 8).step('acceptHandoff', to, { startInDays: b.random.int(5, 12) });
  if (b.random.chance(plan.meetingChance)) {
    meeting(
      b,
      from,
      {
        meetingKind: 'TRANSITION_MEETING',
        orgs: [to],
        inDays: b.random.int(2, 5),
        forHandoff: true,
      },
      { decisions: ['TRANSITION_DECISION'], clientPresent: true },
    );
  }
  b.after(1, 4).step('completeHandoff', to, {});
  b.after(2, 8).step('revisePlan', to, {
    reason: 'TRANSITION',
    addParty: to,
    newGoal: plan.newGoal,
  });
}
