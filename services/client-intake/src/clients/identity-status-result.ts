import {
  isIdentityVerified,
  type ClientIdentityStatusResult,
  type IdentityStatus,
  type PossibleDuplicate,
} from '@polku/contracts';

/** The answer of an identity command: where the client's identity stands, and nothing else. */
export function identityStatusResult(state: {
  readonly clientRef: string;
  readonly identityStatus: IdentityStatus;
  readonly version: number;
  readonly possibleDuplicates: readonly PossibleDuplicate[];
}): ClientIdentityStatusResult {
  return {
    clientRef: state.clientRef,
    identityStatus: state.identityStatus,
    identityVerified: isIdentityVerified(state.identityStatus),
    version: state.version,
    possibleDuplicates: state.possibleDuplicates,
  };
}
