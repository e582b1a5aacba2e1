import { DEMO_ORGANISATIONS, DEMO_USERS } from '@polku/demo';
import type { OrgKey } from '../story/steps';

/** The caseworkers of a demo organisation, who act on the clients' paths. */
function caseworkersOf(org: OrgKey): readonly string[] {
  const orgId = DEMO_ORGANISATIONS[org].id;
  return DEMO_USERS.filter((user) => user.orgId === orgId && user.roles.includes('CASEWORKER')).map(
    (user) => user.username,
  );
}

/**
 * The caseworker of `org` who works with client number `client`: always the same one, so a
 * path keeps its named worker, and the clients are shared evenly between an organisation's
 * caseworkers.
 */
export function workerOf(org: OrgKey, client: number): string {
  const workers = caseworkersOf(org);
  if (workers.length === 0) {
    throw new Error(`the demo directory has no caseworker at ${org}`);
  }
  return workers[client % workers.length];
}

export function orgIdOf(org: OrgKey): string {
  return DEMO_ORGANISATIONS[org].id;
}
