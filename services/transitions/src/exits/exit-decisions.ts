import type { ExitPathCommand } from '@polku/contracts';
import type { Caller } from '../paths/caller';
import { destinationOf, type CommandDecision } from '../paths/command-decision';

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

export function closeDecision(caller: Caller): CommandDecision {
  return { input: { type: 'pathClosed', ...caller } };
}
