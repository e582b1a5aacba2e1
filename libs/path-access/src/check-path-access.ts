import type { AccessBasis, PathAccessFacts, Principal } from '@polku/auth';
import type { DataClass } from '@polku/contracts';
import { assertPathAccess } from '@polku/service-runtime';
import type { DataSource, EntityManager } from 'typeorm';
import { readPathAccessFacts } from './read-path-access-facts';

/** What an allowed access check answers: the facts it used and the basis that allowed it. */
export interface PathAccessGrant {
  readonly facts: PathAccessFacts;
  readonly basis: AccessBasis;
}

/**
 * A service's own access check: the gateway's policy (decidePathAccess) on the facts of the
 * service's projection. Throws PathNotVisibleError (404) unless the principal may see
 * `dataClass` of the path now. Pass the transaction's EntityManager to see what it wrote.
 */
export async function checkPathAccess(
  runner: DataSource | EntityManager,
  principal: Principal,
  pathId: string,
  dataClass: DataClass,
): Promise<PathAccessGrant> {
  const facts = await readPathAccessFacts(runner, pathId);
  const { basis } = assertPathAccess(principal, facts, dataClass);
  return { facts: facts as PathAccessFacts, basis };
}
