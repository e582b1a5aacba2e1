import type { EntityManager } from 'typeorm';
import type { SealedClientFields } from './client.repository';

/**
 * Inserts a client whose identity is not verified (a temporary code or none). Always a new row:
 * it has no identity hash, so no later referral finds it by code; the keyed hash of its names
 * and birth date only lists it as a possible duplicate when a permanent code is recorded.
 */
export async function insertUnverifiedClient(
  em: EntityManager,
  client: SealedClientFields & {
    readonly namesBirthDateHash: string;
    readonly createdByOrgId: string;
  },
): Promise<void> {
  await em.query(
    `INSERT INTO client (id, identity_hash, identity_status, code_sealed, name_sealed,
       contact_sealed, address_sealed, address_protected, language, created_by_org_id,
       birth_date_sealed, names_birth_date_hash)
     VALUES ($1, NULL, 'UNVERIFIED', $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      client.id,
      client.code_sealed,
      client.name_sealed,
      client.contact_sealed,
      client.address_sealed,
      client.address_protected,
      client.language,
      client.createdByOrgId,
      client.birth_date_sealed,
      client.namesBirthDateHash,
    ],
  );
}
