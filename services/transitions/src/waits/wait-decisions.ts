import type { StartWaitingCommand } from '@polku/contracts';
import type { Caller } from '../paths/caller';
import type { CommandDecision } from '../paths/command-decision';

export function startWaitingDecision(
  caller: Caller,
  {
    command,
    waitId,
    defaultThresholdBusinessDays,
  }: {
    readonly command: StartWaitingCommand;
    readonly waitId: string;
    readonly defaultThresholdBusinessDays: number;
  },
): CommandDecision {
  return {
    input: {
      type: 'waitingStarted',
      ...caller,
      waitId,
      waitingFor: command.waitingFor,
      ...(command.waitingForOrgId === undefined
        ? {}
        : { waitingForOrgId: command.waitingForOrgId }),
      thresholdBusinessDays: command.thresholdBusinessDays ?? defaultThresholdBusinessDays,
    },
  };
}

export function endWaitingDecision(caller: Caller, waitId: string): CommandDecision {
  return { input: { type: 'waitingEnded', ...caller, waitId } };
}
