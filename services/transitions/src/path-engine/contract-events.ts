import {
  CLIENT_EXITED_V1,
  FOLLOW_UP_COMPLETED_V1,
  FOLLOW_UP_DUE_V1,
  FOLLOW_UP_MISSED_V1,
  FOLLOW_UP_SCHEDULED_V1,
  HANDOFF_COMPLETED_V1,
  HANDOFF_ESCALATED_V1,
  MEASURE_ENDING_SOON_V1,
  NEXT_STEP_OVERDUE_V1,
  NEXT_STEP_SET_V1,
  OVERDUE_REPORTED_NEXT_STEP_KINDS,
  OWNERSHIP_TRANSFERRED_V1,
  PATH_CLOSED_V1,
  PROVIDER_FUNDING_ENDING_V1,
  RESPONSIBLE_WORKER_CHANGED_V1,
  HANDOFF_ACCEPTED_V1,
  HANDOFF_DECLINED_V1,
  HANDOFF_PROPOSED_V1,
  UNCLEAR_PATH_FLAGGED_V1,
  WAIT_EXCEEDED_V1,
  WAITING_ENDED_V1,
  WAITING_STARTED_V1,
  type EventPayloads,
  type EventSubject,
  type FollowUpContactMode,
  type FollowUpHelpKind,
  type OverdueReportedNextStepKind,
  type HandoffAlternativeCategory,
  type HandoffDeclineReasonCategory,
  type HandoffProposer,
  type HandoffRationaleCategory,
  type WaitingForCategory,
  type WorkerChangeReasonCategory,
} from '@polku/contracts';
import {
  meetingForMeasureEnd,
  type NextStepKind,
  type PathEvent,
  type PathState,
  type PathSummary,
} from '../path';

// The machine decides what happened; the contracts say how it is told. This maps each event the
// machine emits to its contract's subject and payload: fields the machine keeps for itself are
// left out (contracts refuse unknown fields), and what only the command knows comes from it.

/** What a command adds to the events it causes: descriptive fields the machine does not decide. */
export interface CommandDetails {
  readonly HandoffProposed?: {
    readonly rationaleCategory: HandoffRationaleCategory;
    readonly proposedBy: HandoffProposer;
  };
  readonly HandoffDeclined?: { readonly alternativeCategory?: HandoffAlternativeCategory };
  readonly HandoffCompleted?: { readonly newMeasureId?: string };
  readonly ClientExited?: { readonly receivingOrgId?: string };
  readonly FollowUpCompleted?: {
    readonly contactMode: FollowUpContactMode;
    readonly helpGiven: readonly FollowUpHelpKind[];
  };
}

/** An event as the outbox takes it: a registered subject and its payload. */
export interface ContractEvent {
  readonly subject: EventSubject;
  readonly data: object;
}

export interface ContractEventContext {
  readonly details: CommandDetails;
  /** The path after the decision. */
  readonly state: PathState;
  /** When the decision is made, for the payload's timestamps. */
  readonly now: Date;
}

/** A payload checked against its subject's payload type at compile time. */
function contractEvent<S extends EventSubject>(
  contract: { readonly subject: S },
  data: EventPayloads[S],
): ContractEvent {
  return { subject: contract.subject, data };
}

function detailsOf<N extends keyof CommandDetails>(
  details: CommandDetails,
  name: N,
): NonNullable<CommandDetails[N]> {
  const found = details[name];
  if (found === undefined) {
    // Only the command of this event gives these fields: a wiring bug, never a caller's error.
    throw new Error(`${name} was decided without the command details its contract needs`);
  }
  return found as NonNullable<CommandDetails[N]>;
}

function overdueReported(kind: NextStepKind): OverdueReportedNextStepKind {
  const reported: readonly string[] = OVERDUE_REPORTED_NEXT_STEP_KINDS;
  if (!reported.includes(kind)) {
    // A late hand-off answer or follow-up escalates by its own event, never by this one.
    throw new Error(`NextStepOverdue cannot report a late ${kind}`);
  }
  return kind as OverdueReportedNextStepKind;
}

/**
 * The checklist before a measure ends. The next step is planned once a hand-off is proposed; the
 * transition meeting is done once network-meetings reported one held during the measure or for
 * the pending hand-off (NetworkMeetingHeld). The statement is activation-plans' and not consumed
 * here, so it is listed as not known to be done.
 */
function measureEndChecklist(state: PathState) {
  return [
    { item: 'STATEMENT' as const, done: false },
    { item: 'NEXT_STEP_PLAN' as const, done: state.pendingHandoff !== null },
    { item: 'TRANSITION_MEETING' as const, done: meetingForMeasureEnd(state) !== undefined },
  ];
}

/** NextStepSet: where the path stands after a decision that changed it (path-summary.ts). */
export function nextStepSetOf(summary: PathSummary, state: PathState): ContractEvent {
  return contractEvent(NEXT_STEP_SET_V1, { ...summary, pathVersion: state.version });
}

export function contractEventOf(event: PathEvent, context: ContractEventContext): ContractEvent {
  switch (event.name) {
    case 'HandoffProposed':
      return contractEvent(HANDOFF_PROPOSED_V1, {
        handoffId: event.data.handoffId,
        ...(event.data.fromMeasureId === undefined
          ? {}
          : { fromMeasureId: event.data.fromMeasureId }),
        destination: { ...event.data.destination },
        receivingOrgId: event.data.receivingOrgId,
        proposedDate: event.data.proposedDate,
        answerDueDate: event.data.answerDueDate,
        ...detailsOf(context.details, 'HandoffProposed'),
      });
    case 'HandoffAccepted':
      return contractEvent(HANDOFF_ACCEPTED_V1, {
        handoffId: event.data.handoffId,
        startDate: event.data.startDate,
      });
    case 'HandoffDeclined': {
      const { alternativeCategory } = context.details.HandoffDeclined ?? {};
      return contractEvent(HANDOFF_DECLINED_V1, {
        handoffId: event.data.handoffId,
        reasonCategory: event.data.reasonCategory as HandoffDeclineReasonCategory,
        ...(alternativeCategory === undefined ? {} : { alternativeCategory }),
      });
    }
    case 'HandoffCompleted': {
      const { newMeasureId } = context.details.HandoffCompleted ?? {};
      return contractEvent(HANDOFF_COMPLETED_V1, {
        handoffId: event.data.handoffId,
        ...(newMeasureId === undefined ? {} : { newMeasureId }),
      });
    }
    case 'OwnershipTransferred':
      return contractEvent(OWNERSHIP_TRANSFERRED_V1, { ...event.data });
    case 'HandoffEscalated':
      return contractEvent(HANDOFF_ESCALATED_V1, { ...event.data });
    case 'NextStepOverdue':
      return contractEvent(NEXT_STEP_OVERDUE_V1, {
        nextStep: overdueReported(event.data.nextStep),
        dueDate: event.data.dueDate,
        level: event.data.level,
        accountableOrgId: event.data.accountableOrgId,
        businessDaysOverdue: event.data.businessDaysOverdue,
      });
    case 'ClientExited': {
      const { receivingOrgId } = context.details.ClientExited ?? {};
      return contractEvent(CLIENT_EXITED_V1, {
        destination: { ...event.data.destination },
        ...(receivingOrgId === undefined ? {} : { receivingOrgId }),
        confirmed: event.data.confirmed,
        exitDate: event.data.exitDate,
      });
    }
    case 'FollowUpScheduled':
      return contractEvent(FOLLOW_UP_SCHEDULED_V1, {
        ownerOrgId: event.data.ownerOrgId,
        followUps: event.data.followUps.map(({ followUpId, dueDate }) => ({ followUpId, dueDate })),
      });
    case 'FollowUpDue':
      return contractEvent(FOLLOW_UP_DUE_V1, { ...event.data });
    case 'FollowUpCompleted': {
      const { contactMode, helpGiven } = detailsOf(context.details, 'FollowUpCompleted');
      return contractEvent(FOLLOW_UP_COMPLETED_V1, {
        followUpId: event.data.followUpId,
        statusNow: event.data.statusNow,
        ...(event.data.destination === undefined
          ? {}
          : { destination: { ...event.data.destination } }),
        contactMode,
        helpGiven: [...helpGiven],
        confirmsDestination: event.data.confirmsDestination,
      });
    }
    case 'FollowUpMissed':
      return contractEvent(FOLLOW_UP_MISSED_V1, { ...event.data });
    case 'UnclearPathFlagged':
      return contractEvent(UNCLEAR_PATH_FLAGGED_V1, { ...event.data });
    case 'PathClosed':
      // The machine works in Finnish days; the contract records the instant of closing.
      return contractEvent(PATH_CLOSED_V1, {
        confirmedDestination: { ...event.data.confirmedDestination },
        closedAt: context.now.toISOString(),
      });
    case 'ResponsibleWorkerChanged':
      return contractEvent(RESPONSIBLE_WORKER_CHANGED_V1, {
        ...event.data,
        reasonCategory: event.data.reasonCategory as WorkerChangeReasonCategory,
      });
    case 'ProviderFundingEnding':
      return contractEvent(PROVIDER_FUNDING_ENDING_V1, { ...event.data });
    case 'MeasureEndingSoon':
      return contractEvent(MEASURE_ENDING_SOON_V1, {
        ...event.data,
        checklist: measureEndChecklist(context.state),
      });
    case 'WaitingStarted':
      return contractEvent(WAITING_STARTED_V1, {
        ...event.data,
        waitingFor: event.data.waitingFor as WaitingForCategory,
      });
    case 'WaitExceeded':
      return contractEvent(WAIT_EXCEEDED_V1, {
        ...event.data,
        waitingFor: event.data.waitingFor as WaitingForCategory,
      });
    case 'WaitingEnded':
      return contractEvent(WAITING_ENDED_V1, { ...event.data });
  }
}
