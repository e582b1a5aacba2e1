// The path state machine, for the transitions service's consumers, command and timer handlers.
export { decide } from './path-machine';
export {
  alreadyDone,
  conflict,
  early,
  forbidden,
  invalid,
  isRefused,
  type Accepted,
  type PathDecision,
  type Refusal,
  type RefusalCode,
} from './path-decision';
export type { PathEffect, PathEvent, PathEventName, TimerToSchedule } from './path-effects';
export {
  FOLLOW_UP_FINDINGS,
  isForeignFact,
  isTimerInput,
  PATH_INPUT_ORIGINS,
  type ActorInput,
  type FollowUpFinding,
  type PathActor,
  type PathInput,
  type PathInputOf,
  type PathInputType,
  type TimerInput,
} from './path-inputs';
export {
  assertPathInvariants,
  pathInvariantViolations,
  PathInvariantError,
} from './path-invariants';
export {
  DEFAULT_PATH_POLICY,
  InvalidPathPolicyError,
  MANDATORY_FOLLOW_UP_MONTHS,
  pathPolicy,
  pathPolicyProblems,
  type PathPolicy,
} from './path-policy';
export * from './path-state';
export {
  inputFromTimer,
  MalformedTimerError,
  PATH_TIMER_KINDS,
  timerKey,
  type PathTimerKind,
} from './path-timers';
export {
  handoffChecklist,
  meetingForHandoff,
  meetingForMeasureEnd,
  type HandoffChecklistEntry,
} from './transition-meetings';
export { LOST_REASONS, lostReasons, type LostReason } from './lost-paths';
export { changedSummary, escalatedLevel, pathSummary, type PathSummary } from './path-summary';
