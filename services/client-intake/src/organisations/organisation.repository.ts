import type { OrgRole } from '@polku/auth';
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

export async function allOrganisations(
  em: EntityManager,
): Promise<(Organisation & { active: boolean; version: number })[]> {
  return em.query('SELECT id, name, role, active, version FROM organisation ORDER BY name, id');
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
