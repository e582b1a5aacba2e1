import type { IsoDate } from '@polku/timers';
import type { TimerToSchedule } from './path-effects';
import type { TimerInput } from './path-inputs';
import { ESCALATION_LEVELS, type EscalationLevel, type TimerPayloadValue } from './path-state';

// The path's timers: one kind per timer input, a key that names the path (so that every timer of
// a path can be found, suspended and cancelled) and a payload from which the firing timer's
// input is rebuilt.

/** A timer input without its day: what a timer is scheduled for. */
export type TimerSpec = TimerInput extends infer T
  ? T extends TimerInput
    ? Omit<T, 'at'>
    : never
  : never;

export const PATH_TIMER_KINDS = {
  handoffAnswerOverdue: 'handoff-answer-overdue',
  nextStepOverdue: 'next-step-overdue',
  unclearPathReviewDue: 'unclear-path-review-due',
  followUpDue: 'follow-up-due',
  followUpMissed: 'follow-up-missed',
  measureEndingSoon: 'measure-ending-soon',
  waitExceeded: 'wait-exceeded',
  fundingEnded: 'funding-ended',
} as const satisfies Record<TimerInput['type'], string>;

export type PathTimerKind = (typeof PATH_TIMER_KINDS)[TimerInput['type']];

/** The kinds of the escalation ladder: at most one of them is live per path. */
export const LADDER_TIMER_KINDS: readonly string[] = [
  PATH_TIMER_KINDS.handoffAnswerOverdue,
  PATH_TIMER_KINDS.nextStepOverdue,
  PATH_TIMER_KINDS.unclearPathReviewDue,
];

/** The timer's key: unique per live timer, and always containing `:<pathId>:`. */
export function timerKey(pathId: string, spec: TimerSpec): string {
  switch (spec.type) {
    case 'handoffAnswerOverdue':
      return `handoff-answer:${pathId}:${spec.handoffId}:${spec.level}`;
    case 'nextStepOverdue':
      return `next-step:${pathId}:${spec.level}`;
    case 'unclearPathReviewDue':
      return `unclear-path-review:${pathId}:${spec.level}`;
    case 'followUpDue':
      return `follow-up-due:${pathId}:${spec.followUpId}`;
    case 'followUpMissed':
      return `follow-up-missed:${pathId}:${spec.followUpId}`;
    case 'measureEndingSoon':
      return `measure-ending:${pathId}:${spec.measureId}:${spec.daysBefore}`;
    case 'waitExceeded':
      return `wait-exceeded:${pathId}:${spec.waitId}`;
    case 'fundingEnded':
      return `funding-ended:${pathId}:${spec.providerOrgId}`;
  }
}

export function timerToSchedule(
  pathId: string,
  spec: TimerSpec,
  dueDate: IsoDate,
): TimerToSchedule {
  const { type, ...fields } = spec;
  return {
    key: timerKey(pathId, spec),
    kind: PATH_TIMER_KINDS[type],
    dueDate,
    payload: { pathId, ...fields },
  };
}

export class MalformedTimerError extends Error {
  constructor(kind: string, problem: string) {
    super(`timer ${kind}: ${problem}`);
    this.name = 'MalformedTimerError';
  }
}

type Payload = Readonly<Record<string, TimerPayloadValue>>;

function text(kind: string, payload: Payload, field: string): string {
  const value = payload[field];
  if (typeof value !== 'string' || value === '') {
    throw new MalformedTimerError(kind, `${field} is missing`);
  }
  return value;
}

function level(kind: string, payload: Payload): EscalationLevel {
  const value = payload.level;
  if (!ESCALATION_LEVELS.some((known) => known === value)) {
    throw new MalformedTimerError(kind, `level ${String(value)} is not an escalation level`);
  }
  return value as EscalationLevel;
}

function specOf(kind: string, payload: Payload): TimerSpec {
  switch (kind) {
    case PATH_TIMER_KINDS.handoffAnswerOverdue:
      return {
        type: 'handoffAnswerOverdue',
        handoffId: text(kind, payload, 'handoffId'),
        level: level(kind, payload),
      };
    case PATH_TIMER_KINDS.nextStepOverdue:
      return { type: 'nextStepOverdue', level: level(kind, payload) };
    case PATH_TIMER_KINDS.unclearPathReviewDue:
      return { type: 'unclearPathReviewDue', level: level(kind, payload) };
    case PATH_TIMER_KINDS.followUpDue:
      return { type: 'followUpDue', followUpId: text(kind, payload, 'followUpId') };
    case PATH_TIMER_KINDS.followUpMissed:
      return { type: 'followUpMissed', followUpId: text(kind, payload, 'followUpId') };
    case PATH_TIMER_KINDS.measureEndingSoon: {
      const daysBefore = payload.daysBefore;
      if (typeof daysBefore !== 'number') {
        throw new MalformedTimerError(kind, 'daysBefore is missing');
      }
      return { type: 'measureEndingSoon', measureId: text(kind, payload, 'measureId'), daysBefore };
    }
    case PATH_TIMER_KINDS.waitExceeded:
      return { type: 'waitExceeded', waitId: text(kind, payload, 'waitId') };
    case PATH_TIMER_KINDS.fundingEnded: {
      const fallback = payload.fallbackOrgId;
      return {
        type: 'fundingEnded',
        providerOrgId: text(kind, payload, 'providerOrgId'),
        fallbackOrgId: typeof fallback === 'string' && fallback !== '' ? fallback : null,
      };
    }
    default:
      throw new MalformedTimerError(kind, 'not a path timer kind');
  }
}

/**
 * The input of a firing timer, for the timer handlers: load the path `pathId`, then call
 * decide(state, input, policy) with it. `at` is the Finnish day it fires on
 * (finnishDateOf(firedAt)).
 */
export function inputFromTimer(
  timer: { readonly kind: string; readonly payload: Payload },
  at: IsoDate,
): { readonly pathId: string; readonly input: TimerInput } {
  const spec = specOf(timer.kind, timer.payload);
  return {
    pathId: text(timer.kind, timer.payload, 'pathId'),
    input: { ...spec, at } as TimerInput,
  };
}
