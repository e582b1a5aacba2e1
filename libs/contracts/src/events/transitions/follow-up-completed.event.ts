import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import {
  IsFalseWhen,
  IsOnlyItemWhenListed,
  IsRequiredOnlyWhen,
  WHEN_PRESENT,
} from '../event-validators';
import { ExitDestination } from '../shared/exit-destination';

/**
 * Where the client is now compared with the exit (docs/domain.md §10.2 S6): at the same destination;
 * somewhere else; back in the intermediate labour market; or not known.
 */
export const FOLLOW_UP_STATUSES = ['SAME', 'CHANGED', 'BACK_IN_VTM', 'UNKNOWN'] as const;

/** One of {@link FOLLOW_UP_STATUSES}. */
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/**
 * How the follow-up was done: by phone, in a meeting, by message, by checking a register (e.g.
 * the employment authority's customer register), or without reaching the client.
 */
export const FOLLOW_UP_CONTACT_MODES = [
  'PHONE',
  'MEETING',
  'MESSAGE',
  'REGISTER_CHECK',
  'NO_CONTACT',
] as const;

/** One of {@link FOLLOW_UP_CONTACT_MODES}. */
export type FollowUpContactMode = (typeof FOLLOW_UP_CONTACT_MODES)[number];

/**
 * Help given at the follow-up, as categories (informal guidance after the
 * measure, above all with applications): none; job applications; benefit applications; a
 * referral to a service; counselling; other help.
 */
export const FOLLOW_UP_HELP_KINDS = [
  'NONE',
  'JOB_APPLICATIONS',
  'BENEFIT_APPLICATIONS',
  'REFERRAL_TO_SERVICE',
  'COUNSELLING',
  'OTHER',
] as const;

/** One of {@link FOLLOW_UP_HELP_KINDS}. */
export type FollowUpHelpKind = (typeof FOLLOW_UP_HELP_KINDS)[number];

/** Payload of FollowUpCompleted v1: where the client is now, how it was found out, what help was given. */
export class FollowUpCompletedPayload {
  @FieldDoc('The follow-up, as in FollowUpScheduled.')
  @IsUUID()
  readonly followUpId!: string;

  @FieldDoc(
    'Where the client is now: at the exit’s destination, somewhere else, back in the intermediate labour market, or not known.',
  )
  @IsIn(FOLLOW_UP_STATUSES)
  readonly statusNow!: FollowUpStatus;

  @FieldDoc(
    'Where the client is now, present exactly when `statusNow` is `CHANGED`: a group, a category of that group and optionally its kind.',
  )
  @IsObject(WHEN_PRESENT)
  @ValidateNested(WHEN_PRESENT)
  @Type(() => ExitDestination)
  @IsRequiredOnlyWhen('statusNow', ['CHANGED'])
  readonly destination?: ExitDestination;

  @FieldDoc('How the follow-up was done; `NO_CONTACT` when the client could not be reached.')
  @IsIn(FOLLOW_UP_CONTACT_MODES)
  readonly contactMode!: FollowUpContactMode;

  @FieldDoc(
    'The help given at the follow-up, as categories, each once; `NONE` only alone, empty when not recorded.',
  )
  @IsArray()
  @ArrayMaxSize(FOLLOW_UP_HELP_KINDS.length)
  @ArrayUnique({ message: '$property must not contain duplicates' })
  @IsIn(FOLLOW_UP_HELP_KINDS, {
    each: true,
    message: '$property must contain only the following values: $constraint1',
  })
  @IsOnlyItemWhenListed('NONE')
  readonly helpGiven!: FollowUpHelpKind[];

  @FieldDoc(
    'True when the follow-up confirmed where the client is; a path is closed only with a confirmed destination. Never true when `statusNow` is `UNKNOWN`.',
  )
  @IsBoolean()
  @IsFalseWhen('statusNow', ['UNKNOWN'])
  readonly confirmsDestination!: boolean;
}

/** The owner records a follow-up (docs/domain.md §10.2 S6, §3.8). */
export const FOLLOW_UP_COMPLETED_V1 = defineEvent({
  subject: 'polku.transitions.follow-up.follow-up-completed.v1',
  type: 'FollowUpCompleted',
  version: 1,
  // PATH: the destination category is in the path skeleton (docs/domain.md §9.3); the help given is
  // a category, never the content of the conversation.
  dataClass: 'PATH',
  payloadClass: FollowUpCompletedPayload,
  summary:
    'The owner followed the client up: where the client is now (and the new destination when it changed), how, what help was given, and whether the destination is now confirmed.',
  emittedBy: 'transitions, for the path’s owner.',
});
