import type { IdentityStatus } from '@polku/contracts';
import type { EntityManager } from 'typeorm';

/** What the identity commands need of a client: never a decrypted identity field. */
export interface ClientIdentityRow {
  id: string;
  identity_status: IdentityStatus;
  identity_hash: string | null;
  recorded_code_hash: string | null;
  name_sealed: string;
  birth_date_sealed: string | null;
  version: number;
}

const COLUMNS = `c.id, c.identity_status, c.identity_hash, c.recorded_code_hash, c.name_sealed,
  c.birth_date_sealed, c.version`;

/** The client of the path, locked until the transaction ends. */
export async function clientOfPathForUpdate(
  em: EntityManager,
  pathId: string,
): Promise<ClientIdentityRow> {
  const [row] = await em.query<ClientIdentityRow[]>(
    `SELECT ${COLUMNS} FROM client c JOIN client_path p ON p.client_id = c.id
      WHERE p.id = $1 FOR UPDATE OF c`,
    [pathId],
  );
  return row;
}

/** A client by id, locked until the transaction ends. */
export async function clientForUpdate(
  em: EntityManager,
  clientId: string,
): Promise<ClientIdentityRow> {
  const [row] = await em.query<ClientIdentityRow[]>(
    `SELECT ${COLUMNS} FROM client c WHERE c.id = $1 FOR UPDATE`,
    [clientId],
  );
  return row;
}

/**
 * Serialises the commands that look up and then write one identity hash, so that two
 * recordings of the same code cannot both miss each other and collide on the unique index.
 */
export async function lockIdentityHash(em: EntityManager, identityHash: string): Promise<void> {
  await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `client-identity:${identityHash}`,
  ]);
}

/** The verified client with this identity hash, if any. */
export async function clientIdWithIdentityHash(
  em: EntityManager,
  identityHash: string,
): Promise<string | undefined> {
  const [row] = await em.query<{ id: string }[]>('SELECT id FROM client WHERE identity_hash = $1', [
    identityHash,
  ]);
  return row?.id;
}

/** Unverified clients, other than this one, with one of these names-and-birth-date hashes. */
export async function unverifiedClientsWithNamesAndBirthDate(
  em: EntityManager,
  match: { readonly hashes: readonly string[]; readonly exceptClientId: string },
): Promise<string[]> {
  const rows = await em.query<{ id: string }[]>(
    `SELECT id FROM client
      WHERE identity_status = 'UNVERIFIED' AND names_birth_date_hash = ANY($1::text[])
        AND id <> $2
      ORDER BY created_at, id`,
    [match.hashes, match.exceptClientId],
  );
  return rows.map((row) => row.id);
}

/** The client's identity is verified by its permanent code, sealed and hashed; version + 1. */
export async function markClientVerified(
  em: EntityManager,
  verified: {
    readonly clientId: string;
    readonly identityHash: string;
    readonly codeSealed: string;
    readonly birthDateSealed: string;
  },
): Promise<number> {
  // TypeORM answers an UPDATE … RETURNING with [rows, affected].
  const [[row]] = await em.query<[{ version: number }[], number]>(
    `UPDATE client SET identity_status = 'VERIFIED', identity_hash = $2, code_sealed = $3,
            birth_date_sealed = $4, recorded_code_hash = NULL, version = version + 1
      WHERE id = $1 RETURNING version`,
    [verified.clientId, verified.identityHash, verified.codeSealed, verified.birthDateSealed],
  );
  return row.version;
}

/**
 * A permanent code was recorded that another client already has: the client stays unverified,
 * and only the code's hash is kept, to check a link against; version + 1.
 */
export async function recordCodeOfAnotherClient(
  em: EntityManager,
  recorded: { readonly clientId: string; readonly codeHash: string },
): Promise<number> {
  // TypeORM answers an UPDATE … RETURNING with [rows, affected].
  const [[row]] = await em.query<[{ version: number }[], number]>(
    `UPDATE client SET recorded_code_hash = $2, version = version + 1
      WHERE id = $1 RETURNING version`,
    [recorded.clientId, recorded.codeHash],
  );
  return row.version;
}

/** Sets where the client's identity stands (a link made or removed); version + 1. */
export async function setIdentityStatus(
  em: EntityManager,
  change: { readonly clientId: string; readonly status: IdentityStatus },
): Promise<number> {
  // TypeORM answers an UPDATE … RETURNING with [rows, affected].
  const [[row]] = await em.query<[{ version: number }[], number]>(
    `UPDATE client SET identity_status = $2, version = version + 1 WHERE id = $1 RETURNING version`,
    [change.clientId, change.status],
  );
  return row.version;
}

/** Counts a change of the client that leaves its own status as it is; version + 1. */
export async function bumpClientVersion(em: EntityManager, clientId: string): Promise<number> {
  // TypeORM answers an UPDATE … RETURNING with [rows, affected].
  const [[row]] = await em.query<[{ version: number }[], number]>(
    'UPDATE client SET version = version + 1 WHERE id = $1 RETURNING version',
    [clientId],
  );
  return row.version;
}
