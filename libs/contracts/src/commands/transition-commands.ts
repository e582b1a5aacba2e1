import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import {
  ACTOR_ID_PATTERN,
  IsActorId,
  IsFalseWhen,
  IsIsoDate,
  IsOnlyItemWhenListed,
  IsRequiredOnlyWhen,
  WHEN_PRESENT,
} from '../events/event-validators';
import {
  DESTINATION_CATEGORIES,
  DESTINATION_GROUPS,
  DESTINATION_SUB_TYPES,
  IsCategoryOfGroup,
  IsDestinationOtherThan,
  IsSubTypeOfCategory,
  type DestinationCategory,
  type DestinationGroup,
  type DestinationSubType,
} from '../events/shared/exit-destination';
import {
  FOLLOW_UP_CONTACT_MODES,
  FOLLOW_UP_HELP_KINDS,
  FOLLOW_UP_STATUSES,
  type FollowUpContactMode,
  type FollowUpHelpKind,
  type FollowUpStatus,
} from '../events/transitions/follow-up-completed.event';
import {
  WORKER_CHANGE_REASON_CATEGORIES,
  type WorkerChangeReasonCategory,
} from '../events/transitions/responsible-worker-changed.event';
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
import {
  WAIT_THRESHOLD_BUSINESS_DAYS,
  WAITING_FOR_CATEGORIES,
  type WaitingForCategory,
} from '../events/transitions/waiting-started.event';

/**
 * Request/reply subjects of transitions. Only the gateway sends them, with the caller's
 * principal in the `polku-principal` header; the service checks access again. Every command but
 * `announceFundingEnding` and `listLostPaths` (organisation-wide) is about one path.
 */
export const TRANSITION_COMMANDS = {
  proposeTransition: 'polku-rpc.transitions.propose-transition.v1',
  acceptTransition: 'polku-rpc.transitions.accept-transition.v1',
  declineTransition: 'polku-rpc.transitions.decline-transition.v1',
  completeHandoff: 'polku-rpc.transitions.complete-handoff.v1',
  exitPath: 'polku-rpc.transitions.exit-path.v1',
  completeFollowUp: 'polku-rpc.transitions.complete-follow-up.v1',
  closePath: 'polku-rpc.transitions.close-path.v1',
  reviewUnclearPath: 'polku-rpc.transitions.review-unclear-path.v1',
  changeResponsibleWorker: 'polku-rpc.transitions.change-responsible-worker.v1',
  startWaiting: 'polku-rpc.transitions.start-waiting.v1',
  endWaiting: 'polku-rpc.transitions.end-waiting.v1',
  announceFundingEnding: 'polku-rpc.transitions.announce-funding-ending.v1',
  getPath: 'polku-rpc.transitions.get-path.v1',
  listLostPaths: 'polku-rpc.transitions.list-lost-paths.v1',
} as const;

/** A destination from the taxonomy (domain.md §3.7), with the same rules as ExitDestination. */
export class ExitDestinationInput {
  @ApiProperty({ enum: DESTINATION_GROUPS })
  @IsIn(DESTINATION_GROUPS)
  group!: DestinationGroup;

  @ApiProperty({ enum: DESTINATION_CATEGORIES, description: 'A category of the group.' })
  @IsIn(DESTINATION_CATEGORIES)
  @IsCategoryOfGroup()
  category!: DestinationCategory;

  @ApiPropertyOptional({
    enum: DESTINATION_SUB_TYPES,
    description:
      'For STUDIES the form of study, for SUPPORTED_EMPLOYMENT the form of support; absent otherwise.',
  })
  @IsOptional()
  @IsIn(DESTINATION_SUB_TYPES)
  @IsSubTypeOfCategory()
  subType?: DestinationSubType;
}

/**
 * A hand-off of the path to the next step. The service sets the answer deadline from its
 * configuration (10 Finnish business days by default); the caller's organisation stays
 * accountable until the receiver completes the hand-off.
 */
export class ProposeTransitionCommand {
  @ApiProperty({
    type: ExitDestinationInput,
    description: 'The next step’s destination; never UNCLEAR_PATH or RETURNED_TO_VTM.',
  })
  // An array would pass @ValidateNested as a list of nothing: it must be one object.
  @IsObject()
  @ValidateNested()
  @Type(() => ExitDestinationInput)
  @IsDestinationOtherThan(NON_HANDOFF_DESTINATION_CATEGORIES)
  destination!: ExitDestinationInput;

  @ApiProperty({ description: 'The organisation asked to take the client on.' })
  @IsUUID()
  receivingOrgId!: string;

  @ApiProperty({ example: '2027-08-02', description: 'The proposed start with the receiver.' })
  @IsIsoDate()
  proposedDate!: string;

  @ApiPropertyOptional({ description: 'The measure the client moves on from.' })
  @IsOptional()
  @IsUUID()
  fromMeasureId?: string;

  @ApiProperty({ enum: TRANSITION_RATIONALE_CATEGORIES })
  @IsIn(TRANSITION_RATIONALE_CATEGORIES)
  rationaleCategory!: TransitionRationaleCategory;

  @ApiProperty({ enum: TRANSITION_PROPOSERS })
  @IsIn(TRANSITION_PROPOSERS)
  proposedBy!: TransitionProposer;
}

/** The receiver accepts a proposed hand-off. */
export class AcceptTransitionCommand {
  @ApiProperty({ example: '2027-08-02', description: 'The day the client starts with it.' })
  @IsIsoDate()
  startDate!: string;
}

/** The receiver declines a proposed hand-off: it returns to the sender with the reason. */
export class DeclineTransitionCommand {
  @ApiProperty({ enum: TRANSITION_DECLINE_REASON_CATEGORIES })
  @IsIn(TRANSITION_DECLINE_REASON_CATEGORIES)
  reasonCategory!: TransitionDeclineReasonCategory;

  @ApiPropertyOptional({ enum: TRANSITION_ALTERNATIVE_CATEGORIES })
  @IsOptional()
  @IsIn(TRANSITION_ALTERNATIVE_CATEGORIES)
  alternativeCategory?: TransitionAlternativeCategory;
}

/** The receiver has taken the client on: the path's ownership moves to it. */
export class CompleteHandoffCommand {
  @ApiPropertyOptional({ description: 'The measure the client starts with the receiver.' })
  @IsOptional()
  @IsUUID()
  newMeasureId?: string;
}

/** The client leaves the path with a destination; follow-ups are scheduled. */
export class ExitPathCommand {
  @ApiProperty({ type: ExitDestinationInput })
  @IsObject()
  @ValidateNested()
  @Type(() => ExitDestinationInput)
  destination!: ExitDestinationInput;

  @ApiProperty({ description: 'True when the destination is confirmed, false when expected.' })
  @IsBoolean()
  confirmed!: boolean;

  @ApiProperty({ example: '2027-07-30' })
  @IsIsoDate()
  exitDate!: string;

  @ApiPropertyOptional({ description: 'The organisation that takes the client on, if in polku.' })
  @IsOptional()
  @IsUUID()
  receivingOrgId?: string;
}

/** The owner records a due follow-up. */
export class CompleteFollowUpCommand {
  @ApiProperty({ enum: FOLLOW_UP_STATUSES })
  @IsIn(FOLLOW_UP_STATUSES)
  statusNow!: FollowUpStatus;

  @ApiPropertyOptional({
    type: ExitDestinationInput,
    description: 'Where the client is now: required when statusNow is CHANGED, absent otherwise.',
  })
  @IsObject(WHEN_PRESENT)
  @ValidateNested(WHEN_PRESENT)
  @Type(() => ExitDestinationInput)
  @IsRequiredOnlyWhen('statusNow', ['CHANGED'])
  destination?: ExitDestinationInput;

  @ApiProperty({ enum: FOLLOW_UP_CONTACT_MODES })
  @IsIn(FOLLOW_UP_CONTACT_MODES)
  contactMode!: FollowUpContactMode;

  @ApiProperty({
    enum: FOLLOW_UP_HELP_KINDS,
    isArray: true,
    description: 'Each once; NONE only alone; empty when not recorded.',
  })
  @IsArray()
  @ArrayMaxSize(FOLLOW_UP_HELP_KINDS.length)
  @ArrayUnique()
  @IsIn(FOLLOW_UP_HELP_KINDS, { each: true })
  @IsOnlyItemWhenListed('NONE')
  helpGiven!: FollowUpHelpKind[];

  @ApiProperty({
    description: 'True when the follow-up confirmed where the client is; never with UNKNOWN.',
  })
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
  @ApiPropertyOptional({ example: '2027-09-15', description: 'The next review; not before today.' })
  @IsOptional()
  @IsIsoDate()
  nextReviewDate?: string;
}

/** Another worker of the accountable organisation becomes the path's named worker. */
export class ChangeResponsibleWorkerCommand {
  @ApiProperty({
    pattern: ACTOR_ID_PATTERN.source,
    example: 'usr_7b1d4e08',
    description: 'The identity provider’s pseudonymous user id of the new worker; never a name.',
  })
  @IsActorId()
  toWorkerId!: string;

  @ApiProperty({ enum: WORKER_CHANGE_REASON_CATEGORIES })
  @IsIn(WORKER_CHANGE_REASON_CATEGORIES)
  reasonCategory!: WorkerChangeReasonCategory;
}

/** The client starts waiting for a service, decision or place. */
export class StartWaitingCommand {
  @ApiProperty({ enum: WAITING_FOR_CATEGORIES, description: 'A category only, never detail.' })
  @IsIn(WAITING_FOR_CATEGORIES)
  waitingFor!: WaitingForCategory;

  @ApiPropertyOptional({ description: 'The organisation waited for, when it is in polku.' })
  @IsOptional()
  @IsUUID()
  waitingForOrgId?: string;

  @ApiPropertyOptional({
    minimum: WAIT_THRESHOLD_BUSINESS_DAYS.min,
    maximum: WAIT_THRESHOLD_BUSINESS_DAYS.max,
    description: 'Business days before WaitExceeded; absent: the configured default.',
  })
  @IsOptional()
  @IsInt()
  @Min(WAIT_THRESHOLD_BUSINESS_DAYS.min)
  @Max(WAIT_THRESHOLD_BUSINESS_DAYS.max)
  thresholdBusinessDays?: number;
}

/**
 * The caller's organisation, a provider, announces that its funding ends; transitions raises
 * ProviderFundingEnding on every active path it is accountable for.
 */
export class AnnounceFundingEndingCommand {
  @ApiProperty({ example: '2027-12-31', description: 'The last funded day.' })
  @IsIsoDate()
  endDate!: string;
}
