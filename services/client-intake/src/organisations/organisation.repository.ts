import type { OrgRole } from '@polku/auth';
import type { CursorPosition } from '@polku/contracts';
import { keysetAfter } from '@polku/persistence';
import type { EntityManager } from 'typeorm';

export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly role: OrgRole;
}

export async function upsertOrganisation(
  em: EntityManager,
  organisation: Organisation & { readonly active: boolean },
): Promise<void> {
  await em.query(
    `INSERT INTO organisation (id, name, role, active) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET
       name = EXCLUDED.name, role = EXCLUDED.role, active = EXCLUDED.active`,
    [organisation.id, organisation.name, organisation.role, organisation.active],
  );
}

/** The ordering of the directory, by name; a cursor of another list is refused. */
export const ORGANISATIONS_SORT = 'organisations-by-name';

/** An organisation as the directory lists it. */
export type ListedOrganisation = Organisation & { active: boolean; version: number };

/**
 * One page of the directory by (name, id): limit + 1 rows; a row's cursor key is its name,
 * compared with the column's collation as ORDER BY sorts it.
 */
export async function organisationPage(
  em: EntityManager,
  query: { readonly limit: number; readonly after?: CursorPosition },
): Promise<ListedOrganisation[]> {
  const after = keysetAfter(query.after, { keys: ['text'], id: 'uuid' });
  return em.query<ListedOrganisation[]>(
    `SELECT id, name, role, active, version FROM organisation
      WHERE $1::text IS NULL OR (name, id) > ($1, $2::uuid)
      ORDER BY name, id LIMIT $3`,
    [after?.keyParts[0] ?? null, after?.id ?? null, query.limit + 1],
  );
}

export async function activeOrganisation(
  em: EntityManager,
  id: string,
): Promise<Organisation | undefined> {
  const [row] = await em.query<Organisation[]>(
    'SELECT id, name, role FROM organisation WHERE id = $1 AND active',
    [id],
  );
  return row;
}

/** The registered role of each of `ids` that the registry knows, active or retired. */
export async function rolesOf(
  em: EntityManager,
  ids: readonly string[],
): Promise<Record<string, OrgRole>> {
  const rows = await em.query<{ id: string; role: OrgRole }[]>(
    'SELECT id, role FROM organisation WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return Object.fromEntries(rows.map((row) => [row.id, row.role]));
}
