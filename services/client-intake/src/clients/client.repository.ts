import type { IdentityStatus } from '@polku/contracts';
import type { EntityManager } from 'typeorm';

/** A client row as written: every identity field sealed. */
export interface SealedClientFields {
  id: string;
  /** Null for a client referred without any code (docs/identity.md). */
  code_sealed: string | null;
  name_sealed: string;
  contact_sealed: string | null;
  address_sealed: string | null;
  address_protected: boolean;
  language: string;
  /** Null only for clients registered before birth dates were kept. */
  birth_date_sealed: string | null;
}

/** A client row as read: sealed fields, and where its identity stands. */
export interface SealedClientRow extends SealedClientFields {
  identity_status: IdentityStatus;
  version: number;
}

/**
 * Inserts the client unless one with the same identity hash exists; answers whether it did.
 * The unique hash decides a race between two first referrals of the same person.
 */
export async function insertClientUnlessKnown(
  em: EntityManager,
  client: SealedClientFields & {
    readonly identityHash: string;
    readonly createdByOrgId: string;
  },
): Promise<boolean> {
  const inserted = await em.query<{ id: string }[]>(
    `INSERT INTO client (id, identity_hash, code_sealed, name_sealed, contact_sealed,
       address_sealed, address_protected, language, created_by_org_id, birth_date_sealed)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (identity_hash) DO NOTHING RETURNING id`,
    [
      client.id,
      client.identityHash,
      client.code_sealed,
      client.name_sealed,
      client.contact_sealed,
      client.address_sealed,
      client.address_protected,
      client.language,
      client.createdByOrgId,
      client.birth_date_sealed,
    ],
  );
  return inserted.length > 0;
}

export async function clientIdByIdentityHash(
  em: EntityManager,
  identityHash: string,
): Promise<string> {
  const [existing] = await em.query<{ id: string }[]>(
    'SELECT id FROM client WHERE identity_hash = $1',
    [identityHash],
  );
  return existing.id;
}

export async function sealedClientOfPath(
  em: EntityManager,
  pathId: string,
): Promise<SealedClientRow> {
  const [row] = await em.query<SealedClientRow[]>(
    `SELECT c.id, c.code_sealed, c.name_sealed, c.contact_sealed, c.address_sealed,
            c.address_protected, c.language, c.birth_date_sealed, c.identity_status, c.version
       FROM client c JOIN client_path p ON p.client_id = c.id WHERE p.id = $1`,
    [pathId],
  );
  return row;
}
