/**
 * Where a client's identity stands (docs/identity.md, "Clients without a permanent code"):
 * - VERIFIED: the client has a permanent personal identity code;
 * - UNVERIFIED: referred with a temporary code or none; never matched to another client;
 * - LINKED: an unverified client the caseworker linked to a verified client as the same person.
 */
export const IDENTITY_STATUSES = ['VERIFIED', 'UNVERIFIED', 'LINKED'] as const;

/** One of {@link IDENTITY_STATUSES}. */
export type IdentityStatus = (typeof IDENTITY_STATUSES)[number];

/** True for a client whose identity rests on a permanent code (its own or a linked client's). */
export function isIdentityVerified(status: IdentityStatus): boolean {
  return status !== 'UNVERIFIED';
}

/**
 * Why another client may be the same person: it has the permanent code just recorded, or it is
 * an unverified client with the same names and birth date.
 */
export const DUPLICATE_MATCHES = ['SAME_CODE', 'SAME_NAMES_AND_BIRTH_DATE'] as const;

/** One of {@link DUPLICATE_MATCHES}. */
export type DuplicateMatch = (typeof DUPLICATE_MATCHES)[number];
