import type {
  AcceptHandoffCommand,
  CompleteHandoffCommand,
  DeclineHandoffCommand,
  ProposeHandoffCommand,
} from '@polku/contracts';
import type { Caller } from '../paths/caller';
import { destinationOf, type CommandDecision } from '../paths/command-decision';

// Hand-off commands as inputs of the path machine. The machine's inputs and the contracts keep
// the events' names (HandoffProposed, …) and their `handoffId` field.

export function proposeHandoffDecision(
  caller: Caller,
  { command, handoffId }: { readonly command: ProposeHandoffCommand; readonly handoffId: string },
): CommandDecision {
  return {
    input: {
      type: 'handoffProposed',
      ...caller,
      handoffId: handoffId,
      receivingOrgId: command.receivingOrgId,
      destination: destinationOf(command.destination),
      proposedDate: command.proposedDate,
    },
    details: {
      HandoffProposed: {
        rationaleCategory: command.rationaleCategory,
        proposedBy: command.proposedBy,
      },
    },
  };
}

export function acceptHandoffDecision(
  caller: Caller,
  { command, handoffId }: { readonly command: AcceptHandoffCommand; readonly handoffId: string },
): CommandDecision {
  return {
    input: {
      type: 'handoffAccepted',
      ...caller,
      handoffId: handoffId,
      startDate: command.startDate,
    },
  };
}

export function declineHandoffDecision(
  caller: Caller,
  { command, handoffId }: { readonly command: DeclineHandoffCommand; readonly handoffId: string },
): CommandDecision {
  return {
    input: {
      type: 'handoffDeclined',
      ...caller,
      handoffId: handoffId,
      reasonCategory: command.reasonCategory,
    },
    details: {
      HandoffDeclined:
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
    input: { type: 'handoffCompleted', ...caller, handoffId: handoffId },
    details: {
      HandoffCompleted:
        command.newMeasureId === undefined ? {} : { newMeasureId: command.newMeasureId },
    },
  };
}
