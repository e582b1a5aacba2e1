import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ORG_ROLES, type OrgRole } from '../events/event-envelope';
import { MAX_CONSENT_ORGANISATIONS } from '../events/intake/consent-granted.event';
import {
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  CONSENTABLE_DATA_CLASSES,
  type ConsentableDataClass,
  type ConsentMethod,
  type ConsentPurpose,
} from '../events/shared/consent';
import { HasNoPersonalIdentityCode, IsIsoDate } from '../events/event-validators';
import { REFERRAL_DECLINE_REASON_CATEGORIES } from '../events/intake/referral-declined.event';
import {
  REFERRAL_REASON_CATEGORIES,
  type ReferralReasonCategory,
} from '../events/intake/client-referred.event';
import {
  BASIC_NEED_ISSUE_KINDS,
  BASIC_NEED_RESOLUTIONS,
  type BasicNeedIssueKind,
  type BasicNeedResolution,
} from '../events/intake/basic-needs';
import { IntakeCompletedPayload } from '../events/intake/intake-completed.event';
import {
  PARALLEL_SERVICES,
  type ParallelService,
} from '../events/intake/parallel-service-referred.event';
import { FUNDING_KINDS, type FundingKind } from '../events/shared/funding-ref';
import { MEASURE_TYPES, type MeasureType } from '../events/shared/measure-type';

/**
 * Request/reply subjects of client-intake. Only the gateway sends them, with the caller's
 * principal in the `polku-principal` header; the service checks access again.
 */
export const INTAKE_COMMANDS = {
  createReferral: 'polku-rpc.client-intake.create-referral.v1',
  acceptReferral: 'polku-rpc.client-intake.accept-referral.v1',
  declineReferral: 'polku-rpc.client-intake.decline-referral.v1',
  listReferrals: 'polku-rpc.client-intake.list-referrals.v1',
  grantConsent: 'polku-rpc.client-intake.grant-consent.v1',
  withdrawConsent: 'polku-rpc.client-intake.withdraw-consent.v1',
  listConsents: 'polku-rpc.client-intake.list-consents.v1',
  checkConsent: 'polku-rpc.client-intake.check-consent.v1',
  completeIntake: 'polku-rpc.client-intake.complete-intake.v1',
  referParallelService: 'polku-rpc.client-intake.refer-parallel-service.v1',
  getPriorInformation: 'polku-rpc.client-intake.get-prior-information.v1',
  resolveBasicNeed: 'polku-rpc.client-intake.resolve-basic-need.v1',
  getIntake: 'polku-rpc.client-intake.get-intake.v1',
  getClient: 'polku-rpc.client-intake.get-client.v1',
  listTasks: 'polku-rpc.client-intake.list-tasks.v1',
  listOrganisations: 'polku-rpc.client-intake.list-organisations.v1',
  registerOrganisation: 'polku-rpc.client-intake.register-organisation.v1',
} as const;

/**
 * The organisations that refer clients to the intermediate labour market (domain.md §3.2) and
 * the law of each one's statutory task, under which it processes the path it refers. Codes are
 * recorded in events and audit rows; a legal review may refine them (domain.md §8.2).
 */
export const REFERRAL_LEGAL_BASES: Partial<Record<OrgRole, string>> = {
  EMPLOYMENT_AUTHORITY: 'Act on Organising Employment Services 380/2023',
  SOCIAL_SERVICES: 'Act on Rehabilitative Work Activity 189/2001',
  JOINT_SERVICE_TYP: 'Act on Multisectoral Joint Service Promoting Employment 1369/2014',
  KELA: 'Act on Kela Rehabilitation Benefits 566/2005',
};

/** PUT /api/v1/organisations/{orgId}: an administrator registers or renames an organisation. */
export class RegisterOrganisationCommand {
  @ApiProperty({ example: 'Kainuun työllisyysalue (Kajaani)' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: ORG_ROLES.filter((role) => role !== 'CLIENT' && role !== 'SYSTEM') })
  @IsIn(ORG_ROLES.filter((role) => role !== 'CLIENT' && role !== 'SYSTEM'))
  role!: OrgRole;

  @ApiProperty({ description: 'False retires it: no new referrals to it.' })
  @IsBoolean()
  active!: boolean;
}

export const CLIENT_LANGUAGES = ['fi', 'sv', 'other'] as const;
export type ClientLanguage = (typeof CLIENT_LANGUAGES)[number];

export class PostalAddressInput {
  @ApiProperty({ example: 'Kauppakatu 1 A 2' })
  @IsString()
  @Length(1, 200)
  street!: string;

  @ApiProperty({ example: '87100' })
  @Matches(/^\d{5}$/, { message: 'postalCode must be five digits' })
  postalCode!: string;

  @ApiProperty({ example: 'Kajaani' })
  @IsString()
  @Length(1, 100)
  city!: string;
}

/** Who the client is. Stored only in client-intake, encrypted; never in events or logs. */
export class ClientIdentityInput {
  @ApiProperty({
    description:
      'Finnish personal identity code (henkilötunnus), checksum and century sign validated.',
    example: '131052-308T',
  })
  @IsString()
  @Length(10, 20)
  personalIdentityCode!: string;

  @ApiProperty({ example: 'Aino Maria' })
  @IsString()
  @Length(1, 100)
  givenNames!: string;

  @ApiProperty({ example: 'Virtanen' })
  @IsString()
  @Length(1, 100)
  familyName!: string;

  @ApiProperty({ enum: CLIENT_LANGUAGES, description: 'Language of service: fi, sv or other.' })
  @IsIn(CLIENT_LANGUAGES)
  language!: ClientLanguage;

  @ApiPropertyOptional({ example: '+358401234567' })
  @IsOptional()
  @Matches(/^\+?[0-9 ]{5,20}$/, { message: 'phone must be digits, spaces and an optional +' })
  phone?: string;

  @ApiPropertyOptional({ example: 'aino.virtanen@example.fi' })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string;

  @ApiPropertyOptional({ type: PostalAddressInput })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PostalAddressInput)
  address?: PostalAddressInput;

  @ApiProperty({
    description:
      'Address protection (turvakielto): the address is never shown outside the owning organisation.',
  })
  @IsBoolean()
  addressProtected!: boolean;
}

export class FundingRefInput {
  @ApiProperty({ enum: FUNDING_KINDS })
  @IsIn(FUNDING_KINDS)
  kind!: FundingKind;

  @ApiProperty({ example: 'AP-2026-0042' })
  @IsString()
  @Length(1, 100)
  reference!: string;
}

/** The client's consent, recorded by the worker, for the receiver to see data classes. */
export class ConsentInput {
  @ApiProperty({ enum: CONSENTABLE_DATA_CLASSES, isArray: true })
  @IsIn(CONSENTABLE_DATA_CLASSES, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  dataClasses!: ConsentableDataClass[];

  @ApiProperty({ description: 'Organisations the consent names (uuids); not persons.' })
  @IsUUID('all', { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CONSENT_ORGANISATIONS)
  @ArrayUnique()
  orgIds!: string[];

  @ApiProperty({ enum: CONSENT_METHODS })
  @IsIn(CONSENT_METHODS)
  howGiven!: ConsentMethod;

  @ApiProperty({ enum: CONSENT_PURPOSES })
  @IsIn(CONSENT_PURPOSES)
  purpose!: ConsentPurpose;

  @ApiPropertyOptional({ example: '2027-06-30', description: 'Last day of validity.' })
  @IsOptional()
  @IsIsoDate()
  validTo?: string;
}

/**
 * What the receiver should know before the client arrives (domain.md §3.2: "to avoid stupid
 * mistakes right at the start"), limited by the client's consent: each field has a data class,
 * and the receiver sees only the fields the consent covers for it.
 */
export class PriorInformationInput {
  @ApiPropertyOptional({
    description:
      'PLAN: what the receiver should know, in the referrer’s words — goals, what has helped, practical arrangements. Never a diagnosis or the personal identity code.',
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  @HasNoPersonalIdentityCode()
  summary?: string;

  @ApiPropertyOptional({
    description:
      'HEALTH_FLAG: whether work has to be adapted for the client’s health (yes or no, never what or why).',
  })
  @IsOptional()
  @IsBoolean()
  workAdaptationNeeded?: boolean;

  @ApiPropertyOptional({ description: 'PATH: whether the client needs language support.' })
  @IsOptional()
  @IsBoolean()
  languageSupportNeeded?: boolean;
}

/** The data class of each prior-information field. */
export const PRIOR_INFORMATION_DATA_CLASSES = {
  summary: 'PLAN',
  workAdaptationNeeded: 'HEALTH_FLAG',
  languageSupportNeeded: 'PATH',
} as const satisfies Record<keyof PriorInformationInput, ConsentableDataClass>;

/** POST /api/v1/referrals: refer a client to a provider (creates or finds the client's path). */
export class CreateReferralCommand {
  @ApiProperty({ type: ClientIdentityInput })
  @IsObject()
  @ValidateNested()
  @Type(() => ClientIdentityInput)
  client!: ClientIdentityInput;

  @ApiProperty({ description: 'The receiving organisation (provider or placement host).' })
  @IsUUID()
  toOrgId!: string;

  @ApiProperty({ enum: MEASURE_TYPES })
  @IsIn(MEASURE_TYPES)
  requestedMeasure!: MeasureType;

  @ApiProperty({ enum: REFERRAL_REASON_CATEGORIES })
  @IsIn(REFERRAL_REASON_CATEGORIES)
  reasonCategory!: ReferralReasonCategory;

  @ApiProperty({ type: FundingRefInput })
  @IsObject()
  @ValidateNested()
  @Type(() => FundingRefInput)
  fundingRef!: FundingRefInput;

  @ApiProperty({ example: '2027-01-07' })
  @IsIsoDate()
  desiredStart!: string;

  @ApiPropertyOptional({
    type: ConsentInput,
    description:
      'The client’s consent to share prior information with the receiver; without it only the path skeleton (PATH) is shared, on the referrer’s legal basis.',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ConsentInput)
  consent?: ConsentInput;

  @ApiPropertyOptional({
    type: PriorInformationInput,
    description:
      'Shared with the receiver only as far as `consent` covers each field’s data class; needs `consent`.',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PriorInformationInput)
  priorInformation?: PriorInformationInput;
}

export interface CreateReferralResult {
  readonly pathId: string;
  readonly referralId: string;
  readonly clientRef: string;
  /** False when the referral joined the client's open path. */
  readonly pathCreated: boolean;
  /** Set when the client returned after an exit: the path this one follows. */
  readonly previousPathId: string | null;
  readonly loopCount: number;
  readonly version: number;
  /** The law under which the referrer shares the path (recorded in the audit trail). */
  readonly legalBasis: string;
}

export class AcceptReferralCommand {
  @ApiProperty({ example: '2027-01-14' })
  @IsIsoDate()
  expectedStart!: string;
}

export class DeclineReferralCommand {
  @ApiProperty({ enum: REFERRAL_DECLINE_REASON_CATEGORIES })
  @IsIn(REFERRAL_DECLINE_REASON_CATEGORIES)
  reasonCategory!: (typeof REFERRAL_DECLINE_REASON_CATEGORIES)[number];

  @ApiPropertyOptional({
    description: 'A suggested alternative, e.g. another provider or measure; no client data.',
    maxLength: 500,
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  alternativeSuggested?: string;
}

export class GrantConsentCommand extends ConsentInput {}

/** What the service needs besides the body: the path, and for updates the expected version. */
export interface PathScoped<T> {
  readonly pathId: string;
  readonly body: T;
}

export interface VersionedPathCommand<T> extends PathScoped<T> {
  readonly id: string;
  readonly expectedVersion: number;
}

/** One open "basics" item of an intake: what it is, who owns getting it in order, by when. */
export class BasicNeedIssueInput {
  @ApiProperty({ enum: BASIC_NEED_ISSUE_KINDS })
  @IsIn(BASIC_NEED_ISSUE_KINDS)
  kind!: BasicNeedIssueKind;

  @ApiProperty({ description: 'The organisation that owns the action item.' })
  @IsUUID()
  ownerOrgId!: string;

  @ApiPropertyOptional({ example: '2027-02-01' })
  @IsOptional()
  @IsIsoDate()
  dueDate?: string;
}

/**
 * POST /api/v1/paths/{pathId}/intake: the intake assessment in coded categories (no free text,
 * health as a flag only) and the basics checklist; every OPEN item needs at least one issue,
 * which becomes an owned action item.
 */
export class CompleteIntakeCommand extends OmitType(IntakeCompletedPayload, ['intakeId'] as const) {
  @ApiProperty({ type: BasicNeedIssueInput, isArray: true })
  @ValidateNested({ each: true })
  @Type(() => BasicNeedIssueInput)
  @ArrayMaxSize(20)
  basicNeedIssues!: BasicNeedIssueInput[];
}

/** POST /api/v1/paths/{pathId}/parallel-services: a service alongside the measure. */
export class ReferParallelServiceCommand {
  @ApiProperty({ enum: PARALLEL_SERVICES })
  @IsIn(PARALLEL_SERVICES)
  service!: ParallelService;

  @ApiPropertyOptional({ description: 'The organisation that provides it, when it is in polku.' })
  @IsOptional()
  @IsUUID()
  toOrgId?: string;
}

export class ResolveBasicNeedCommand {
  @ApiProperty({ enum: BASIC_NEED_RESOLUTIONS })
  @IsIn(BASIC_NEED_RESOLUTIONS)
  resolution!: BasicNeedResolution;
}
