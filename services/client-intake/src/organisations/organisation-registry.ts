import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { actorRoleOf, hasRole, type OrgRole, type Principal } from '@polku/auth';
import { PreconditionFailedError, retriedTransaction, versionedUpdate } from '@polku/persistence';
import { ForbiddenCommandError } from '@polku/service-runtime';
import { DataSource, type EntityManager } from 'typeorm';

/** An organisation as the registry keeps it; `version` is its ETag. */
export interface RegisteredOrganisation {
  readonly id: string;
  readonly name: string;
  readonly role: OrgRole;
  readonly active: boolean;
  readonly version: number;
}

/** What a change asks for: the whole entry (PUT) and the version the caller read. */
export interface OrganisationChange {
  readonly id: string;
  readonly name: string;
  readonly role: OrgRole;
  readonly active: boolean;
  /** From If-Match; 0 names an organisation that is not registered yet. */
  readonly expectedVersion: number;
}

/**
 * Changes to the organisation registry, with who may make them: a REGISTRY_ADMIN any entry, an
 * ADMIN only its own organisation's name and active flag (its role decides "by law" access, so
 * an organisation may not choose it). Every change and every refusal is logged in
 * organisation_change with the actor.
 */
@Injectable()
export class OrganisationRegistry {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async change(principal: Principal, change: OrganisationChange): Promise<RegisteredOrganisation> {
    try {
      return await retriedTransaction(this.dataSource, async (em) => {
        const before = await current(em, change.id);
        const refusal = refusalOf(principal, change, before);
        if (refusal !== undefined) {
          throw new ForbiddenCommandError(refusal);
        }
        const after = before === undefined ? await insert(em, change) : await update(em, change);
        await log(em, principal, change.id, { outcome: 'CHANGED', before, after });
        return after;
      });
    } catch (error) {
      if (error instanceof ForbiddenCommandError) {
        await log(this.dataSource.manager, principal, change.id, { outcome: 'REFUSED' });
      }
      throw error;
    }
  }
}

function refusalOf(
  principal: Principal,
  change: OrganisationChange,
  before: RegisteredOrganisation | undefined,
): string | undefined {
  if (hasRole(principal, 'REGISTRY_ADMIN')) {
    return undefined;
  }
  if (!hasRole(principal, 'ADMIN') || principal.orgId !== change.id) {
    return 'an administrator changes only their own organisation; the registry is kept by registry administrators';
  }
  if (before === undefined) {
    return 'only registry administrators register organisations';
  }
  if (before.role !== change.role) {
    return 'only registry administrators change an organisation’s role';
  }
  return undefined;
}

async function current(em: EntityManager, id: string): Promise<RegisteredOrganisation | undefined> {
  const [row] = await em.query<RegisteredOrganisation[]>(
    'SELECT id, name, role, active, version FROM organisation WHERE id = $1 FOR UPDATE',
    [id],
  );
  return row;
}

async function insert(
  em: EntityManager,
  change: OrganisationChange,
): Promise<RegisteredOrganisation> {
  if (change.expectedVersion !== 0) {
    // The caller believes it read a version of an organisation that does not exist.
    throw new PreconditionFailedError(change.expectedVersion, 0);
  }
  const [row] = await em.query<RegisteredOrganisation[]>(
    `INSERT INTO organisation (id, name, role, active, version) VALUES ($1, $2, $3, $4, 1)
     RETURNING id, name, role, active, version`,
    [change.id, change.name, change.role, change.active],
  );
  return row;
}

async function update(
  em: EntityManager,
  change: OrganisationChange,
): Promise<RegisteredOrganisation> {
  const row = await versionedUpdate<RegisteredOrganisation>(em, {
    table: 'organisation',
    id: change.id,
    expectedVersion: change.expectedVersion,
    set: { name: change.name, role: change.role, active: change.active },
  });
  return { id: row.id, name: row.name, role: row.role, active: row.active, version: row.version };
}

async function log(
  em: EntityManager,
  principal: Principal,
  orgId: string,
  entry: {
    readonly outcome: 'CHANGED' | 'REFUSED';
    readonly before?: RegisteredOrganisation;
    readonly after?: RegisteredOrganisation;
  },
): Promise<void> {
  await em.query(
    `INSERT INTO organisation_change
       (org_id, actor_id, actor_org_id, actor_role, outcome, version, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      orgId,
      principal.userId,
      principal.orgId,
      actorRoleOf(principal.roles),
      entry.outcome,
      entry.after?.version ?? null,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
    ],
  );
}
