// The states of a client path (docs/transitions.md). transitions keeps the path in one of them;
// every service that refuses a command because of the path's state names one of them
// (docs/path-rules.md), so the caller reads the same word whichever service refused.

export const PATH_STATES = [
  'REFERRED',
  'INTAKE',
  'PLANNING',
  'IN_MEASURE',
  'PAUSED',
  'TRANSITION_PENDING',
  'UNCLEAR_PATH',
  'FOLLOW_UP',
  'CLOSED',
  'REENTERED',
] as const;

/** One of PATH_STATES. */
export type PathStateName = (typeof PATH_STATES)[number];
