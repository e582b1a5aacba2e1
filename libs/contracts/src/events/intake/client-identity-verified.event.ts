import { Equals, IsBoolean, IsIn } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';

/** How an unverified client's identity came to be verified. */
export const IDENTITY_VERIFICATION_BASES = ['PERMANENT_CODE_RECORDED'] as const;

/** One of {@link IDENTITY_VERIFICATION_BASES}. */
export type IdentityVerificationBasis = (typeof IDENTITY_VERIFICATION_BASES)[number];

/**
 * Payload of ClientIdentityVerified v1: the client of the envelope's path, referred with a
 * temporary code or none, now has a verified identity. Which code, or anything else about who
 * the client is, never travels in an event.
 */
export class ClientIdentityVerifiedPayload {
  @FieldDoc('Always true: the identity of the envelope’s `clientRef` is verified from now on.')
  @IsBoolean()
  @Equals(true)
  readonly identityVerified!: true;

  @FieldDoc(
    `How it was verified: ${IDENTITY_VERIFICATION_BASES.map((basis) => `\`${basis}\``).join(', ')}.`,
  )
  @IsIn(IDENTITY_VERIFICATION_BASES)
  readonly basis!: IdentityVerificationBasis;
}

/** The path's owner recorded the permanent code of a client whose identity was not verified. */
export const CLIENT_IDENTITY_VERIFIED_V1 = defineEvent({
  subject: 'polku.intake.client.client-identity-verified.v1',
  type: 'ClientIdentityVerified',
  version: 1,
  dataClass: 'PATH',
  payloadClass: ClientIdentityVerifiedPayload,
  summary:
    'A client referred with a temporary code or none now has a verified identity: the path’s owner recorded the permanent personal identity code, and no other client had it. The code never travels in the event.',
  emittedBy: 'client-intake, when the owner of the path records the permanent code.',
});
