import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { IsIsoDate } from '../events/event-validators';
import { IsDestinationOtherThan } from '../events/shared/exit-destination';
import {
  HANDOFF_ALTERNATIVE_CATEGORIES,
  HANDOFF_DECLINE_REASON_CATEGORIES,
  type HandoffAlternativeCategory,
  type HandoffDeclineReasonCategory,
} from '../events/transitions/handoff-declined.event';
import {
  NON_HANDOFF_DESTINATION_CATEGORIES,
  HANDOFF_PROPOSERS,
  HANDOFF_RATIONALE_CATEGORIES,
  type HandoffProposer,
  type HandoffRationaleCategory,
} from '../events/transitions/handoff-proposed.event';
import { FieldDoc } from '../field-doc.decorator';
import { ExitDestinationInput } from './exit-destination.input';

/**
 * A hand-off of the path to the next step. The service sets the answer deadline from its
 * configuration (10 Finnish business days by default); the caller's organisation stays
 * accountable until the receiver completes the hand-off.
 */
export class ProposeHandoffCommand {
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
  @IsIn(HANDOFF_RATIONALE_CATEGORIES)
  rationaleCategory!: HandoffRationaleCategory;

  @FieldDoc('Who proposed it: the client, the worker, or both together.')
  @IsIn(HANDOFF_PROPOSERS)
  proposedBy!: HandoffProposer;
}

/** The receiver accepts a proposed hand-off. */
export class AcceptHandoffCommand {
  @FieldDoc('The day the client starts with it.', { example: '2027-08-02' })
  @IsIsoDate()
  startDate!: string;
}

/** The receiver declines a proposed hand-off: it returns to the sender with the reason. */
export class DeclineHandoffCommand {
  @FieldDoc('Why the receiver declines, as a category.')
  @IsIn(HANDOFF_DECLINE_REASON_CATEGORIES)
  reasonCategory!: HandoffDeclineReasonCategory;

  @FieldDoc('What the receiver suggests instead, as a category.')
  @IsOptional()
  @IsIn(HANDOFF_ALTERNATIVE_CATEGORIES)
  alternativeCategory?: HandoffAlternativeCategory;
}

/** The receiver has taken the client on: the path's ownership moves to it. */
export class CompleteHandoffCommand {
  @FieldDoc('The measure the client starts with the receiver.')
  @IsOptional()
  @IsUUID()
  newMeasureId?: string;
}
