import type { CompleteFollowUpCommand } from '@polku/contracts';
import type { Caller } from '../paths/caller';
import { destinationOf, type CommandDecision } from '../paths/command-decision';

export function completeFollowUpDecision(
  caller: Caller,
  {
    command,
    followUpId,
  }: { readonly command: CompleteFollowUpCommand; readonly followUpId: string },
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
