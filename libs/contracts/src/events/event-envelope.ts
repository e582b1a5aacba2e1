import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  IsActorId,
  IsConsentRefOrLegalBasis,
  IsPseudonymousRef,
  IsUtcTimestamp,
} from './event-validators';

/**
 * What kind of client data an event carries; access is granted per data class
 * (docs/domain.md §9). Health detail never enters polku, only flags.
 */
export const DATA_CLASSES = [
  'PATH',
  'PLAN',
  'ATTENDANCE',
  'HEALTH_FLAG',
  'FINANCE_FLAG',
  'CLIENT_VOICE',
  'EXPERT',
  'AGGREGATE',
] as const;

/** One of {@link DATA_CLASSES}. */
export type DataClass = (typeof DATA_CLASSES)[number];

/** The role of the organisation that emitted an event (docs/domain.md §10.1, docs/domain.md §2). */
export const ORG_ROLES = [
  'EMPLOYMENT_AUTHORITY',
  'SOCIAL_SERVICES',
  'JOINT_SERVICE_TYP',
  'KELA',
  'HEALTH_CARE',
  'PROVIDER',
  'EDUCATION',
  'EMPLOYER',
  'DEBT_COUNSELLING',
  'CLIENT',
  'EXPERT_COORDINATOR',
  'SYSTEM',
] as const;

/** One of {@link ORG_ROLES}. */
export type OrgRole = (typeof ORG_ROLES)[number];

/** The role of the person or process that caused an event. */
export const ACTOR_ROLES = [
  'CASEWORKER',
  'TEAM_LEAD',
  'MANAGER',
  'EXPERT_COORDINATOR',
  'ADMIN',
  'CLIENT',
  'SYSTEM',
] as const;

/** One of {@link ACTOR_ROLES}. */
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** Who emitted an event: an organisation in a role, and an actor in a role inside it. */
export interface EnvelopeEmitter {
  /** The emitting organisation's id (uuid). */
  readonly orgId: string;
  /** The emitting organisation's role. */
  readonly orgRole: OrgRole;
  /** The acting user's pseudonymous id, or the emitting process for SYSTEM; never a name. */
  readonly actorId: string;
  /** The actor's role. */
  readonly actorRole: ActorRole;
}

/**
 * The envelope every domain event travels in (docs/domain.md §10.1). Exactly one of `consentRef`
 * and `legalBasis` is set; `validateEvent` enforces that and the payload's own rules.
 */
export interface EventEnvelope<TData = object> {
  /** Event id, a UUIDv7; also the JetStream `Nats-Msg-Id`, so a re-publish is deduplicated. */
  readonly id: string;
  /** Event type in PascalCase, e.g. `ClientReferred`. */
  readonly type: string;
  /** Version of the event's contract, a positive integer; the subject ends in `.v<version>`. */
  readonly version: number;
  /** When it happened, as an ISO-8601 UTC timestamp ending in `Z`. */
  readonly occurredAt: string;
  /** The client path the event belongs to (uuid). */
  readonly pathId: string;
  /** Pseudonymous client reference; identity is resolved only inside client-intake. */
  readonly clientRef: string;
  /** Who emitted the event. */
  readonly emitter: EnvelopeEmitter;
  /** Ties together every event of one chain, e.g. the path or the hand-off (uuid). */
  readonly correlationId: string;
  /** Id of the event that caused this one; absent or null for the first event of a chain. */
  readonly causationId?: string | null;
  /** Data class of the payload, which decides who may see it. */
  readonly dataClass: DataClass;
  /** The consent record that covers this data class; set when legalBasis is not. */
  readonly consentRef?: string;
  /** Code of the legal provision that allows the processing; set when consentRef is not. */
  readonly legalBasis?: string;
  /** The payload, validated against the contract's payload class. */
  readonly data: TData;
}

/** Runtime validation of {@link EnvelopeEmitter}. */
export class EventEmitterDto implements EnvelopeEmitter {
  /** The emitting organisation's id (uuid). */
  @IsUUID()
  readonly orgId!: string;

  /** The emitting organisation's role. */
  @IsIn(ORG_ROLES)
  readonly orgRole!: OrgRole;

  /** The acting user's pseudonymous id, or the emitting process for SYSTEM; never a name. */
  @IsActorId()
  readonly actorId!: string;

  /** The actor's role. */
  @IsIn(ACTOR_ROLES)
  readonly actorRole!: ActorRole;
}

/**
 * Runtime validation of {@link EventEnvelope}, except `data`, which is validated against the
 * contract's payload class. Unknown envelope fields are allowed, so that a field added to the
 * envelope later does not make older consumers dead-letter every event.
 */
export class EventEnvelopeDto implements EventEnvelope {
  /** Event id, a UUIDv7. */
  @IsUUID('7')
  readonly id!: string;

  /** Event type in PascalCase, e.g. `ClientReferred`. */
  @IsString()
  @Matches(/^[A-Z][A-Za-z0-9]*$/, { message: '$property must be an event type in PascalCase' })
  @MaxLength(100)
  readonly type!: string;

  /** Version of the event's contract, a positive integer. */
  @IsInt()
  @Min(1)
  readonly version!: number;

  /** When it happened, as an ISO-8601 UTC timestamp ending in `Z`. */
  @IsUtcTimestamp()
  readonly occurredAt!: string;

  /** The client path the event belongs to (uuid). */
  @IsUUID()
  readonly pathId!: string;

  /** Pseudonymous client reference; identity is resolved only inside client-intake. */
  @IsPseudonymousRef()
  readonly clientRef!: string;

  /** Who emitted the event. */
  @IsObject()
  @ValidateNested()
  @Type(() => EventEmitterDto)
  readonly emitter!: EventEmitterDto;

  /** Ties together every event of one chain, e.g. the path or the hand-off (uuid). */
  @IsUUID()
  readonly correlationId!: string;

  /** Id of the event that caused this one; absent or null for the first event of a chain. */
  @IsOptional()
  @IsUUID()
  readonly causationId?: string | null;

  /** Data class of the payload, which decides who may see it. */
  @IsIn(DATA_CLASSES)
  readonly dataClass!: DataClass;

  /** The consent record that covers this data class; set when legalBasis is not. */
  @IsConsentRefOrLegalBasis()
  readonly consentRef?: string;

  /** Code of the legal provision that allows the processing; set when consentRef is not. */
  @IsConsentRefOrLegalBasis()
  readonly legalBasis?: string;

  /** The payload; its shape is checked against the contract's payload class. */
  @IsObject()
  readonly data!: object;
}
