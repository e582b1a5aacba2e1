import type { ChangeResponsibleWorkerCommand } from '@polku/contracts';
import type { Caller } from '../paths/caller';
import type { CommandDecision } from '../paths/command-decision';

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
