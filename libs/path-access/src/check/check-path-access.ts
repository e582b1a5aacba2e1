import type { Principal } from '@polku/auth';
import type { DataClass } from '@polku/contracts';
import { PathNotVisibleError } from '@polku/service-runtime';
import type { DataSource, EntityManager } from 'typeorm';
import {
  decidePathAccess,
  type AccessBasis,
  type PartyRelation,
  type PathAccessFacts,
} from '../policy/path-access-policy';
import { readPathAccessFacts } from '../projection/read-path-access-facts';

/** Who asks to see which data class. */
export interface PathAccessRequest {
  readonly principal: Principal;
  readonly dataClass: DataClass;
  /** When to decide for; now unless given. */
  readonly at?: Date;
}

/** What an allowed access check answers: the facts it used, and what allowed it. */
export interface PathAccessGrant {
  readonly facts: PathAccessFacts;
  /** The caller's organisation's current relations to the path. */
  readonly relations: readonly PartyRelation[];
  /** The consent or legal basis that covers the data class: what an event on the path records. */
  readonly basis: AccessBasis;
}

/**
 * The access policy (decidePathAccess) on facts a service already holds. Throws
 * PathNotVisibleError (answered 404, like a path that does not exist) unless the principal may
 * see the data class; answers the grant otherwise.
 */
export function assertPathAccess(
  facts: PathAccessFacts | undefined,
  request: PathAccessRequest,
): PathAccessGrant {
  const decision = decidePathAccess(request.principal, facts, request.dataClass, request.at);
  if (!decision.allowed || facts === undefined) {
    throw new PathNotVisibleError();
  }
  return { facts, relations: decision.relations, basis: decision.basis };
}

/**
 * The access check every service calls, on the facts of its access projection: whatever the
 * gateway decided, each service checks again. Pass the transaction's EntityManager so the check
 * sees what the transaction wrote. Throws PathNotVisibleError (404) on refusal.
 */
export async function checkPathAccess(
  runner: DataSource | EntityManager,
  request: PathAccessRequest & { readonly pathId: string },
): Promise<PathAccessGrant> {
  return assertPathAccess(await readPathAccessFacts(runner, request.pathId), request);
}
