import { addCalendarDays, calendarDaysBetween } from '@polku/timers';
import type { DecisionDraft } from '../decision-draft';
import { laterOf } from '../path-dates';
import { early, firstRefusal, type Refusal } from '../path-decision';
import { requiredText, validDate } from '../path-guards';
import type { PathInputOf } from '../path-inputs';
import { isFinal, type ActiveMeasure } from '../path-state';
import { BEFORE_INTAKE_COMPLETED } from './decide-planning';
import { PATH_TIMER_KINDS } from '../path-timers';
import { inBusinessDays, step } from '../next-step';

// Measures (events of activation-plans). Any party may report them: the provider running the
// measure need not be the accountable organisation. activation-plans runs one measure of a path
// at a time and pauses, resumes and ends only its own running measure, so each of these facts
// either moves the path, is recorded on the measure it concerns (activeMeasure, in any state:
// a measure that started in a race with a hand-off or an exit still runs), or came before the
// fact it follows (docs/path-rules.md, "How transitions absorbs the events of other services").

function endedMeasures(draft: DecisionDraft): readonly string[] {
  return draft.state.endedMeasureIds ?? [];
}

/** Reminders that the period is ending; those already past are left out. A final path has none. */
function remindBeforeEnd(draft: DecisionDraft, measureId: string, plannedEndDate: string): void {
  if (isFinal(draft.state.state)) {
    return;
  }
  for (const daysBefore of draft.policy.measureEndingReminderDays) {
    const dueDate = addCalendarDays(plannedEndDate, -daysBefore);
    if (dueDate >= draft.at) {
      draft.schedule({ type: 'measureEndingSoon', measureId, daysBefore }, dueDate);
    }
  }
}

function cancelReminders(draft: DecisionDraft, measureId: string): void {
  draft.cancelWhere(
    (timer) =>
      timer.kind === PATH_TIMER_KINDS.measureEndingSoon && timer.payload.measureId === measureId,
  );
}

/** What a pause or resume is about: its measure here, a measure over already, or one not seen yet. */
type Concerned =
  | { readonly kind: 'OVER' }
  | { readonly kind: 'EARLY'; readonly refusal: Refusal }
  | { readonly kind: 'HERE'; readonly measure: ActiveMeasure };

function measureOf(draft: DecisionDraft, measureId: string): Concerned {
  if (endedMeasures(draft).includes(measureId)) {
    return { kind: 'OVER' };
  }
  const measure = draft.state.activeMeasure;
  return measure?.measureId === measureId
    ? { kind: 'HERE', measure }
    : {
        kind: 'EARLY',
        refusal: early(
          `The measure ${measureId} has not started here yet: its start is on its way.`,
        ),
      };
}

/**
 * A measure starts only with an agreed plan, so before the intake here its predecessors are on
 * their way; while another measure runs here, that one's end is. In PLANNING, or between steps
 * with no hand-off pending, it moves the path to IN_MEASURE: the next measure is the decided
 * next step. With a hand-off pending, or after an exit, it is recorded on the path (its ending
 * reminders run) and the step stays: the hand-off's answer, the review, the follow-up.
 */
export function startMeasure(
  draft: DecisionDraft,
  input: PathInputOf<'measureStarted'>,
): Refusal | null {
  const active = draft.state.activeMeasure;
  const refusal = firstRefusal(
    () => requiredText(input.measureId, 'measureId'),
    () => validDate(input.plannedEndDate, 'plannedEndDate'),
  );
  if (
    refusal ||
    endedMeasures(draft).includes(input.measureId) ||
    active?.measureId === input.measureId
  ) {
    return refusal;
  }
  if (active !== null) {
    return early(`The measure ${active.measureId} is still running here: its end is on its way.`);
  }
  if (BEFORE_INTAKE_COMPLETED.includes(draft.state.state)) {
    return early('The intake and the plan have not arrived here yet: they are on their way.');
  }
  const { state, pendingHandoff } = draft.state;
  draft.update({
    activeMeasure: {
      measureId: input.measureId,
      plannedEndDate: input.plannedEndDate,
      paused: false,
    },
  });
  if (state === 'PLANNING' || (state === 'TRANSITION_PENDING' && pendingHandoff === null)) {
    draft.update({
      state: 'IN_MEASURE',
      nextStep: step('PLAN_NEXT_STEP', laterOf(input.plannedEndDate, draft.at)),
    });
  }
  remindBeforeEnd(draft, input.measureId, input.plannedEndDate);
  return null;
}

/**
 * In a measure, a pause moves the path to PAUSED and stops its timers. Anywhere else (between
 * steps, after an exit) the organisations' step does not wait for the client, so the pause is
 * recorded on the measure only and its ending reminders stop until it resumes. A pause of a
 * measure paused here already came before the resume it follows.
 */
export function pauseMeasure(
  draft: DecisionDraft,
  input: PathInputOf<'measurePaused'>,
): Refusal | null {
  const badDate =
    input.expectedResume === undefined ? null : validDate(input.expectedResume, 'expectedResume');
  const found = measureOf(draft, input.measureId);
  if (badDate || found.kind !== 'HERE') {
    return badDate ?? (found.kind === 'EARLY' ? found.refusal : null);
  }
  const { measure } = found;
  if (measure.paused) {
    return early(`The measure ${measure.measureId} is paused here: its resume is on its way.`);
  }
  // A resume date already past when the pause is recorded names no date to wait for.
  const expectedResume =
    input.expectedResume !== undefined && input.expectedResume >= draft.at
      ? input.expectedResume
      : undefined;
  draft.update({
    activeMeasure: {
      ...measure,
      paused: true,
      pausedOn: draft.at,
      ...(expectedResume === undefined ? {} : { expectedResume }),
    },
  });
  if (draft.state.state === 'IN_MEASURE') {
    draft.update({
      state: 'PAUSED',
      nextStep: step(
        'RESUME_MEASURE',
        expectedResume ?? inBusinessDays(draft, draft.policy.resumeBusinessDays),
      ),
    });
  } else {
    cancelReminders(draft, measure.measureId);
  }
  return null;
}

/**
 * The measure runs again, its planned end later by the days paused. From PAUSED the path is in
 * the measure again; anywhere else only the measure's record and its reminders change. A resume
 * of a measure running here came before the pause it follows.
 */
export function resumeMeasure(
  draft: DecisionDraft,
  input: PathInputOf<'measureResumed'>,
): Refusal | null {
  const found = measureOf(draft, input.measureId);
  if (found.kind !== 'HERE') {
    return found.kind === 'EARLY' ? found.refusal : null;
  }
  const { measure } = found;
  if (!measure.paused) {
    return early(`The measure ${measure.measureId} runs here: its pause is on its way.`);
  }
  // The measure's timers stood still while paused, so its planned end moves with them.
  const pausedDays = Math.max(0, calendarDaysBetween(measure.pausedOn ?? draft.at, draft.at));
  const plannedEndDate = addCalendarDays(measure.plannedEndDate, pausedDays);
  draft.update({ activeMeasure: { measureId: measure.measureId, plannedEndDate, paused: false } });
  if (draft.state.state === 'PAUSED') {
    draft.update({ state: 'IN_MEASURE', nextStep: step('PLAN_NEXT_STEP', plannedEndDate) });
  } else {
    remindBeforeEnd(draft, measure.measureId, plannedEndDate);
  }
  return null;
}

/**
 * From a measure the path moves between steps (DECIDE_NEXT_STEP); anywhere else the measure is
 * recorded as ended and the step stays (a hand-off's answer, the review, the follow-up). The end
 * of a measure never seen started is early while no measure runs here (its start is on its way);
 * while another one runs, it is recorded as ended: one measure runs at a time, so it ran before
 * or after that one and is over either way, and its start, arriving later, is recorded only.
 */
export function endMeasure(
  draft: DecisionDraft,
  input: PathInputOf<'measureEnded'>,
): Refusal | null {
  const ended = endedMeasures(draft);
  const active = draft.state.activeMeasure;
  if (ended.includes(input.measureId)) {
    return null;
  }
  if (active === null) {
    return early(
      `The measure ${input.measureId} has not started here yet: its start is on its way.`,
    );
  }
  draft.update({ endedMeasureIds: [...ended, input.measureId] });
  if (active.measureId !== input.measureId) {
    return null;
  }
  cancelReminders(draft, input.measureId);
  draft.update({ activeMeasure: null });
  if (draft.state.state === 'IN_MEASURE' || draft.state.state === 'PAUSED') {
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
