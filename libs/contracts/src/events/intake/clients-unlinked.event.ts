import { IsBoolean, IsIn, IsUUID } from 'class-validator';
import { IDENTITY_STATUSES, type IdentityStatus } from '../shared/identity-status';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';

/** Payload of ClientsUnlinked v1: a link of ClientsLinked was removed; no identity. */
export class ClientsUnlinkedPayload {
  @FieldDoc('The link removed, as in its ClientsLinked event.')
  @IsUUID()
  readonly linkId!: string;

  @FieldDoc('Whether the identity of the envelope’s `clientRef` is verified after the removal.')
  @IsBoolean()
  readonly identityVerified!: boolean;

  @FieldDoc('The identity status of the envelope’s `clientRef` after the removal.')
  @IsIn(IDENTITY_STATUSES)
  readonly identityStatus!: IdentityStatus;
}

/** A caseworker removed a link between two client records (docs/identity.md). */
export const CLIENTS_UNLINKED_V1 = defineEvent({
  subject: 'polku.intake.client.clients-unlinked.v1',
  type: 'ClientsUnlinked',
  version: 1,
  dataClass: 'PATH',
  payloadClass: ClientsUnlinkedPayload,
  summary:
    'The owner of the path on which two client records were linked removed the link: the unverified record stands alone again. The event carries no identity.',
  emittedBy: 'client-intake, when the owner of the path removes a link made on it.',
});
