import { decide } from '../../../src/path/path-machine';
import { isRefused, type Accepted } from '../../../src/path/path-decision';
import type { PathEffect, PathEvent, PathEventName } from '../../../src/path/path-effects';
import type {
  PathActor,
  PathInput,
  PathInputOf,
  PathInputType,
} from '../../../src/path/path-inputs';
import { pathPolicy, type PathPolicy } from '../../../src/path/path-policy';
import type { PathDestination, PathState, PathTimer } from '../../../src/path/path-state';
import { inputFromTimer } from '../../../src/path/path-timers';

// Factories for the path machine's tests: a cast of organisations and workers, one input
// factory per input with overridable fields, and paths walked to each stage. Dates are explicit
// Finnish days; 2027-03-01 is a Monday, and Easter 2027 (26–29 March) lies within 20 business days.

export const PATH_ID = 'path-1';
export const DAY0 = '2027-03-01';

export const TE = 'org-employment-authority';
export const PROVIDER = 'org-workshop';
export const RECEIVER = 'org-association';
export const OTHER = 'org-other';

export function actor(
  orgId: string,
  workerId: string,
  role: PathActor['role'] = 'CASEWORKER',
): PathActor {
  return { orgId, workerId, role };
}

export const TE_WORKER = actor(TE, 'te-counsellor');
export const PROVIDER_WORKER = actor(PROVIDER, 'workshop-coach');
export const RECEIVER_WORKER = actor(RECEIVER, 'association-coach');
export const OUTSIDER = actor(OTHER, 'other-worker');

export const OPEN_LABOUR_MARKET: PathDestination = {
  group: 'LABOUR_MARKET',
  category: 'OPEN_LABOUR_MARKET',
};
export const SUPPORTED_EMPLOYMENT: PathDestination = {
  group: 'LABOUR_MARKET',
  category: 'SUPPORTED_EMPLOYMENT',
  subType: 'PAY_SUBSIDISED_WORK',
};
export const STUDIES: PathDestination = {
  group: 'OUTSIDE_LABOUR_MARKET',
  category: 'STUDIES',
  subType: 'DEGREE_STUDIES',
};
export const PENSION: PathDestination = { group: 'OUTSIDE_LABOUR_MARKET', category: 'PENSION' };
export const UNEMPLOYED: PathDestination = {
  group: 'OUTSIDE_LABOUR_MARKET',
  category: 'UNEMPLOYED_JOBSEEKER',
};
export const UNCLEAR: PathDestination = {
  group: 'OUTSIDE_LABOUR_MARKET',
  category: 'UNCLEAR_PATH',
};
export const ANOTHER_MEASURE: PathDestination = {
  group: 'CONTINUATION',
  category: 'ANOTHER_VTM_MEASURE',
};

export const POLICY = pathPolicy();

type Overrides<T extends PathInputType> = Partial<PathInputOf<T>>;

/** One factory per input, at DAY0, by the party that normally sends it. */
export const make = {
  referred: (o: Overrides<'referred'> = {}): PathInput => ({
    type: 'referred',
    at: DAY0,
    actor: TE_WORKER,
    pathId: PATH_ID,
    referralId: 'referral-1',
    fromOrgId: TE,
    toOrgId: PROVIDER,
    referrerWorkerId: TE_WORKER.workerId,
    ...o,
  }),
  referralAccepted: (o: Overrides<'referralAccepted'> = {}): PathInput => ({
    type: 'referralAccepted',
    at: DAY0,
    actor: PROVIDER_WORKER,
    referralId: 'referral-1',
    ...o,
  }),
  referralDeclined: (o: Overrides<'referralDeclined'> = {}): PathInput => ({
    type: 'referralDeclined',
    at: DAY0,
    actor: PROVIDER_WORKER,
    referralId: 'referral-1',
    reasonCategory: 'NO_CAPACITY',
    ...o,
  }),
  intakeCompleted: (o: Overrides<'intakeCompleted'> = {}): PathInput => ({
    type: 'intakeCompleted',
    at: DAY0,
    actor: PROVIDER_WORKER,
    ...o,
  }),
  planAgreed: (o: Overrides<'planAgreed'> = {}): PathInput => ({
    type: 'planAgreed',
    at: DAY0,
    actor: TE_WORKER,
    ...o,
  }),
  measureStarted: (o: Overrides<'measureStarted'> = {}): PathInput => ({
    type: 'measureStarted',
    at: DAY0,
    actor: PROVIDER_WORKER,
    measureId: 'measure-1',
    plannedEndDate: '2027-09-30',
    ...o,
  }),
  measurePaused: (o: Overrides<'measurePaused'> = {}): PathInput => ({
    type: 'measurePaused',
    at: DAY0,
    actor: PROVIDER_WORKER,
    measureId: 'measure-1',
    ...o,
  }),
  measureResumed: (o: Overrides<'measureResumed'> = {}): PathInput => ({
    type: 'measureResumed',
    at: DAY0,
    actor: PROVIDER_WORKER,
    measureId: 'measure-1',
    ...o,
  }),
  measureEnded: (o: Overrides<'measureEnded'> = {}): PathInput => ({
    type: 'measureEnded',
    at: DAY0,
    actor: PROVIDER_WORKER,
    measureId: 'measure-1',
    ...o,
  }),
  handoffProposed: (o: Overrides<'handoffProposed'> = {}): PathInput => ({
    type: 'handoffProposed',
    at: DAY0,
    actor: PROVIDER_WORKER,
    handoffId: 'transition-1',
    receivingOrgId: RECEIVER,
    destination: ANOTHER_MEASURE,
    proposedDate: '2027-04-01',
    ...o,
  }),
  handoffAccepted: (o: Overrides<'handoffAccepted'> = {}): PathInput => ({
    type: 'handoffAccepted',
    at: DAY0,
    actor: RECEIVER_WORKER,
    handoffId: 'transition-1',
    ...o,
  }),
  handoffDeclined: (o: Overrides<'handoffDeclined'> = {}): PathInput => ({
    type: 'handoffDeclined',
    at: DAY0,
    actor: RECEIVER_WORKER,
    handoffId: 'transition-1',
    reasonCategory: 'NO_CAPACITY',
    ...o,
  }),
  handoffCompleted: (o: Overrides<'handoffCompleted'> = {}): PathInput => ({
    type: 'handoffCompleted',
    at: DAY0,
    actor: RECEIVER_WORKER,
    handoffId: 'transition-1',
    ...o,
  }),
  exited: (o: Overrides<'exited'> = {}): PathInput => ({
    type: 'exited',
    at: DAY0,
    actor: PROVIDER_WORKER,
    destination: OPEN_LABOUR_MARKET,
    confirmed: false,
    exitDate: DAY0,
    ...o,
  }),
  unclearPathReviewed: (o: Overrides<'unclearPathReviewed'> = {}): PathInput => ({
    type: 'unclearPathReviewed',
    at: DAY0,
    actor: PROVIDER_WORKER,
    ...o,
  }),
  followUpCompleted: (o: Overrides<'followUpCompleted'> = {}): PathInput => ({
    type: 'followUpCompleted',
    at: DAY0,
    actor: PROVIDER_WORKER,
    followUpId: 'missing',
    statusNow: 'SAME',
    confirmsDestination: true,
    ...o,
  }),
  pathClosed: (o: Overrides<'pathClosed'> = {}): PathInput => ({
    type: 'pathClosed',
    at: DAY0,
    actor: PROVIDER_WORKER,
    ...o,
  }),
  responsibleWorkerChanged: (o: Overrides<'responsibleWorkerChanged'> = {}): PathInput => ({
    type: 'responsibleWorkerChanged',
    at: DAY0,
    actor: PROVIDER_WORKER,
    toWorkerId: 'workshop-coach-2',
    reasonCategory: 'TURNOVER',
    ...o,
  }),
  fundingEnding: (o: Overrides<'fundingEnding'> = {}): PathInput => ({
    type: 'fundingEnding',
    at: DAY0,
    actor: PROVIDER_WORKER,
    providerOrgId: PROVIDER,
    endDate: '2027-04-30',
    ...o,
  }),
  followUpsRehomed: (o: Overrides<'followUpsRehomed'> = {}): PathInput => ({
    type: 'followUpsRehomed',
    at: DAY0,
    actor: PROVIDER_WORKER,
    toOrgId: TE,
    toOrgRole: 'EMPLOYMENT_AUTHORITY',
    toWorkerId: 'te-counsellor-2',
    ...o,
  }),
  returnedAsNewPath: (o: Overrides<'returnedAsNewPath'> = {}): PathInput => ({
    type: 'returnedAsNewPath',
    at: DAY0,
    actor: TE_WORKER,
    newPathId: 'path-2',
    ...o,
  }),
  waitingStarted: (o: Overrides<'waitingStarted'> = {}): PathInput => ({
    type: 'waitingStarted',
    at: DAY0,
    actor: PROVIDER_WORKER,
    waitId: 'wait-1',
    waitingFor: 'HOUSING',
    thresholdBusinessDays: 10,
    ...o,
  }),
  meetingHeld: (o: Overrides<'meetingHeld'> = {}): PathInput => ({
    type: 'meetingHeld',
    at: DAY0,
    actor: TE_WORKER,
    meetingId: 'meeting-1',
    kind: 'TRANSITION_MEETING',
    heldAt: `${DAY0}T09:00:00.000Z`,
    ...o,
  }),
  waitingEnded: (o: Overrides<'waitingEnded'> = {}): PathInput => ({
    type: 'waitingEnded',
    at: DAY0,
    actor: PROVIDER_WORKER,
    waitId: 'wait-1',
    ...o,
  }),
};

/** The accepted decision, or a failing test that says why it was refused. */
export function accept(
  state: PathState | undefined,
  input: PathInput,
  policy: PathPolicy = POLICY,
): Accepted {
  const decision = decide(state, input, policy);
  if (isRefused(decision)) {
    throw new Error(`${input.type} refused: ${decision.refused.code} ${decision.refused.message}`);
  }
  return decision;
}

export function walk(inputs: readonly PathInput[], policy: PathPolicy = POLICY): PathState {
  let state: PathState | undefined;
  for (const input of inputs) {
    state = accept(state, input, policy).state;
  }
  if (state === undefined) {
    throw new Error('walk needs at least one input');
  }
  return state;
}

const IN_MEASURE = [
  make.referred(),
  make.referralAccepted(),
  make.intakeCompleted(),
  make.planAgreed(),
  make.measureStarted(),
];
const MEASURE_ENDED = [...IN_MEASURE, make.measureEnded()];

/** Inputs that bring a path to each stage, all on DAY0. */
export const STAGES = {
  referred: [make.referred()],
  intake: [make.referred(), make.referralAccepted()],
  planning: [make.referred(), make.referralAccepted(), make.intakeCompleted()],
  planAgreed: IN_MEASURE.slice(0, 4),
  inMeasure: IN_MEASURE,
  paused: [...IN_MEASURE, make.measurePaused()],
  measureEnded: MEASURE_ENDED,
  handoffPending: [...MEASURE_ENDED, make.handoffProposed()],
  handoffAccepted: [...MEASURE_ENDED, make.handoffProposed(), make.handoffAccepted()],
  followUp: [...MEASURE_ENDED, make.exited()],
  unclear: [...MEASURE_ENDED, make.exited({ destination: UNCLEAR })],
} satisfies Record<string, PathInput[]>;

export function pathAt(stage: keyof typeof STAGES): PathState {
  return walk(STAGES[stage]);
}

export function eventsOf(effects: readonly PathEffect[]): PathEvent[] {
  return effects.flatMap((effect) => (effect.type === 'emit' ? [effect.event] : []));
}

export function eventNames(effects: readonly PathEffect[]): PathEventName[] {
  return eventsOf(effects).map((event) => event.name);
}

export function eventNamed<N extends PathEventName>(
  effects: readonly PathEffect[],
  name: N,
): Extract<PathEvent, { name: N }> {
  const event = eventsOf(effects).find((e) => e.name === name);
  if (event === undefined) {
    throw new Error(`no ${name} among ${eventNames(effects).join(', ')}`);
  }
  return event as Extract<PathEvent, { name: N }>;
}

export function scheduledKeys(effects: readonly PathEffect[]): string[] {
  return effects.flatMap((effect) => (effect.type === 'scheduleTimer' ? [effect.timer.key] : []));
}

export function cancelledKeys(effects: readonly PathEffect[]): string[] {
  return effects.flatMap((effect) => (effect.type === 'cancelTimer' ? [effect.key] : []));
}

/** Fires the path's live timer `key` on its due date (or `at`), as the timer poller would. */
export function fire(state: PathState, key: string, at?: string): Accepted {
  const timer = state.timers.find((t) => t.key === key);
  if (timer === undefined) {
    throw new Error(`no live timer ${key}; live: ${state.timers.map((t) => t.key).join(', ')}`);
  }
  const { input } = inputFromTimer(timer, at ?? timer.dueDate);
  return accept(state, input);
}

export function timerNamed(state: PathState, key: string): PathTimer {
  const timer = state.timers.find((t) => t.key === key);
  if (timer === undefined) {
    throw new Error(`no live timer ${key}; live: ${state.timers.map((t) => t.key).join(', ')}`);
  }
  return timer;
}
