import { IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsActorId, IsIsoDate } from '../event-validators';

/** Payload of UnclearPathFlagged v1: an unclear path gets an owner of the search and a review date. */
export class UnclearPathFlaggedPayload {
  @FieldDoc('The organisation that keeps searching for the client’s next path and is accountable.')
  @IsUUID()
  readonly searchOwnerOrgId!: string;

  @FieldDoc(
    'The named worker who searches: the identity provider’s pseudonymous user id, never a name.',
  )
  @IsActorId()
  readonly searchWorkerId!: string;

  @FieldDoc(
    'When the unclear path is reviewed (20 business days by default); REVIEW_UNCLEAR_PATH is due then.',
  )
  @IsIsoDate()
  readonly reviewDate!: string;
}

/** A path becomes unclear: a state with an owner, never an end (docs/domain.md §3.7, §10.2 S5). */
export const UNCLEAR_PATH_FLAGGED_V1 = defineEvent({
  subject: 'polku.transitions.path.unclear-path-flagged.v1',
  type: 'UnclearPathFlagged',
  version: 1,
  dataClass: 'PATH',
  payloadClass: UnclearPathFlaggedPayload,
  summary:
    'A client left without a clear next path; an organisation and a named worker own the search until a review date, and the path cannot be closed in this state.',
  emittedBy: 'transitions, for the owner, on an exit to `UNCLEAR_PATH`.',
});
