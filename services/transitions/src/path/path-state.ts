import type {
  DestinationCategory,
  DestinationGroup,
  DestinationSubType,
  PathStateName,
} from '@polku/contracts';
import type { IsoDate } from '@polku/timers';

// The state of one client path as the transitions service keeps it (docs/transitions.md). Plain
// readonly data: decide() in path-machine.ts is the only place that makes a new one.

// The states are a wire concept: libs/contracts names them for every service.
export { PATH_STATES, type PathStateName } from '@polku/contracts';

/** States in which a path has left polku's care for good: no owner, no next step, no timers. */
export const FINAL_PATH_STATES: readonly PathStateName[] = ['CLOSED', 'REENTERED'];

// The same list is being added to libs/contracts as NEXT_STEP_KINDS; a test can assert they match
// once it is exported.
export const NEXT_STEP_KINDS = [
  'ANSWER_REFERRAL',
  'FIND_NEW_SERVICE',
  'COMPLETE_INTAKE',
  'AGREE_PLAN',
  'START_MEASURE',
  'PLAN_NEXT_STEP',
  'RESUME_MEASURE',
  'DECIDE_NEXT_STEP',
  'AWAIT_HANDOFF_ANSWER',
  'REVIEW_UNCLEAR_PATH',
  'REHOME_BEFORE_FUNDING_ENDS',
  'FOLLOW_UP',
  'CLOSE_PATH',
] as const;

export type NextStepKind = (typeof NEXT_STEP_KINDS)[number];

/** How far a late step has climbed: the named worker, the team lead, the manager's dashboard. */
export const ESCALATION_LEVELS = ['WORKER', 'TEAM_LEAD', 'MANAGER'] as const;

export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export const FOLLOW_UP_STATUSES = ['SCHEDULED', 'DUE', 'COMPLETED', 'MISSED'] as const;

export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** Where a client went (docs/domain.md §3.7), shaped as the contracts' ExitDestination. */
export interface PathDestination {
  readonly group: DestinationGroup;
  readonly category: DestinationCategory;
  readonly subType?: DestinationSubType;
}

export interface Accountable {
  readonly orgId: string;
  readonly workerId: string;
}

export interface NextStep {
  readonly kind: NextStepKind;
  readonly dueDate: IsoDate;
  readonly level: EscalationLevel;
}

/** A referral sent and not answered yet: the referrer stays accountable meanwhile. */
export interface PendingReferral {
  /** Absent on paths stored before referrals were told apart by id. */
  readonly referralId?: string;
  readonly toOrgId: string;
  readonly answerDueDate: IsoDate;
}

/**
 * A proposed hand-off. Until accepted, answerDueDate is the answer deadline; once accepted it is
 * the start date by which the receiver completes the hand-off.
 */
export interface PendingHandoff {
  readonly handoffId: string;
  readonly receivingOrgId: string;
  readonly destination: PathDestination;
  readonly answerDueDate: IsoDate;
  readonly accepted: boolean;
  readonly proposedDate: IsoDate;
}

export interface ActiveMeasure {
  readonly measureId: string;
  readonly plannedEndDate: IsoDate;
  readonly paused: boolean;
  readonly expectedResume?: IsoDate;
  /** The day the pause began: resuming moves every suspended timer by the days paused. */
  readonly pausedOn?: IsoDate;
}

/**
 * A transition meeting or joint transfer visit held on the path (network-meetings'
 * NetworkMeetingHeld), kept for the checklist of what it was held for: the hand-off it names, or
 * else the hand-off pending and the measure running when it arrived (docs/transitions.md).
 */
export interface TransitionMeeting {
  readonly meetingId: string;
  /** When the meeting began, the instant network-meetings recorded. */
  readonly heldAt: string;
  /** The hand-off it was held for: the one it names, or the one pending when it arrived. */
  readonly handoffId?: string;
  /** The measure running when it arrived, unless it names another hand-off than the pending one. */
  readonly measureId?: string;
}

export interface PathExit {
  readonly destination: PathDestination;
  readonly confirmed: boolean;
  readonly exitDate: IsoDate;
}

export interface FollowUp {
  readonly followUpId: string;
  readonly dueDate: IsoDate;
  readonly status: FollowUpStatus;
}

/** A wait for a service or decision (WaitingStarted); it raises WaitExceeded past its threshold. */
export interface Wait {
  readonly waitId: string;
  readonly waitingFor: string;
  readonly waitingForOrgId?: string;
  readonly since: IsoDate;
  readonly thresholdBusinessDays: number;
  readonly exceeded: boolean;
}

export type TimerPayloadValue = string | number | boolean | null;

/**
 * A live timer of the path, mirrored from the timer table so that decide() can cancel, suspend
 * and resume by key, and can tell a timer that should still fire from a stale one.
 */
export interface PathTimer {
  readonly key: string;
  readonly kind: string;
  readonly dueDate: IsoDate;
  readonly payload: Readonly<Record<string, TimerPayloadValue>>;
  /** Set while suspended (a paused measure): resuming moves dueDate by the days since. */
  readonly suspendedOn: IsoDate | null;
}

export interface PathState {
  readonly pathId: string;
  readonly state: PathStateName;
  readonly accountable: Accountable | null;
  readonly nextStep: NextStep | null;
  readonly pendingReferral: PendingReferral | null;
  readonly pendingHandoff: PendingHandoff | null;
  /**
   * The measure activation-plans runs on the path, whatever the path's state: a measure that
   * started in a race with an exit or a hand-off is recorded here although it does not move the
   * path (docs/path-rules.md).
   */
  readonly activeMeasure: ActiveMeasure | null;
  /**
   * Measures seen ended, so that their start, pause or resume arriving late is recorded and not
   * waited for. Absent on paths stored before it existed.
   */
  readonly endedMeasureIds?: readonly string[];
  /**
   * Referrals seen declined while another one was pending here (their decline overtook them), so
   * that the referral arriving later is recorded and not sent again. Absent until one is.
   */
  readonly declinedReferralIds?: readonly string[];
  readonly exit: PathExit | null;
  /**
   * Transition meetings and joint transfer visits held for a hand-off or during a measure, for
   * their checklists. Absent until one is.
   */
  readonly transitionMeetings?: readonly TransitionMeeting[];
  readonly followUps: readonly FollowUp[];
  readonly waits: readonly Wait[];
  readonly timers: readonly PathTimer[];
  /** The accountable provider's funding ends on this day; cleared when ownership moves. */
  readonly fundingEndsOn?: IsoDate;
  /** Set on REENTERED: the new path that carries the client. */
  readonly continuedByPathId?: string;
  /** Bumped by every accepted decision; the service's optimistic-lock column. */
  readonly version: number;
}

export function isFinal(state: PathStateName): boolean {
  return FINAL_PATH_STATES.includes(state);
}
