import type {
  AcceptTransitionCommand,
  CompleteHandoffCommand,
  DeclineTransitionCommand,
  ProposeTransitionCommand,
} from '@polku/contracts';
import type { Caller } from '../paths/caller';
import { destinationOf, type CommandDecision } from '../paths/command-decision';

// Hand-off commands as inputs of the path machine. The machine's inputs and the contracts keep
// the events' names (TransitionProposed, …) and their `transitionId` field.

export function proposeHandoffDecision(
  caller: Caller,
  {
    command,
    handoffId,
  }: { readonly command: ProposeTransitionCommand; readonly handoffId: string },
): CommandDecision {
  return {
    input: {
      type: 'transitionProposed',
      ...caller,
      transitionId: handoffId,
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

export function acceptHandoffDecision(
  caller: Caller,
  { command, handoffId }: { readonly command: AcceptTransitionCommand; readonly handoffId: string },
): CommandDecision {
  return {
    input: {
      type: 'transitionAccepted',
      ...caller,
      transitionId: handoffId,
      startDate: command.startDate,
    },
  };
}

export function declineHandoffDecision(
  caller: Caller,
  {
    command,
    handoffId,
  }: { readonly command: DeclineTransitionCommand; readonly handoffId: string },
): CommandDecision {
  return {
    input: {
      type: 'transitionDeclined',
      ...caller,
      transitionId: handoffId,
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
  { command, handoffId }: { readonly command: CompleteHandoffCommand; readonly handoffId: string },
): CommandDecision {
  return {
    input: { type: 'handoffCompleted', ...caller, transitionId: handoffId },
    details: {
      HandoffCompleted:
        command.newMeasureId === undefined ? {} : { newMeasureId: command.newMeasureId },
    },
  };
}
