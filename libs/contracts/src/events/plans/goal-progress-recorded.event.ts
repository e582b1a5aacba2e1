import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsUtcTimestamp } from '../event-validators';

/**
 * Who assessed a goal's progress: the client alone (self-assessment), the worker alone, or the
 * client and the worker together, which GAS follow-up usually is.
 */
export const GOAL_PROGRESS_ASSESSORS = ['CLIENT', 'WORKER', 'CLIENT_WITH_WORKER'] as const;

/** One of {@link GOAL_PROGRESS_ASSESSORS}. */
export type GoalProgressAssessor = (typeof GOAL_PROGRESS_ASSESSORS)[number];

/** Payload of GoalProgressRecorded v1: a goal's follow-up, with its GAS level when it has a scale. */
export class GoalProgressRecordedPayload {
  @FieldDoc('The goal, as in GoalSet.')
  @IsUUID()
  readonly goalId!: string;

  @FieldDoc(
    'The GAS level reached, from −2 to +2 (0 is the expected outcome); absent when the goal has no GAS scale and only the follow-up is recorded.',
  )
  @IsOptional()
  @IsInt()
  @Min(-2)
  @Max(2)
  readonly gasLevel?: number;

  @FieldDoc('When the progress was assessed.')
  @IsUtcTimestamp()
  readonly recordedAt!: string;

  @FieldDoc('Who assessed it: the client, the worker, or both together.')
  @IsIn(GOAL_PROGRESS_ASSESSORS)
  readonly assessedBy!: GoalProgressAssessor;
}

/** A goal's progress is recorded (docs/domain.md §10.2 S2, §5.7). */
export const GOAL_PROGRESS_RECORDED_V1 = defineEvent({
  subject: 'polku.plans.goal.goal-progress-recorded.v1',
  type: 'GoalProgressRecorded',
  version: 1,
  // PLAN, like the goal: goal follow-up belongs to the plan's parties and the client.
  dataClass: 'PLAN',
  payloadClass: GoalProgressRecordedPayload,
  summary:
    'A goal’s progress was followed up, with the GAS level reached when the goal has a scale; goal follow-up is rarely recorded today.',
  emittedBy: 'activation-plans, for the client worker with the client (or the client).',
});
