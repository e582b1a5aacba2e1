import type { CompleteFollowUpCommand, RehomeFollowUpsCommand } from '@polku/contracts';
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

/** The receiver's role comes from the organisation registry, through the gateway. */
export function rehomeFollowUpsDecision(
  caller: Caller,
  {
    command,
    toOrgRole,
  }: { readonly command: RehomeFollowUpsCommand; readonly toOrgRole: string | null },
): CommandDecision {
  return {
    input: {
      type: 'followUpsRehomed',
      ...caller,
      toOrgId: command.toOrgId,
      toOrgRole,
      toWorkerId: command.toWorkerId,
    },
  };
}
