import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { HasNoPersonalIdentityCode, IsIsoDate } from '../event-validators';
import { FundingRef } from '../shared/funding-ref';
import { MEASURE_TYPES, type MeasureType } from '../shared/measure-type';

/**
 * Why a client is referred, as a category and never as free text or a diagnosis (docs/domain.md
 * §3.1, §3.2):
 * - LONG_TERM_UNEMPLOYMENT: long unemployed, often more than 500 days;
 * - FUNCTIONAL_CAPACITY: maintain or build functional capacity and life management, the aim of
 *   rehabilitative work activity;
 * - WORK_ABILITY_ASSESSMENT: work as a gauge of work ability, e.g. before a pension decision or in
 *   Kela job coaching;
 * - DIRECTION_FINDING: find a working-life or study direction, e.g. after dropping out of
 *   education;
 * - WORK_EXPERIENCE: gain working-life skills and experience towards the open labour market;
 * - LANGUAGE_AND_INTEGRATION: language or integration needs of an immigrant client;
 * - OTHER: none of these.
 */
export const REFERRAL_REASON_CATEGORIES = [
  'LONG_TERM_UNEMPLOYMENT',
  'FUNCTIONAL_CAPACITY',
  'WORK_ABILITY_ASSESSMENT',
  'DIRECTION_FINDING',
  'WORK_EXPERIENCE',
  'LANGUAGE_AND_INTEGRATION',
  'OTHER',
] as const;

/** One of {@link REFERRAL_REASON_CATEGORIES}. */
export type ReferralReasonCategory = (typeof REFERRAL_REASON_CATEGORIES)[number];

/** Payload of ClientReferred v1: a referring organisation refers a client to a provider. */
export class ClientReferredPayload {
  @FieldDoc('The referral; ReferralAccepted or ReferralDeclined answer it with the same id.')
  @IsUUID()
  readonly referralId!: string;

  @FieldDoc('The referring organisation, which stays responsible until the referral is accepted.')
  @IsUUID()
  readonly fromOrgId!: string;

  @FieldDoc(
    'The provider the client is referred to; differs from `fromOrgId` (a rule client-intake enforces).',
  )
  @IsUUID()
  readonly toOrgId!: string;

  @FieldDoc('The measure the referrer asks for.')
  @IsIn(MEASURE_TYPES)
  readonly requestedMeasure!: MeasureType;

  @FieldDoc('Why the client is referred, as a category; never a diagnosis.')
  @IsIn(REFERRAL_REASON_CATEGORIES)
  readonly reasonCategory!: ReferralReasonCategory;

  @FieldDoc('The decision or commitment that funds the measure.')
  @IsObject()
  @ValidateNested()
  @Type(() => FundingRef)
  readonly fundingRef!: FundingRef;

  @FieldDoc('The start date the referrer hopes for.')
  @IsIsoDate()
  readonly desiredStart!: string;

  @FieldDoc(
    'Whether the client’s identity is verified (a permanent personal identity code). False for a client referred with a temporary code or none, who is never matched to another client; left out only by events written before polku knew unverified clients, which were all verified.',
  )
  @IsOptional()
  @IsBoolean()
  readonly identityVerified?: boolean;

  @FieldDoc(
    'Reference to the consent-scoped package of prior information for the receiving worker; the package itself never travels in the event.',
  )
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @HasNoPersonalIdentityCode()
  readonly priorInformationRef?: string;
}

/** A client is referred to a provider for a measure (docs/domain.md §10.2 S0). */
export const CLIENT_REFERRED_V1 = defineEvent({
  subject: 'polku.intake.referral.client-referred.v1',
  type: 'ClientReferred',
  version: 1,
  dataClass: 'PATH',
  payloadClass: ClientReferredPayload,
  summary:
    'A referring organisation referred a client to a provider for a measure; the referral stays the referrer’s responsibility until the provider accepts it.',
  emittedBy:
    'The referring organisation (employment authority, TYP, social services or Kela), through the gateway.',
});
