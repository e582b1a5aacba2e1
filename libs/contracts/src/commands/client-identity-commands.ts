import { IsString, IsUUID, Length } from 'class-validator';
import { type DuplicateMatch, type IdentityStatus } from '../events/shared/identity-status';
import { FieldDoc } from '../field-doc.decorator';

/**
 * A possible duplicate as the path's owner sees it: that a match exists, and an opaque
 * reference to link with. Never the other client's ref, path, organisation or any identity.
 */
export interface PossibleDuplicate {
  readonly duplicateRef: string;
  readonly match: DuplicateMatch;
}

/**
 * POST /api/v1/paths/{pathId}/client/identity-code: the path's owner records the permanent
 * personal identity code of a client whose identity is not verified.
 */
export class RecordIdentityCodeCommand {
  @FieldDoc(
    'The client’s permanent personal identity code (individual number 002–899), checksum and century sign validated; a temporary code is refused.',
    { example: '131052-308T' },
  )
  @IsString()
  @Length(10, 20)
  personalIdentityCode!: string;
}

/** The answer to RecordIdentityCodeCommand, and the identity part of the client view. */
export interface ClientIdentityStatusResult {
  readonly clientRef: string;
  readonly identityStatus: IdentityStatus;
  readonly identityVerified: boolean;
  /** The client record's version, its ETag: If-Match of the next identity command. */
  readonly version: number;
  /** Open possible duplicates, for the path's owner only; empty for everyone else. */
  readonly possibleDuplicates: readonly PossibleDuplicate[];
}

/**
 * POST /api/v1/paths/{pathId}/client/links: the path's owner links its client and a possible
 * duplicate as the same person; the unverified one of the two points to the verified one.
 */
export class LinkClientsCommand {
  @FieldDoc('The `duplicateRef` of a possible duplicate listed for this path’s client.')
  @IsUUID()
  duplicateRef!: string;
}

/** The answer to LinkClientsCommand and to its removal. */
export interface ClientLinkResult extends ClientIdentityStatusResult {
  readonly linkId: string;
}
