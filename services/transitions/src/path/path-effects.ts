import type { IsoDate } from '@polku/timers';
import type { FollowUpFinding } from './path-inputs';
import type {
  EscalationLevel,
  NextStepKind,
  PathDestination,
  TimerPayloadValue,
} from './path-state';

// What the service must do, in the same transaction as it stores the new state: publish these
// events through the outbox and change these timer rows. Event names are those of docs/domain.md
// §10.2 S4–S6 and libs/contracts, with the payload fields of those contracts that the machine
// decides. Descriptive fields of a command (rationale, contact mode, checklist…) are added by the
// handler from the command itself; who emitted it is the envelope's (the actor, or the system).

type Event<N extends string, D> = { readonly name: N; readonly data: D };

export type PathEvent =
  | Event<
      'HandoffProposed',
      {
        handoffId: string;
        receivingOrgId: string;
        destination: PathDestination;
        proposedDate: IsoDate;
        answerDueDate: IsoDate;
        fromMeasureId?: string;
      }
    >
  | Event<'HandoffAccepted', { handoffId: string; startDate: IsoDate }>
  | Event<'HandoffDeclined', { handoffId: string; reasonCategory: string }>
  | Event<'HandoffCompleted', { handoffId: string }>
  | Event<
      'OwnershipTransferred',
      {
        fromOrgId: string;
        fromWorkerId: string;
        toOrgId: string;
        toWorkerId: string;
        reason: 'HANDOFF_COMPLETED';
        handoffId: string;
      }
    >
  | Event<
      'HandoffEscalated',
      {
        handoffId: string;
        level: EscalationLevel;
        escalatedToOrgId: string;
        /** Whose ladder: the sender's, or from the team lead's rung on also the receiver's. */
        escalatedToParty: 'SENDER' | 'RECEIVER';
        answerDueDate: IsoDate;
        businessDaysOverdue: number;
      }
    >
  | Event<
      'NextStepOverdue',
      {
        nextStep: NextStepKind;
        dueDate: IsoDate;
        level: EscalationLevel;
        accountableOrgId: string;
        businessDaysOverdue: number;
      }
    >
  | Event<'ClientExited', { destination: PathDestination; confirmed: boolean; exitDate: IsoDate }>
  | Event<
      'FollowUpScheduled',
      {
        ownerOrgId: string;
        followUps: { followUpId: string; dueDate: IsoDate }[];
      }
    >
  | Event<'FollowUpDue', { followUpId: string; dueDate: IsoDate; ownerOrgId: string }>
  | Event<
      'FollowUpCompleted',
      {
        followUpId: string;
        statusNow: FollowUpFinding;
        confirmsDestination: boolean;
        destination?: PathDestination;
      }
    >
  | Event<
      'FollowUpMissed',
      { followUpId: string; dueDate: IsoDate; ownerOrgId: string; escalatedTo: 'MANAGER' }
    >
  | Event<
      'UnclearPathFlagged',
      { searchOwnerOrgId: string; searchWorkerId: string; reviewDate: IsoDate }
    >
  | Event<'PathClosed', { confirmedDestination: PathDestination; closedAt: IsoDate }>
  | Event<
      'ResponsibleWorkerChanged',
      { orgId: string; fromWorkerId: string; toWorkerId: string; reasonCategory: string }
    >
  | Event<'ProviderFundingEnding', { providerOrgId: string; endDate: IsoDate }>
  | Event<'MeasureEndingSoon', { measureId: string; plannedEndDate: IsoDate; daysBefore: number }>
  | Event<
      'WaitingStarted',
      {
        waitId: string;
        waitingFor: string;
        waitingForOrgId?: string;
        thresholdBusinessDays: number;
      }
    >
  | Event<
      'WaitExceeded',
      { waitId: string; waitingFor: string; since: IsoDate; thresholdBusinessDays: number }
    >
  | Event<'WaitingEnded', { waitId: string; endedOn: IsoDate }>;

export type PathEventName = PathEvent['name'];

/** A timer to schedule; it fires at the start of `dueDate` in Finland (startOfFinnishDay). */
export interface TimerToSchedule {
  readonly key: string;
  readonly kind: string;
  readonly dueDate: IsoDate;
  /** Everything inputFromTimer() needs to rebuild the timer's input, and the path id. */
  readonly payload: Readonly<Record<string, TimerPayloadValue>>;
}

export type PathEffect =
  | { readonly type: 'emit'; readonly event: PathEvent }
  | { readonly type: 'scheduleTimer'; readonly timer: TimerToSchedule }
  | { readonly type: 'cancelTimer'; readonly key: string }
  /** A measure paused: every live timer of the path stops, from the start of `on`. */
  | { readonly type: 'suspendTimers'; readonly keys: readonly string[]; readonly on: IsoDate }
  /**
   * The measure resumed: each timer runs again, due later by the days it was suspended. The new
   * due dates are given so that the service can set them exactly (a shift in milliseconds across
   * a daylight-saving change would move a start-of-day timer off midnight).
   */
  | {
      readonly type: 'resumeTimers';
      readonly timers: readonly { readonly key: string; readonly dueDate: IsoDate }[];
      readonly on: IsoDate;
    };
