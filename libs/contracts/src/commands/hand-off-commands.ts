import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { IsIsoDate } from '../events/event-validators';
import { IsDestinationOtherThan } from '../events/shared/exit-destination';
import {
  TRANSITION_ALTERNATIVE_CATEGORIES,
  TRANSITION_DECLINE_REASON_CATEGORIES,
  type TransitionAlternativeCategory,
  type TransitionDeclineReasonCategory,
} from '../events/transitions/transition-declined.event';
import {
  NON_HANDOFF_DESTINATION_CATEGORIES,
  TRANSITION_PROPOSERS,
  TRANSITION_RATIONALE_CATEGORIES,
  type TransitionProposer,
  type TransitionRationaleCategory,
} from '../events/transitions/transition-proposed.event';
import { FieldDoc } from '../field-doc.decorator';
import { ExitDestinationInput } from './exit-destination.input';

/**
 * A hand-off of the path to the next step. The service sets the answer deadline from its
 * configuration (10 Finnish business days by default); the caller's organisation stays
 * accountable until the receiver completes the hand-off.
 */
export class ProposeTransitionCommand {
  @FieldDoc('The next step’s destination; never UNCLEAR_PATH or RETURNED_TO_VTM.')
  // An array would pass @ValidateNested as a list of nothing: it must be one object.
  @IsObject()
  @ValidateNested()
  @Type(() => ExitDestinationInput)
  @IsDestinationOtherThan(NON_HANDOFF_DESTINATION_CATEGORIES)
  destination!: ExitDestinationInput;

  @FieldDoc('The organisation asked to take the client on.')
  @IsUUID()
  receivingOrgId!: string;

  @FieldDoc('The proposed start with the receiver.', { example: '2027-08-02' })
  @IsIsoDate()
  proposedDate!: string;

  @FieldDoc('The measure the client moves on from.')
  @IsOptional()
  @IsUUID()
  fromMeasureId?: string;

  @FieldDoc('Why this next step, as a category.')
  @IsIn(TRANSITION_RATIONALE_CATEGORIES)
  rationaleCategory!: TransitionRationaleCategory;

  @FieldDoc('Who proposed it: the client, the worker, or both together.')
  @IsIn(TRANSITION_PROPOSERS)
  proposedBy!: TransitionProposer;
}

/** The receiver accepts a proposed hand-off. */
export class AcceptTransitionCommand {
  @FieldDoc('The day the client starts with it.', { example: '2027-08-02' })
  @IsIsoDate()
  startDate!: string;
}

/** The receiver declines a proposed hand-off: it returns to the sender with the reason. */
export class DeclineTransitionCommand {
  @FieldDoc('Why the receiver declines, as a category.')
  @IsIn(TRANSITION_DECLINE_REASON_CATEGORIES)
  reasonCategory!: TransitionDeclineReasonCategory;

  @FieldDoc('What the receiver suggests instead, as a category.')
  @IsOptional()
  @IsIn(TRANSITION_ALTERNATIVE_CATEGORIES)
  alternativeCategory?: TransitionAlternativeCategory;
}

/** The receiver has taken the client on: the path's ownership moves to it. */
export class CompleteHandoffCommand {
  @FieldDoc('The measure the client starts with the receiver.')
  @IsOptional()
  @IsUUID()
  newMeasureId?: string;
}
