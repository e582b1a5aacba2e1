import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { HasNoPersonalIdentityCode, IsIsoDate } from '../event-validators';

/** Why a receiving organisation declines a referral. */
export const REFERRAL_DECLINE_REASON_CATEGORIES = [
  'NO_CAPACITY',
  'NOT_SUITABLE_MEASURE',
  'CLIENT_DID_NOT_ATTEND',
  'OUTSIDE_AREA',
  'OTHER',
] as const;

/** One of {@link REFERRAL_DECLINE_REASON_CATEGORIES}. */
export type ReferralDeclineReasonCategory = (typeof REFERRAL_DECLINE_REASON_CATEGORIES)[number];

/** Payload of ReferralDeclined v1: the referral goes back to the referrer, never into the void. */
export class ReferralDeclinedPayload {
  @FieldDoc('The referral being declined, as in ClientReferred.')
  @IsUUID()
  readonly referralId!: string;

  @FieldDoc('The organisation that declined: the provider or placement host referred to.')
  @IsUUID()
  readonly declinedByOrgId!: string;

  @FieldDoc('Why it was declined, as a category.')
  @IsIn(REFERRAL_DECLINE_REASON_CATEGORIES)
  readonly reasonCategory!: ReferralDeclineReasonCategory;

  @FieldDoc(
    'Another measure or provider the decliner suggests, in at most 500 characters; no health detail, no names, no identity codes.',
  )
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  @HasNoPersonalIdentityCode()
  readonly alternativeSuggested?: string;

  @FieldDoc('Due date of the referrer’s task to find the client another path.')
  @IsIsoDate()
  readonly returnTaskDueDate!: string;
}

/** The receiving organisation declines a referral (docs/domain.md §10.2 S0). */
export const REFERRAL_DECLINED_V1 = defineEvent({
  subject: 'polku.intake.referral.referral-declined.v1',
  type: 'ReferralDeclined',
  version: 1,
  dataClass: 'PATH',
  payloadClass: ReferralDeclinedPayload,
  summary:
    'The receiving organisation declined a referral with a reason category; the path returns to the referrer with a dated task to find another path.',
  emittedBy: 'The provider or placement host the client was referred to.',
});
