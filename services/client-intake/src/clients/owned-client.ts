import type { Principal } from '@polku/auth';
import type { AccessBasis } from '@polku/path-access';
import { PreconditionFailedError } from '@polku/persistence';
import { ForbiddenCommandError } from '@polku/service-runtime';
import type { EntityManager } from 'typeorm';
import type { IntakePathFacts } from '../access/intake-path-facts';
import { clientOfPathForUpdate, type ClientIdentityRow } from './client-identity.repository';
import { isCurrentOwner } from './path-owner-rule';

/**
 * The client of a path, locked, for an identity command: only the organisation that owns the
 * path now acts on who its client is (docs/auth.md, "Unverified identities"). A non-party gets
 * the same 404 as for a path that does not exist, a party that is not the owner 403. The caller
 * then checks the version it read with assertClientVersion, after finding the object it names
 * (an id of another path answers 404 whatever the version, docs/auth.md).
 */
export async function ownedClientOfPath(
  em: EntityManager,
  facts: IntakePathFacts,
  request: { readonly principal: Principal; readonly pathId: string },
): Promise<{ client: ClientIdentityRow; basis: AccessBasis }> {
  const access = await facts.assertAccess(request.principal, request.pathId, 'PATH', em);
  if (!isCurrentOwner(access.facts, request.principal.orgId)) {
    throw new ForbiddenCommandError(
      'only the organisation that owns the path records its client’s identity code or links duplicates',
    );
  }
  return { client: await clientOfPathForUpdate(em, request.pathId), basis: access.basis };
}

/** Compared under the lock: the version the caller read (If-Match) is still the current one. */
export function assertClientVersion(client: ClientIdentityRow, expectedVersion: number): void {
  if (client.version !== expectedVersion) {
    throw new PreconditionFailedError(expectedVersion, client.version);
  }
}
