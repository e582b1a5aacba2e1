import { Type } from 'class-transformer';
import {
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { HasNoPersonalIdentityCode } from '../event-validators';

/** At most this many characters in a goal's text: a short goal, not a case note. */
export const MAX_GOAL_TEXT_LENGTH = 500;

/** At most this many characters in the description of one GAS level. */
export const MAX_GAS_LEVEL_TEXT_LENGTH = 200;

function GasLevelText(): PropertyDecorator {
  return (target, propertyKey) => {
    for (const decorator of [
      HasNoPersonalIdentityCode(),
      MaxLength(MAX_GAS_LEVEL_TEXT_LENGTH),
      IsNotEmpty(),
      IsString(),
    ]) {
      decorator(target, propertyKey);
    }
  };
}

/**
 * A Goal Attainment Scaling (GAS) scale: what each of the five levels −2…+2 looks like for this
 * goal, in a short text each. All five are described, or the goal has no scale:
 * a progress level cannot be read against a level nobody described.
 */
export class GasScale {
  @FieldDoc('Level −2, much less than expected.')
  @GasLevelText()
  readonly levelMinus2!: string;

  @FieldDoc('Level −1, somewhat less than expected (often where the client starts).')
  @GasLevelText()
  readonly levelMinus1!: string;

  @FieldDoc('Level 0, the expected outcome: the goal reached.')
  @GasLevelText()
  readonly level0!: string;

  @FieldDoc('Level +1, somewhat more than expected.')
  @GasLevelText()
  readonly levelPlus1!: string;

  @FieldDoc('Level +2, much more than expected.')
  @GasLevelText()
  readonly levelPlus2!: string;
}

/** Payload of GoalSet v1: a goal of the plan, in the client's own words. */
export class GoalSetPayload {
  @FieldDoc('The activation plan the goal belongs to.')
  @IsUUID()
  readonly planId!: string;

  @FieldDoc('The goal; GoalProgressRecorded names it.')
  @IsUUID()
  readonly goalId!: string;

  @FieldDoc(
    'The goal in the client’s own words, short and near-term; no names, no identity codes, no health detail.',
  )
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_GOAL_TEXT_LENGTH)
  @HasNoPersonalIdentityCode()
  readonly text!: string;

  @FieldDoc('The goal’s GAS scale, all five levels described; absent for a goal without one.')
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => GasScale)
  readonly gasScale?: GasScale;
}

/** A goal is set with the client (docs/domain.md §10.2 S2, §5.7). */
export const GOAL_SET_V1 = defineEvent({
  subject: 'polku.plans.goal.goal-set.v1',
  type: 'GoalSet',
  version: 1,
  // PLAN, not CLIENT_VOICE: the words are the client's, but a plan goal is set with the worker
  // and every plan party follows it (docs/domain.md §9.3 "Plans and goals"). CLIENT_VOICE is for
  // entries the client writes and whose visibility the client chooses one by one. Free text is
  // allowed in PLAN; identity codes are rejected, health detail is kept out by the people who
  // write it.
  dataClass: 'PLAN',
  payloadClass: GoalSetPayload,
  summary:
    'A goal of the activation plan was set with the client, in the client’s own words, optionally with a GAS scale of five described levels.',
  emittedBy: 'activation-plans, for the client worker with the client (or the client).',
});
