import { isFinal, type PathState } from './path-state';

// "Lost paths" (docs/domain.md §4.8): zero in a healthy system, a view for team leads and
// managers, a metric. The same rules, as SQL, make the dashboard query.

export const LOST_REASONS = [
  'NO_OWNER',
  'NO_NEXT_STEP',
  'FOLLOW_UP_MISSED',
  'NEXT_STEP_OVERDUE_AT_MANAGER',
] as const;

export type LostReason = (typeof LOST_REASONS)[number];

/** Why the path counts as lost; empty when it does not. */
export function lostReasons(state: PathState): LostReason[] {
  if (isFinal(state.state)) {
    return [];
  }
  const reasons: LostReason[] = [];
  if (!state.accountable?.orgId || !state.accountable.workerId) {
    reasons.push('NO_OWNER');
  }
  if (state.nextStep === null) {
    reasons.push('NO_NEXT_STEP');
  }
  if (state.followUps.some((followUp) => followUp.status === 'MISSED')) {
    reasons.push('FOLLOW_UP_MISSED');
  }
  // At the top of the ladder nobody is left to escalate to: only a person acting helps. The
  // ladder reaches the manager only after the step is overdue, and a new step starts again at
  // the worker, so the level alone says it (the timer that escalated is the clock).
  if (state.nextStep?.level === 'MANAGER') {
    reasons.push('NEXT_STEP_OVERDUE_AT_MANAGER');
  }
  return reasons;
}
