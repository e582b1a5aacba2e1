import type { ActorRole } from '@polku/contracts';
import type { IsoDate } from '@polku/timers';
import type { EscalationLevel, PathDestination } from './path-state';

// Everything that moves a path. Each input names the Finnish day it happens on (`at`); those
// caused by a person carry the actor, timer inputs are the system's.

export interface PathActor {
  readonly orgId: string;
  readonly workerId: string;
  readonly role: ActorRole;
}

interface ByActor {
  readonly at: IsoDate;
  readonly actor: PathActor;
}

interface BySystem {
  readonly at: IsoDate;
}

export const FOLLOW_UP_FINDINGS = ['SAME', 'CHANGED', 'BACK_IN_VTM', 'UNKNOWN'] as const;

export type FollowUpFinding = (typeof FOLLOW_UP_FINDINGS)[number];

export type PathInput =
  // Referral and entry (events of client-intake).
  | (ByActor & {
      readonly type: 'referred';
      readonly pathId: string;
      /** client-intake's id of this referral: its answer names it. */
      readonly referralId: string;
      readonly fromOrgId: string;
      readonly toOrgId: string;
      readonly referrerWorkerId: string;
    })
  | (ByActor & {
      readonly type: 'referralAccepted';
      readonly referralId: string;
      /** The receiver's worker who takes the client; the actor when absent. */
      readonly workerId?: string;
    })
  | (ByActor & {
      readonly type: 'referralDeclined';
      readonly referralId: string;
      readonly reasonCategory: string;
    })
  | (ByActor & { readonly type: 'intakeCompleted' })
  // Planning and measures (events of activation-plans).
  | (ByActor & { readonly type: 'planAgreed' })
  | (ByActor & {
      readonly type: 'measureStarted';
      readonly measureId: string;
      readonly plannedEndDate: IsoDate;
    })
  | (ByActor & {
      readonly type: 'measurePaused';
      readonly measureId: string;
      readonly expectedResume?: IsoDate;
    })
  | (ByActor & { readonly type: 'measureResumed'; readonly measureId: string })
  | (ByActor & { readonly type: 'measureEnded'; readonly measureId: string })
  // Network meetings (events of network-meetings).
  | (ByActor & {
      readonly type: 'meetingHeld';
      readonly meetingId: string;
      /** The meeting's kind (MEETING_KINDS); only a hand-off meeting kind counts here. */
      readonly kind: string;
      readonly heldAt: string;
      /** The hand-off the meeting was held for, when it names one. */
      readonly handoffId?: string;
    })
  // Hand-offs (commands of transitions).
  | (ByActor & {
      readonly type: 'handoffProposed';
      readonly handoffId: string;
      readonly receivingOrgId: string;
      readonly destination: PathDestination;
      readonly proposedDate: IsoDate;
    })
  | (ByActor & {
      readonly type: 'handoffAccepted';
      readonly handoffId: string;
      /** The agreed start; the proposed date when absent. */
      readonly startDate?: IsoDate;
    })
  | (ByActor & {
      readonly type: 'handoffDeclined';
      readonly handoffId: string;
      readonly reasonCategory: string;
    })
  | (ByActor & {
      readonly type: 'handoffCompleted';
      readonly handoffId: string;
      /** The receiver's worker who becomes accountable; the actor when absent. */
      readonly workerId?: string;
    })
  // Exit and follow-up (commands of transitions).
  | (ByActor & {
      readonly type: 'exited';
      // Optional in the type so that a missing destination is refused here too, not only by the
      // command validation in front of decide().
      readonly destination?: PathDestination;
      readonly confirmed: boolean;
      readonly exitDate: IsoDate;
    })
  | (ByActor & {
      readonly type: 'unclearPathReviewed';
      /** The next review; the policy's review interval from `at` when absent. */
      readonly nextReviewDate?: IsoDate;
    })
  | (ByActor & {
      readonly type: 'followUpCompleted';
      readonly followUpId: string;
      readonly statusNow: FollowUpFinding;
      readonly confirmsDestination: boolean;
      readonly destination?: PathDestination;
    })
  | (ByActor & { readonly type: 'pathClosed' })
  // Ownership.
  | (ByActor & {
      readonly type: 'responsibleWorkerChanged';
      readonly toWorkerId: string;
      readonly reasonCategory: string;
    })
  | (ByActor & {
      readonly type: 'fundingEnding';
      readonly providerOrgId: string;
      readonly endDate: IsoDate;
      /**
       * Who takes the path's follow-ups on the end date if nobody re-homed them: the path's
       * employment authority, else the configured fallback (organisation-watch/); null when
       * neither is known.
       */
      readonly fallbackOrgId?: string | null;
    })
  | (ByActor & {
      readonly type: 'followUpsRehomed';
      readonly toOrgId: string;
      /** The receiver's role in the organisation registry; null when it is not an active one. */
      readonly toOrgRole: string | null;
      readonly toWorkerId: string;
    })
  | (ByActor & { readonly type: 'returnedAsNewPath'; readonly newPathId: string })
  // Waits (docs/domain.md §10.2 S3: WaitingStarted / WaitingEnded).
  | (ByActor & {
      readonly type: 'waitingStarted';
      readonly waitId: string;
      readonly waitingFor: string;
      readonly waitingForOrgId?: string;
      readonly thresholdBusinessDays: number;
    })
  | (ByActor & { readonly type: 'waitingEnded'; readonly waitId: string })
  // Timers: `level` is the rung the firing timer escalates to.
  | (BySystem & {
      readonly type: 'handoffAnswerOverdue';
      readonly handoffId: string;
      readonly level: EscalationLevel;
    })
  | (BySystem & { readonly type: 'nextStepOverdue'; readonly level: EscalationLevel })
  | (BySystem & { readonly type: 'unclearPathReviewDue'; readonly level: EscalationLevel })
  | (BySystem & { readonly type: 'followUpDue'; readonly followUpId: string })
  | (BySystem & { readonly type: 'followUpMissed'; readonly followUpId: string })
  | (BySystem & {
      readonly type: 'measureEndingSoon';
      readonly measureId: string;
      readonly daysBefore: number;
    })
  | (BySystem & { readonly type: 'waitExceeded'; readonly waitId: string })
  | (BySystem & {
      readonly type: 'fundingEnded';
      readonly providerOrgId: string;
      readonly fallbackOrgId: string | null;
    });

export type PathInputType = PathInput['type'];

export type PathInputOf<T extends PathInputType> = Extract<PathInput, { type: T }>;

export type TimerInput = PathInputOf<
  | 'handoffAnswerOverdue'
  | 'nextStepOverdue'
  | 'unclearPathReviewDue'
  | 'followUpDue'
  | 'followUpMissed'
  | 'measureEndingSoon'
  | 'waitExceeded'
  | 'fundingEnded'
>;

export type ActorInput = Exclude<PathInput, TimerInput>;

/**
 * Where each input comes from. The transitions service emits the event of a COMMAND itself (it
 * owns hand-offs, exits and follow-ups); an EVENT was already published by the service that
 * owns it and is only consumed; a TIMER is one of this module's timers firing.
 */
export const PATH_INPUT_ORIGINS = {
  referred: 'EVENT',
  referralAccepted: 'EVENT',
  referralDeclined: 'EVENT',
  intakeCompleted: 'EVENT',
  planAgreed: 'EVENT',
  measureStarted: 'EVENT',
  measurePaused: 'EVENT',
  measureResumed: 'EVENT',
  measureEnded: 'EVENT',
  returnedAsNewPath: 'EVENT',
  meetingHeld: 'EVENT',
  handoffProposed: 'COMMAND',
  handoffAccepted: 'COMMAND',
  handoffDeclined: 'COMMAND',
  handoffCompleted: 'COMMAND',
  exited: 'COMMAND',
  unclearPathReviewed: 'COMMAND',
  followUpCompleted: 'COMMAND',
  pathClosed: 'COMMAND',
  responsibleWorkerChanged: 'COMMAND',
  fundingEnding: 'COMMAND',
  followUpsRehomed: 'COMMAND',
  waitingStarted: 'COMMAND',
  waitingEnded: 'COMMAND',
  handoffAnswerOverdue: 'TIMER',
  nextStepOverdue: 'TIMER',
  unclearPathReviewDue: 'TIMER',
  followUpDue: 'TIMER',
  followUpMissed: 'TIMER',
  measureEndingSoon: 'TIMER',
  waitExceeded: 'TIMER',
  fundingEnded: 'TIMER',
} as const satisfies Record<PathInputType, 'EVENT' | 'COMMAND' | 'TIMER'>;

export function isTimerInput(input: PathInput): input is TimerInput {
  return PATH_INPUT_ORIGINS[input.type] === 'TIMER';
}

/** Another service's event: a fact to absorb, never refused because of the path's state. */
export function isForeignFact(input: PathInput): boolean {
  return PATH_INPUT_ORIGINS[input.type] === 'EVENT';
}
