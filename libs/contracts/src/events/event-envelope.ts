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
import { FieldDoc } from '../field-doc.decorator';
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
  // Keeps the whole organisation registry (ADMIN keeps only its own organisation).
  'REGISTRY_ADMIN',
  'CLIENT',
  'SYSTEM',
] as const;

/** One of {@link ACTOR_ROLES}. */
export type ActorRole = (typeof ACTOR_ROLES)[number];

/**
 * Who emitted an event: an organisation in a role, and an actor in a role inside it. Each field
 * is described once, on {@link EventEmitterDto}.
 */
export interface EnvelopeEmitter {
  readonly orgId: string;
  readonly orgRole: OrgRole;
  readonly actorId: string;
  readonly actorRole: ActorRole;
}

/**
 * The envelope every domain event travels in (docs/domain.md §10.1). Exactly one of `consentRef`
 * and `legalBasis` is set; `validateEvent` enforces that and the payload's own rules. Each field
 * is described once, on {@link EventEnvelopeDto}.
 */
export interface EventEnvelope<TData = object> {
  readonly id: string;
  readonly type: string;
  readonly version: number;
  readonly occurredAt: string;
  readonly pathId: string;
  readonly clientRef: string;
  readonly emitter: EnvelopeEmitter;
  readonly correlationId: string;
  readonly causationId?: string | null;
  readonly dataClass: DataClass;
  readonly consentRef?: string;
  readonly legalBasis?: string;
  readonly data: TData;
}

/** Runtime validation of {@link EnvelopeEmitter}. */
export class EventEmitterDto implements EnvelopeEmitter {
  @FieldDoc('The emitting organisation.')
  @IsUUID()
  readonly orgId!: string;

  @FieldDoc(`The organisation’s role: ${ORG_ROLES.map((role) => `\`${role}\``).join(', ')}.`)
  @IsIn(ORG_ROLES)
  readonly orgRole!: OrgRole;

  @FieldDoc(
    'Pseudonymous id of the acting user, or the emitting process for `SYSTEM` (1–128 characters `A-Z a-z 0-9 _ . : -`); never a name or e-mail address.',
  )
  @IsActorId()
  readonly actorId!: string;

  @FieldDoc(`The actor’s role: ${ACTOR_ROLES.map((role) => `\`${role}\``).join(', ')}.`)
  @IsIn(ACTOR_ROLES)
  readonly actorRole!: ActorRole;
}

/**
 * Runtime validation of {@link EventEnvelope}, except `data`, which is validated against the
 * contract's payload class. Unknown envelope fields are allowed, so that a field added to the
 * envelope later does not make older consumers dead-letter every event.
 */
export class EventEnvelopeDto implements EventEnvelope {
  @FieldDoc('Event id; also the JetStream `Nats-Msg-Id`, so a re-published event is stored once.')
  @IsUUID('7')
  readonly id!: string;

  @FieldDoc('Event type in PascalCase, e.g. `ClientReferred`; equals the contract’s type.')
  @IsString()
  @Matches(/^[A-Z][A-Za-z0-9]*$/, { message: '$property must be an event type in PascalCase' })
  @MaxLength(100)
  readonly type!: string;

  @FieldDoc('Contract version; equals the `.vN` suffix of the subject.')
  @IsInt()
  @Min(1)
  readonly version!: number;

  @FieldDoc('When it happened, ending in `Z`, e.g. `2026-03-02T08:15:00.000Z`.')
  @IsUtcTimestamp()
  readonly occurredAt!: string;

  @FieldDoc('The client path the event belongs to.')
  @IsUUID()
  readonly pathId!: string;

  @FieldDoc(
    'Pseudonymous client reference (8–128 URL-safe characters); never a name or identity code.',
  )
  @IsPseudonymousRef()
  readonly clientRef!: string;

  @FieldDoc('Who emitted the event.')
  @IsObject()
  @ValidateNested()
  @Type(() => EventEmitterDto)
  readonly emitter!: EventEmitterDto;

  @FieldDoc('Ties together every event of one chain, e.g. the path or the hand-off.')
  @IsUUID()
  readonly correlationId!: string;

  @FieldDoc('Id of the event that caused this one; absent or null for the first of a chain.')
  @IsOptional()
  @IsUUID()
  readonly causationId?: string | null;

  @FieldDoc(
    `Data class of the payload, which decides who may see it: ${DATA_CLASSES.map((dataClass) => `\`${dataClass}\``).join(', ')}; equals the contract’s.`,
  )
  @IsIn(DATA_CLASSES)
  readonly dataClass!: DataClass;

  @FieldDoc('The consent record that covers this data class for the receiving parties.')
  @IsConsentRefOrLegalBasis()
  readonly consentRef?: string;

  @FieldDoc('Code of the legal provision that allows the processing without consent.')
  @IsConsentRefOrLegalBasis()
  readonly legalBasis?: string;

  @FieldDoc(
    'The payload, validated against the event’s payload class below; unknown payload fields are rejected.',
  )
  @IsObject()
  readonly data!: object;
}
