import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { HasNoPersonalIdentityCode, IsIsoDate } from '../events/event-validators';
import {
  REFERRAL_REASON_CATEGORIES,
  type ReferralReasonCategory,
} from '../events/intake/client-referred.event';
import { REFERRAL_DECLINE_REASON_CATEGORIES } from '../events/intake/referral-declined.event';
import type { ConsentableDataClass } from '../events/shared/consent';
import type { IdentityStatus } from '../events/shared/identity-status';
import { MEASURE_TYPES, type MeasureType } from '../events/shared/measure-type';
import { FieldDoc } from '../field-doc.decorator';
import { ClientIdentityInput, FundingRefInput } from './client-identity.input';
import { ConsentInput } from './consent-commands';

/**
 * What the receiver should know before the client arrives (docs/domain.md §3.2: "to avoid stupid
 * mistakes right at the start"), limited by the client's consent: each field has a data class,
 * and the receiver sees only the fields the consent covers for it.
 */
export class PriorInformationInput {
  @FieldDoc(
    'PLAN: what the receiver should know, in the referrer’s words — goals, what has helped, practical arrangements. Never a diagnosis or the personal identity code.',
  )
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  @HasNoPersonalIdentityCode()
  summary?: string;

  @FieldDoc(
    'HEALTH_FLAG: whether work has to be adapted for the client’s health (yes or no, never what or why).',
  )
  @IsOptional()
  @IsBoolean()
  workAdaptationNeeded?: boolean;

  @FieldDoc('PATH: whether the client needs language support.')
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
  @FieldDoc('Who the client is; stored only in client-intake, never in the answer or events.')
  @IsObject()
  @ValidateNested()
  @Type(() => ClientIdentityInput)
  client!: ClientIdentityInput;

  @FieldDoc('The receiving organisation (provider or placement host).')
  @IsUUID()
  toOrgId!: string;

  @FieldDoc('The measure the client is referred to.')
  @IsIn(MEASURE_TYPES)
  requestedMeasure!: MeasureType;

  @FieldDoc('Why the client is referred, as a category.')
  @IsIn(REFERRAL_REASON_CATEGORIES)
  reasonCategory!: ReferralReasonCategory;

  @FieldDoc('The funding decision the measure runs under.')
  @IsObject()
  @ValidateNested()
  @Type(() => FundingRefInput)
  fundingRef!: FundingRefInput;

  @FieldDoc('When the client would like to start.', { example: '2027-01-07' })
  @IsIsoDate()
  desiredStart!: string;

  @FieldDoc(
    'The client’s consent to share prior information with the receiver; without it only the path skeleton (PATH) is shared, on the referrer’s legal basis.',
  )
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ConsentInput)
  consent?: ConsentInput;

  @FieldDoc(
    'Shared with the receiver only as far as `consent` covers each field’s data class; needs `consent`.',
  )
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PriorInformationInput)
  priorInformation?: PriorInformationInput;
}

/** The answer to CreateReferralCommand. */
export interface CreateReferralResult {
  readonly pathId: string;
  readonly referralId: string;
  readonly clientRef: string;
  // Deliberately nothing about other paths of the client (whether one was open, a previous path,
  // a loop count): a referrer must not learn of a path it has no part in (docs/auth.md).
  readonly version: number;
  /** The law under which the referrer shares the path (recorded in the audit trail). */
  readonly legalBasis: string;
  /** False for a client referred with a temporary code or none (docs/identity.md). */
  readonly identityVerified: boolean;
  readonly identityStatus: IdentityStatus;
}

/** POST …/referrals/{referralId}/acceptance: the receiver takes the client on. */
export class AcceptReferralCommand {
  @FieldDoc('When the client is expected to start with the receiver.', {
    example: '2027-01-14',
  })
  @IsIsoDate()
  expectedStart!: string;
}

/** POST …/referrals/{referralId}/decline: the referral goes back to the referrer. */
export class DeclineReferralCommand {
  @FieldDoc('Why the receiver declines, as a category.')
  @IsIn(REFERRAL_DECLINE_REASON_CATEGORIES)
  reasonCategory!: (typeof REFERRAL_DECLINE_REASON_CATEGORIES)[number];

  @FieldDoc('A suggested alternative, e.g. another provider or measure; no client data.')
  @IsOptional()
  @IsString()
  @Length(1, 500)
  alternativeSuggested?: string;
}

/**
 * POST /api/v1/paths/{pathId}/referral-links: the owner of the client's open path joins to it a
 * referral another organisation made of the same client (its LINK_REFERRAL task). Until then
 * the referral is held apart and its referrer has no part in the path (docs/auth.md).
 */
export class LinkReferralCommand {
  @FieldDoc('The referral the owner’s LINK_REFERRAL task names.')
  @IsUUID()
  referralId!: string;
}
