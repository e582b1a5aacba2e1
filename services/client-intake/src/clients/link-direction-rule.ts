import type { DuplicateMatch, IdentityStatus } from '@polku/contracts';

interface ClientState {
  readonly id: string;
  readonly identity_status: IdentityStatus;
  readonly identity_hash: string | null;
  readonly recorded_code_hash: string | null;
}

/**
 * Which record of a possible duplicate points to which when linked, or undefined when the pair
 * is no longer what was found (verified or linked meanwhile):
 * - SAME_CODE: the path's client stays unverified because the other client has the code it was
 *   given; the path's client points to that verified client, which must still have the code;
 * - SAME_NAMES_AND_BIRTH_DATE: the path's client was verified by its code; the other, still
 *   unverified, points to it.
 */
export function linkedPair(pair: {
  readonly client: ClientState;
  readonly other: ClientState;
  readonly match: DuplicateMatch;
}): { unverifiedClientId: string; verifiedClientId: string } | undefined {
  const { client, other } = pair;
  if (pair.match === 'SAME_CODE') {
    const stillTheSameCode =
      client.identity_status === 'UNVERIFIED' &&
      other.identity_status === 'VERIFIED' &&
      client.recorded_code_hash !== null &&
      client.recorded_code_hash === other.identity_hash;
    return stillTheSameCode
      ? { unverifiedClientId: client.id, verifiedClientId: other.id }
      : undefined;
  }
  const stillUnverified =
    client.identity_status === 'VERIFIED' && other.identity_status === 'UNVERIFIED';
  return stillUnverified
    ? { unverifiedClientId: other.id, verifiedClientId: client.id }
    : undefined;
}
