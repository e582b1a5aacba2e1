import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsUUID,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import {
  IsFalseWhen,
  IsIsoDate,
  IsOnlyItemWhenListed,
  IsRequiredOnlyWhen,
  WHEN_PRESENT,
} from '../events/event-validators';
import {
  FOLLOW_UP_CONTACT_MODES,
  FOLLOW_UP_HELP_KINDS,
  FOLLOW_UP_STATUSES,
  type FollowUpContactMode,
  type FollowUpHelpKind,
  type FollowUpStatus,
} from '../events/transitions/follow-up-completed.event';
import { FieldDoc } from '../field-doc.decorator';
import { ExitDestinationInput } from './exit-destination.input';

/** The client leaves the path with a destination; follow-ups are scheduled. */
export class ExitPathCommand {
  @FieldDoc('Where the client goes.')
  @IsObject()
  @ValidateNested()
  @Type(() => ExitDestinationInput)
  destination!: ExitDestinationInput;

  @FieldDoc('True when the destination is confirmed, false when expected.')
  @IsBoolean()
  confirmed!: boolean;

  // A day gone by: an exit is recorded when it has happened, never ahead.
  @FieldDoc('The last day on the path: today or earlier, never in the future.', {
    example: '2026-11-30',
  })
  @IsIsoDate()
  exitDate!: string;

  @FieldDoc('The organisation that takes the client on, if in polku.')
  @IsOptional()
  @IsUUID()
  receivingOrgId?: string;
}

/** The owner records a due follow-up. */
export class CompleteFollowUpCommand {
  @FieldDoc('Where the client is now compared with the exit destination.')
  @IsIn(FOLLOW_UP_STATUSES)
  statusNow!: FollowUpStatus;

  @FieldDoc('Where the client is now: required when statusNow is CHANGED, absent otherwise.')
  @IsObject(WHEN_PRESENT)
  @ValidateNested(WHEN_PRESENT)
  @Type(() => ExitDestinationInput)
  @IsRequiredOnlyWhen('statusNow', ['CHANGED'])
  destination?: ExitDestinationInput;

  @FieldDoc('How the client was reached.')
  @IsIn(FOLLOW_UP_CONTACT_MODES)
  contactMode!: FollowUpContactMode;

  @FieldDoc('The help given at the follow-up: each once; NONE only alone; empty when not recorded.')
  @IsArray()
  @ArrayMaxSize(FOLLOW_UP_HELP_KINDS.length)
  @ArrayUnique()
  @IsIn(FOLLOW_UP_HELP_KINDS, { each: true })
  @IsOnlyItemWhenListed('NONE')
  helpGiven!: FollowUpHelpKind[];

  @FieldDoc('True when the follow-up confirmed where the client is; never with UNKNOWN.')
  @IsBoolean()
  @IsFalseWhen('statusNow', ['UNKNOWN'])
  confirmsDestination!: boolean;
}

/**
 * The owner closes the path. No fields: the service closes it with the confirmed destination on
 * record and refuses a path without one, or an unclear path. The one declared property only
 * refuses a destination sent along, and gives the class validation metadata: without any, the
 * gateway's pipe (`forbidUnknownValues`) would refuse every body, even `{}`.
 */
export class ClosePathCommand {
  @FieldDoc('Never sent: the path closes with the confirmed destination on record.')
  @ValidateBy({
    name: 'isNotSent',
    validator: {
      validate: (value) => value === undefined,
      defaultMessage: (args) =>
        `${args?.property} must not be sent: the path closes with the confirmed destination on record`,
    },
  })
  confirmedDestination?: never;
}

/**
 * The owner of an unclear path reviewed it: the search goes on, with the next review date
 * (default UNCLEAR_PATH_REVIEW_BUSINESS_DAYS from today). An unclear path is left only by a
 * hand-off or an exit with a destination; it is never closed.
 */
export class ReviewUnclearPathCommand {
  @FieldDoc('The next review; not before today.', { example: '2027-09-15' })
  @IsOptional()
  @IsIsoDate()
  nextReviewDate?: string;
}
