import { addBusinessDays, addCalendarDays, type IsoDate } from '@polku/timers';
import type { DecisionDraft } from './decision-draft';
import { lateFrom } from './path-dates';
import {
  ESCALATION_LEVELS,
  type EscalationLevel,
  type NextStep,
  type NextStepKind,
  type PathState,
  type PathStateName,
} from './path-state';
import { LADDER_TIMER_KINDS, timerKey, type TimerSpec } from './path-timers';

// The next step and its escalation ladder. Handlers say which step comes next; settleNextStep()
// then applies what holds for every decision: a provider whose funding ends rehomes the path
// first, a step that changed starts a new ladder, and a paused path runs only its step's ladder.

/** A new step, not escalated yet. */
export function step(kind: NextStepKind, dueDate: IsoDate): NextStep {
  return { kind, dueDate, level: 'WORKER' };
}

export function inBusinessDays(draft: DecisionDraft, days: number): IsoDate {
  return addBusinessDays(draft.at, days);
}

/** States in which the path can be handed over, so a provider whose funding ends must do so. */
const REHOMING_STATES: readonly PathStateName[] = [
  'INTAKE',
  'PLANNING',
  'IN_MEASURE',
  'TRANSITION_PENDING',
  'UNCLEAR_PATH',
];

function applyFundingOverlay(draft: DecisionDraft): void {
  const { fundingEndsOn, pendingHandoff, state } = draft.state;
  // A pending hand-off already is the rehoming: its answer is the step to watch.
  if (fundingEndsOn === undefined || pendingHandoff !== null || !REHOMING_STATES.includes(state)) {
    return;
  }
  const rehomeBy = addCalendarDays(fundingEndsOn, -1);
  const current = draft.state.nextStep;
  if (state === 'UNCLEAR_PATH' && current !== null) {
    // An unclear path stays under review (invariant 4); the funding end only brings the review
    // forward, since the search must find a new home before the provider is gone.
    if (rehomeBy < current.dueDate) {
      draft.update({ nextStep: step('REVIEW_UNCLEAR_PATH', rehomeBy) });
    }
    return;
  }
  draft.update({ nextStep: step('REHOME_BEFORE_FUNDING_ENDS', rehomeBy) });
}

type Ladder = 'handoffAnswerOverdue' | 'nextStepOverdue' | 'unclearPathReviewDue';

/**
 * The ladder a step escalates on, or null when something else watches it. A paused path's
 * RESUME_MEASURE has one too: a pause with no end must still reach a person (syncSuspension).
 */
function ladderOf(state: PathState): Ladder | null {
  if (state.nextStep === null) {
    return null;
  }
  switch (state.nextStep.kind) {
    case 'AWAIT_HANDOFF_ANSWER':
      return 'handoffAnswerOverdue';
    case 'REVIEW_UNCLEAR_PATH':
      return 'unclearPathReviewDue';
    // Follow-ups escalate by FollowUpDue and FollowUpMissed, never twice.
    case 'FOLLOW_UP':
      return null;
    default:
      return 'nextStepOverdue';
  }
}

export function ladderSpec(state: PathState, level: EscalationLevel): TimerSpec | null {
  const ladder = ladderOf(state);
  switch (ladder) {
    case null:
      return null;
    case 'handoffAnswerOverdue':
      return state.pendingHandoff === null
        ? null
        : { type: ladder, handoffId: state.pendingHandoff.handoffId, level };
    case 'nextStepOverdue':
      return { type: ladder, level };
    case 'unclearPathReviewDue':
      return { type: ladder, level };
  }
}

/** The day the ladder reaches `level`: the day after the due date, then a step of business days. */
export function rungDate(draft: DecisionDraft, dueDate: IsoDate, level: EscalationLevel): IsoDate {
  const rung = ESCALATION_LEVELS.indexOf(level);
  return lateFrom(dueDate, rung * draft.policy.escalationStepBusinessDays);
}

/** Two steps are the same when nothing the ladder counts from changed. */
function sameStep(before: PathState, after: PathState): boolean {
  const a = before.nextStep;
  const b = after.nextStep;
  return (
    a !== null &&
    b !== null &&
    a.kind === b.kind &&
    a.dueDate === b.dueDate &&
    before.pendingHandoff?.handoffId === after.pendingHandoff?.handoffId &&
    before.pendingHandoff?.accepted === after.pendingHandoff?.accepted &&
    ladderOf(before) === ladderOf(after)
  );
}

function higher(a: EscalationLevel, b: EscalationLevel): EscalationLevel {
  return ESCALATION_LEVELS.indexOf(a) >= ESCALATION_LEVELS.indexOf(b) ? a : b;
}

function settleLadder(draft: DecisionDraft, before: PathState | undefined): void {
  const after = draft.state;
  if (before !== undefined && sameStep(before, after) && after.nextStep && before.nextStep) {
    // Changing the worker or recording a wait must not reset how far a late step has climbed.
    draft.update({
      nextStep: { ...after.nextStep, level: higher(before.nextStep.level, after.nextStep.level) },
    });
    return;
  }
  draft.cancelWhere((timer) => LADDER_TIMER_KINDS.includes(timer.kind));
  const spec = ladderSpec(after, 'WORKER');
  if (spec !== null && after.nextStep !== null) {
    draft.schedule(spec, rungDate(draft, after.nextStep.dueDate, 'WORKER'));
  }
}

/**
 * While a measure is paused every timer of the path stands still (docs/domain.md §4.7) but the
 * ladder of its step, RESUME_MEASURE: "resume or decide" escalates like any other late step, so
 * a pause without an end never leaves the path quiet (docs/transitions.md, Timers).
 */
function syncSuspension(draft: DecisionDraft): void {
  if (draft.state.state === 'PAUSED') {
    draft.suspendWhere((timer) => !LADDER_TIMER_KINDS.includes(timer.kind));
  } else {
    draft.resumeAll();
  }
}

export function settleNextStep(draft: DecisionDraft, before: PathState | undefined): void {
  applyFundingOverlay(draft);
  settleLadder(draft, before);
  syncSuspension(draft);
}

/**
 * A ladder timer fired: the step climbs to its level, and the next rung is scheduled unless this
 * was the manager's, after which the path counts as lost until someone acts.
 */
export function climb(draft: DecisionDraft, input: Extract<TimerSpec, { type: Ladder }>): void {
  const nextStep = draft.state.nextStep;
  const expected = ladderSpec(draft.state, input.level);
  // Only the current step's ladder may fire: any other one should have been cancelled with it.
  if (
    nextStep === null ||
    expected === null ||
    timerKey(draft.pathId, expected) !== timerKey(draft.pathId, input)
  ) {
    return draft.bug(`the ${input.type} timer at ${input.level} outlived its step`);
  }
  draft.update({ nextStep: { ...nextStep, level: input.level } });
  const rung = ESCALATION_LEVELS[ESCALATION_LEVELS.indexOf(input.level) + 1];
  const spec = rung === undefined ? null : ladderSpec(draft.state, rung);
  if (spec !== null && rung !== undefined) {
    draft.schedule(spec, rungDate(draft, nextStep.dueDate, rung));
  }
}
