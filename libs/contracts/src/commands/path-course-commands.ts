import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsActorId, IsIsoDate } from '../events/event-validators';
import {
  WORKER_CHANGE_REASON_CATEGORIES,
  type WorkerChangeReasonCategory,
} from '../events/transitions/responsible-worker-changed.event';
import {
  WAIT_THRESHOLD_BUSINESS_DAYS,
  WAITING_FOR_CATEGORIES,
  type WaitingForCategory,
} from '../events/transitions/waiting-started.event';
import { FieldDoc } from '../field-doc.decorator';

/** Another worker of the accountable organisation becomes the path's named worker. */
export class ChangeResponsibleWorkerCommand {
  @FieldDoc('The identity provider’s pseudonymous user id of the new worker; never a name.', {
    example: 'usr_7b1d4e08',
  })
  @IsActorId()
  toWorkerId!: string;

  @FieldDoc('Why the worker changes, as a category.')
  @IsIn(WORKER_CHANGE_REASON_CATEGORIES)
  reasonCategory!: WorkerChangeReasonCategory;
}

/**
 * The follow-ups of an exited client move to another organisation and its named worker, e.g.
 * before the provider's funding ends (docs/transitions.md, "Who owns the follow-ups").
 */
export class RehomeFollowUpsCommand {
  @FieldDoc(
    'The organisation that takes the follow-ups over: an active organisation of the registry that follows clients up (employment authority, social services, TYP or a provider).',
  )
  @IsUUID()
  toOrgId!: string;

  @FieldDoc(
    'The identity provider’s pseudonymous user id of its worker who takes them; never a name.',
    { example: 'usr_7b1d4e08' },
  )
  @IsActorId()
  toWorkerId!: string;
}

/**
 * What the gateway adds to a re-homing from the organisation registry (client-intake keeps it):
 * the receiver's role, or null when it is not an active organisation there. transitions takes the
 * role only from this, never from the caller's body.
 */
export interface FollowUpOwnerRegistryRole {
  readonly toOrgRole: string | null;
}

/** The client starts waiting for a service, decision or place. */
export class StartWaitingCommand {
  @FieldDoc('What the client waits for: a category only, never detail.')
  @IsIn(WAITING_FOR_CATEGORIES)
  waitingFor!: WaitingForCategory;

  @FieldDoc('The organisation waited for, when it is in polku.')
  @IsOptional()
  @IsUUID()
  waitingForOrgId?: string;

  @FieldDoc('Business days before WaitExceeded; absent: the configured default.')
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
  @FieldDoc('The last funded day.', { example: '2027-12-31' })
  @IsIsoDate()
  endDate!: string;
}
