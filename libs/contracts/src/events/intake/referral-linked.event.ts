import { IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';

/**
 * Why a held referral was joined to the client's open path: its owner accepted it. (The client's
 * consent needs no link: a consent the owner records names the referrer directly, docs/auth.md.)
 */
export const REFERRAL_LINK_BASES = ['OWNER_ACCEPTED'] as const;

/** One of {@link REFERRAL_LINK_BASES}. */
export type ReferralLinkBasis = (typeof REFERRAL_LINK_BASES)[number];

/**
 * Payload of ReferralLinked v1: the owner of a client's open path (the envelope's `pathId`)
 * joined another organisation's referral, held on a path of its own, to it.
 */
export class ReferralLinkedPayload {
  @FieldDoc('The referral joined to the open path, as in its ClientReferred event.')
  @IsUUID()
  readonly referralId!: string;

  @FieldDoc(
    'The path the referral was held on, apart from the open path; from now on its referral and consents count for the open path too.',
  )
  @IsUUID()
  readonly heldPathId!: string;

  @FieldDoc('The organisation that made the referral; it becomes a referrer of the open path.')
  @IsUUID()
  readonly fromOrgId!: string;

  @FieldDoc('The organisation the referral is to; it becomes a party of the open path.')
  @IsUUID()
  readonly toOrgId!: string;

  @FieldDoc(
    `Why the two were joined: ${REFERRAL_LINK_BASES.map((basis) => `\`${basis}\``).join(', ')}.`,
  )
  @IsIn(REFERRAL_LINK_BASES)
  readonly basis!: ReferralLinkBasis;
}

/** The owner of a client's open path links another organisation's referral to it. */
export const REFERRAL_LINKED_V1 = defineEvent({
  subject: 'polku.intake.referral.referral-linked.v1',
  type: 'ReferralLinked',
  version: 1,
  dataClass: 'PATH',
  payloadClass: ReferralLinkedPayload,
  summary:
    'The owner of a client’s open path linked a referral another organisation made of the client (held on a path of its own) to the open path: its referrer becomes a referrer of the open path and its receiver a party, as if the referral had been made on it.',
  emittedBy: 'client-intake, when the owner of the open path links the referral its task names.',
});
