import { hasRole, type Principal } from '@polku/auth';
import type { DashboardScope } from '@polku/contracts';
import { ForbiddenCommandError } from '@polku/service-runtime';

/**
 * Who may read the dashboards (docs/dashboards.md, "Who sees what"): managers only; others get
 * the house's refusal of a forbidden role (403).
 */
export function requireManager(principal: Principal): void {
  if (!hasRole(principal, 'MANAGER')) {
    throw new ForbiddenCommandError('only a manager reads the dashboards');
  }
}

/**
 * The organisation whose facts a scope counts: the caller's own, from the verified principal,
 * for ORGANISATION; none for REGION, which counts every organisation together and never by
 * organisation.
 */
export function organisationOfScope(
  principal: Principal,
  scope: DashboardScope,
): string | undefined {
  return scope === 'ORGANISATION' ? principal.orgId : undefined;
}
