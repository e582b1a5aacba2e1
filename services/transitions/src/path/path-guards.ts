import type { DecisionDraft } from './decision-draft';
import { isIsoDate } from '@polku/timers';
import { conflict, forbidden, invalid, type Refusal } from './path-decision';
import type { PathActor } from './path-inputs';
import type { PathStateName } from './path-state';

// The checks most inputs share. Each returns the refusal, or null when the check passes.

const STATE_WORDS: Record<PathStateName, string> = {
  REFERRED: 'referred and waiting for a service',
  INTAKE: 'in intake',
  PLANNING: 'in planning',
  IN_MEASURE: 'in a measure',
  PAUSED: 'in a paused measure',
  TRANSITION_PENDING: 'between steps',
  UNCLEAR_PATH: 'on an unclear path',
  FOLLOW_UP: 'in follow-up after the exit',
  CLOSED: 'closed',
  REENTERED: 'continued by a new path',
};

export function describeState(state: PathStateName): string {
  return STATE_WORDS[state];
}

/** Refuses unless the path is in one of `states`; `doing` completes "Cannot … while …". */
export function onlyIn(
  draft: DecisionDraft,
  states: readonly PathStateName[],
  doing: string,
): Refusal | null {
  const state = draft.state.state;
  return states.includes(state)
    ? null
    : conflict(`Cannot ${doing} while the client is ${describeState(state)}.`);
}

export function byAccountableOrg(
  draft: DecisionDraft,
  actor: PathActor,
  doing: string,
): Refusal | null {
  const accountable = draft.state.accountable;
  return accountable !== null && accountable.orgId === actor.orgId
    ? null
    : forbidden(
        `Only the organisation accountable for the path (${accountable?.orgId ?? 'none'}) can ${doing}.`,
      );
}

export function requiredText(value: string | undefined, field: string): Refusal | null {
  return typeof value === 'string' && value.trim() !== '' ? null : invalid(`${field} is required.`);
}

export function validDate(value: string | undefined, field: string): Refusal | null {
  return isIsoDate(value) ? null : invalid(`${field} must be a calendar date (YYYY-MM-DD).`);
}

/** A valid date not before the input's day. */
export function dateFromToday(
  draft: DecisionDraft,
  value: string | undefined,
  field: string,
): Refusal | null {
  return (
    validDate(value, field) ??
    (value !== undefined && value < draft.at
      ? invalid(`${field} ${value} is before today (${draft.at}).`)
      : null)
  );
}
