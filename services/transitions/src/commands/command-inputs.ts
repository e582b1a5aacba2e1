import type {
  AcceptTransitionCommand,
  ChangeResponsibleWorkerCommand,
  CompleteFollowUpCommand,
  CompleteHandoffCommand,
  DeclineTransitionCommand,
  ExitPathCommand,
  ReviewUnclearPathCommand,
  ProposeTransitionCommand,
  StartWaitingCommand,
} from '@polku/contracts';
import type { IsoDate } from '@polku/timers';
import type { CommandDetails } from '../course/contract-events';
import type { PathDestination, PathInput } from '../path';
import type { Caller } from '../shared/caller';

// Validated command bodies as inputs of the path machine, with the descriptive fields their
// events carry. Pure: ids the service makes up (a hand-off's, a wait's) are passed in.

export interface CommandDecision {
  readonly input: PathInput;
  readonly details?: CommandDetails;
}

function destinationOf(destination: {
  group: PathDestination['group'];
  category: PathDestination['category'];
  subType?: PathDestination['subType'];
}): PathDestination {
  return {
    group: destination.group,
    category: destination.category,
    ...(destination.subType === undefined ? {} : { subType: destination.subType }),
  };
}

export function proposeDecision(
  caller: Caller,
  command: ProposeTransitionCommand,
  transitionId: string,
): CommandDecision {
  return {
    input: {
      type: 'transitionProposed',
      ...caller,
      transitionId,
      receivingOrgId: command.receivingOrgId,
      destination: destinationOf(command.destination),
      proposedDate: command.proposedDate,
    },
    details: {
      TransitionProposed: {
        rationaleCategory: command.rationaleCategory,
        proposedBy: command.proposedBy,
      },
    },
  };
}

export function acceptDecision(
  caller: Caller,
  command: AcceptTransitionCommand,
  transitionId: string,
): CommandDecision {
  return {
    input: { type: 'transitionAccepted', ...caller, transitionId, startDate: command.startDate },
  };
}

export function declineDecision(
  caller: Caller,
  command: DeclineTransitionCommand,
  transitionId: string,
): CommandDecision {
  return {
    input: {
      type: 'transitionDeclined',
      ...caller,
      transitionId,
      reasonCategory: command.reasonCategory,
    },
    details: {
      TransitionDeclined:
        command.alternativeCategory === undefined
          ? {}
          : { alternativeCategory: command.alternativeCategory },
    },
  };
}

/** The caller who completes the hand-off becomes the path's named worker. */
export function completeHandoffDecision(
  caller: Caller,
  command: CompleteHandoffCommand,
  transitionId: string,
): CommandDecision {
  return {
    input: { type: 'handoffCompleted', ...caller, transitionId },
    details: {
      HandoffCompleted:
        command.newMeasureId === undefined ? {} : { newMeasureId: command.newMeasureId },
    },
  };
}

export function exitDecision(caller: Caller, command: ExitPathCommand): CommandDecision {
  return {
    input: {
      type: 'exited',
      ...caller,
      destination: destinationOf(command.destination),
      confirmed: command.confirmed,
      exitDate: command.exitDate,
    },
    details: {
      ClientExited:
        command.receivingOrgId === undefined ? {} : { receivingOrgId: command.receivingOrgId },
    },
  };
}

export function completeFollowUpDecision(
  caller: Caller,
  command: CompleteFollowUpCommand,
  followUpId: string,
): CommandDecision {
  return {
    input: {
      type: 'followUpCompleted',
      ...caller,
      followUpId,
      statusNow: command.statusNow,
      confirmsDestination: command.confirmsDestination,
      ...(command.destination === undefined
        ? {}
        : { destination: destinationOf(command.destination) }),
    },
    details: {
      FollowUpCompleted: { contactMode: command.contactMode, helpGiven: [...command.helpGiven] },
    },
  };
}

export function closeDecision(caller: Caller): CommandDecision {
  return { input: { type: 'pathClosed', ...caller } };
}

export function reviewUnclearPathDecision(
  caller: Caller,
  command: ReviewUnclearPathCommand,
): CommandDecision {
  return {
    input: {
      type: 'unclearPathReviewed',
      ...caller,
      ...(command.nextReviewDate === undefined ? {} : { nextReviewDate: command.nextReviewDate }),
    },
  };
}

export function changeWorkerDecision(
  caller: Caller,
  command: ChangeResponsibleWorkerCommand,
): CommandDecision {
  return {
    input: {
      type: 'responsibleWorkerChanged',
      ...caller,
      toWorkerId: command.toWorkerId,
      reasonCategory: command.reasonCategory,
    },
  };
}

export function startWaitingDecision(
  caller: Caller,
  command: StartWaitingCommand,
  wait: { readonly waitId: string; readonly defaultThresholdBusinessDays: number },
): CommandDecision {
  return {
    input: {
      type: 'waitingStarted',
      ...caller,
      waitId: wait.waitId,
      waitingFor: command.waitingFor,
      ...(command.waitingForOrgId === undefined
        ? {}
        : { waitingForOrgId: command.waitingForOrgId }),
      thresholdBusinessDays: command.thresholdBusinessDays ?? wait.defaultThresholdBusinessDays,
    },
  };
}

export function endWaitingDecision(caller: Caller, waitId: string): CommandDecision {
  return { input: { type: 'waitingEnded', ...caller, waitId } };
}

export function fundingEndingDecision(
  caller: Caller,
  providerOrgId: string,
  endDate: IsoDate,
): CommandDecision {
  return { input: { type: 'fundingEnding', ...caller, providerOrgId, endDate } };
}
