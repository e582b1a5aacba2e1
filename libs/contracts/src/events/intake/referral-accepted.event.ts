import { IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsIsoDate } from '../event-validators';

/** Payload of ReferralAccepted v1: the receiving organisation takes the client in. */
export class ReferralAcceptedPayload {
  @FieldDoc('The referral being accepted, as in ClientReferred.')
  @IsUUID()
  readonly referralId!: string;

  @FieldDoc('The organisation that accepted: the provider or placement host referred to.')
  @IsUUID()
  readonly acceptedByOrgId!: string;

  @FieldDoc('The date the client is expected to start.')
  @IsIsoDate()
  readonly expectedStart!: string;
}

/** The receiving organisation accepts a referral (docs/domain.md §10.2 S0). */
export const REFERRAL_ACCEPTED_V1 = defineEvent({
  subject: 'polku.intake.referral.referral-accepted.v1',
  type: 'ReferralAccepted',
  version: 1,
  dataClass: 'PATH',
  payloadClass: ReferralAcceptedPayload,
  summary:
    'The receiving organisation accepted a referral and gave the date the client is expected to start.',
  emittedBy: 'The provider or placement host the client was referred to.',
});
