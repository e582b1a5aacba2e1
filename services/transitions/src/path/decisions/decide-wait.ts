import type { DecisionDraft } from '../decision-draft';
import { lateFrom } from '../path-dates';
import { alreadyDone, firstRefusal, invalid, notFound, type Refusal } from '../path-decision';
import { requiredText } from '../path-guards';
import type { PathInputOf } from '../path-inputs';
import { PATH_TIMER_KINDS } from '../path-timers';

// Waits for a service or decision (docs/domain.md §10.2 S3). Any party can record one;
// they do not move the path, but a wait past its threshold is raised.

/** The threshold bounds of the WaitingStarted contract, in business days. */
const THRESHOLD = { min: 1, max: 120 } as const;

export function startWaiting(
  draft: DecisionDraft,
  input: PathInputOf<'waitingStarted'>,
): Refusal | null {
  const refusal = firstRefusal(
    () => requiredText(input.waitId, 'waitId'),
    () => requiredText(input.waitingFor, 'waitingFor'),
    () =>
      Number.isInteger(input.thresholdBusinessDays) &&
      input.thresholdBusinessDays >= THRESHOLD.min &&
      input.thresholdBusinessDays <= THRESHOLD.max
        ? null
        : invalid(
            `thresholdBusinessDays must be a whole number from ${THRESHOLD.min} to ${THRESHOLD.max}.`,
          ),
    () =>
      draft.state.waits.some((wait) => wait.waitId === input.waitId)
        ? alreadyDone(`The wait ${input.waitId} has already been recorded.`)
        : null,
  );
  if (refusal) {
    return refusal;
  }
  draft.update({
    waits: [
      ...draft.state.waits,
      {
        waitId: input.waitId,
        waitingFor: input.waitingFor,
        ...(input.waitingForOrgId === undefined ? {} : { waitingForOrgId: input.waitingForOrgId }),
        since: draft.at,
        thresholdBusinessDays: input.thresholdBusinessDays,
        exceeded: false,
      },
    ],
  });
  draft.schedule(
    { type: 'waitExceeded', waitId: input.waitId },
    lateFrom(draft.at, input.thresholdBusinessDays),
  );
  draft.emit({
    name: 'WaitingStarted',
    data: {
      waitId: input.waitId,
      waitingFor: input.waitingFor,
      ...(input.waitingForOrgId === undefined ? {} : { waitingForOrgId: input.waitingForOrgId }),
      thresholdBusinessDays: input.thresholdBusinessDays,
    },
  });
  return null;
}

export function endWaiting(
  draft: DecisionDraft,
  input: PathInputOf<'waitingEnded'>,
): Refusal | null {
  if (!draft.state.waits.some((wait) => wait.waitId === input.waitId)) {
    return notFound('This path has no such open wait.');
  }
  draft.update({ waits: draft.state.waits.filter((wait) => wait.waitId !== input.waitId) });
  draft.cancelWhere(
    (timer) =>
      timer.kind === PATH_TIMER_KINDS.waitExceeded && timer.payload.waitId === input.waitId,
  );
  draft.emit({ name: 'WaitingEnded', data: { waitId: input.waitId, endedOn: draft.at } });
  return null;
}

export function waitExceeded(draft: DecisionDraft, input: PathInputOf<'waitExceeded'>): void {
  const wait = draft.state.waits.find((w) => w.waitId === input.waitId);
  if (wait === undefined || wait.exceeded) {
    return draft.bug(`the timer of the wait ${input.waitId} outlived it`);
  }
  draft.update({
    waits: draft.state.waits.map((w) => (w.waitId === input.waitId ? { ...w, exceeded: true } : w)),
  });
  draft.emit({
    name: 'WaitExceeded',
    data: {
      waitId: wait.waitId,
      waitingFor: wait.waitingFor,
      since: wait.since,
      thresholdBusinessDays: wait.thresholdBusinessDays,
    },
  });
}
