import { IsBoolean, IsIn, IsUUID } from 'class-validator';
import {
  DUPLICATE_MATCHES,
  IDENTITY_STATUSES,
  type DuplicateMatch,
  type IdentityStatus,
} from '../shared/identity-status';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';

/**
 * Payload of ClientsLinked v1: the owner of the envelope's path linked its client and a possible
 * duplicate as one person. The other client stays inside client-intake (that two records are one
 * person is identity): the event names only the link and where this path's client now stands.
 */
export class ClientsLinkedPayload {
  @FieldDoc('The link; ClientsUnlinked names it when the link is removed.')
  @IsUUID()
  readonly linkId!: string;

  @FieldDoc(
    'Why the two were taken for one person: `SAME_CODE` (the other client has the permanent code recorded on this path) or `SAME_NAMES_AND_BIRTH_DATE` (an unverified client with the same names and birth date).',
  )
  @IsIn(DUPLICATE_MATCHES)
  readonly match!: DuplicateMatch;

  @FieldDoc('Whether the identity of the envelope’s `clientRef` is verified after the link.')
  @IsBoolean()
  readonly identityVerified!: boolean;

  @FieldDoc('The identity status of the envelope’s `clientRef` after the link.')
  @IsIn(IDENTITY_STATUSES)
  readonly identityStatus!: IdentityStatus;
}

/** A caseworker linked two client records as one person (docs/identity.md). */
export const CLIENTS_LINKED_V1 = defineEvent({
  subject: 'polku.intake.client.clients-linked.v1',
  type: 'ClientsLinked',
  version: 1,
  dataClass: 'PATH',
  payloadClass: ClientsLinkedPayload,
  summary:
    'The owner of a path linked its client and a possible duplicate as the same person: the unverified record of the two points to the verified one. Paths keep their clientRef; the event carries no identity and names no other client.',
  emittedBy: 'client-intake, when the owner of the path links a possible duplicate.',
});
