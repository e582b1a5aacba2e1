import { addCalendarDays, calendarDaysBetween } from '@polku/timers';
import type { DecisionDraft } from '../decision-draft';
import { conflict, firstRefusal, type Refusal } from '../path-decision';
import { dateFromToday, onlyIn, requiredText } from '../path-guards';
import type { PathInputOf } from '../path-inputs';
import { PATH_TIMER_KINDS } from '../path-timers';
import { inBusinessDays, step } from '../next-step';

// Measures (events of activation-plans). Any party may report them: the provider running the
// measure need not be the accountable organisation.

function sameMeasure(draft: DecisionDraft, measureId: string): Refusal | null {
  const measure = draft.state.activeMeasure;
  if (measure === null) {
    return conflict('The path has no measure running.');
  }
  return measure.measureId === measureId
    ? null
    : conflict(`The measure running on this path is ${measure.measureId}, not ${measureId}.`);
}

export function startMeasure(
  draft: DecisionDraft,
  input: PathInputOf<'measureStarted'>,
): Refusal | null {
  const refusal = firstRefusal(
    () => onlyIn(draft, ['PLANNING'], 'start a measure'),
    () => requiredText(input.measureId, 'measureId'),
    () => dateFromToday(draft, input.plannedEndDate, 'plannedEndDate'),
  );
  if (refusal) {
    return refusal;
  }
  draft.update({
    state: 'IN_MEASURE',
    activeMeasure: {
      measureId: input.measureId,
      plannedEndDate: input.plannedEndDate,
      paused: false,
    },
    nextStep: step('PLAN_NEXT_STEP', input.plannedEndDate),
  });
  // Reminders that the period is ending; those already past are left out.
  for (const daysBefore of draft.policy.measureEndingReminderDays) {
    const dueDate = addCalendarDays(input.plannedEndDate, -daysBefore);
    if (dueDate >= draft.at) {
      draft.schedule(
        { type: 'measureEndingSoon', measureId: input.measureId, daysBefore },
        dueDate,
      );
    }
  }
  return null;
}

export function pauseMeasure(
  draft: DecisionDraft,
  input: PathInputOf<'measurePaused'>,
): Refusal | null {
  const refusal = firstRefusal(
    () => onlyIn(draft, ['IN_MEASURE'], 'pause the measure'),
    () => sameMeasure(draft, input.measureId),
    () =>
      input.expectedResume === undefined
        ? null
        : dateFromToday(draft, input.expectedResume, 'expectedResume'),
  );
  const measure = draft.state.activeMeasure;
  if (refusal || measure === null) {
    return refusal;
  }
  draft.update({
    state: 'PAUSED',
    activeMeasure: {
      ...measure,
      paused: true,
      pausedOn: draft.at,
      ...(input.expectedResume === undefined ? {} : { expectedResume: input.expectedResume }),
    },
    nextStep: step(
      'RESUME_MEASURE',
      input.expectedResume ?? inBusinessDays(draft, draft.policy.resumeBusinessDays),
    ),
  });
  return null;
}

export function resumeMeasure(
  draft: DecisionDraft,
  input: PathInputOf<'measureResumed'>,
): Refusal | null {
  const refusal = firstRefusal(
    () => onlyIn(draft, ['PAUSED'], 'resume the measure'),
    () => sameMeasure(draft, input.measureId),
  );
  const measure = draft.state.activeMeasure;
  if (refusal || measure === null) {
    return refusal;
  }
  // The measure's timers stood still while paused, so its planned end moves with them.
  const pausedDays = Math.max(0, calendarDaysBetween(measure.pausedOn ?? draft.at, draft.at));
  const plannedEndDate = addCalendarDays(measure.plannedEndDate, pausedDays);
  draft.update({
    state: 'IN_MEASURE',
    activeMeasure: { measureId: measure.measureId, plannedEndDate, paused: false },
    nextStep: step('PLAN_NEXT_STEP', plannedEndDate),
  });
  return null;
}

export function endMeasure(
  draft: DecisionDraft,
  input: PathInputOf<'measureEnded'>,
): Refusal | null {
  const refusal = firstRefusal(
    () => onlyIn(draft, ['IN_MEASURE', 'PAUSED', 'TRANSITION_PENDING'], 'end a measure'),
    () => sameMeasure(draft, input.measureId),
  );
  if (refusal) {
    return refusal;
  }
  draft.cancelWhere(
    (timer) =>
      timer.kind === PATH_TIMER_KINDS.measureEndingSoon &&
      timer.payload.measureId === input.measureId,
  );
  draft.update({ activeMeasure: null });
  // With a hand-off already proposed, its answer stays the next step.
  if (draft.state.state !== 'TRANSITION_PENDING') {
    draft.update({
      state: 'TRANSITION_PENDING',
      nextStep: step(
        'DECIDE_NEXT_STEP',
        inBusinessDays(draft, draft.policy.decideNextStepBusinessDays),
      ),
    });
  }
  return null;
}

export function remindMeasureEnding(
  draft: DecisionDraft,
  input: PathInputOf<'measureEndingSoon'>,
): void {
  const measure = draft.state.activeMeasure;
  if (measure?.measureId !== input.measureId) {
    return draft.bug(`a reminder of the measure ${input.measureId} outlived it`);
  }
  draft.emit({
    name: 'MeasureEndingSoon',
    data: {
      measureId: measure.measureId,
      plannedEndDate: measure.plannedEndDate,
      daysBefore: input.daysBefore,
    },
  });
}
