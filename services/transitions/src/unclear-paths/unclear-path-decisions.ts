import type { ReviewUnclearPathCommand } from '@polku/contracts';
import type { Caller } from '../paths/caller';
import type { CommandDecision } from '../paths/command-decision';

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
