import { hasRole, type Principal } from '@polku/auth';
import { ForbiddenCommandError } from '@polku/service-runtime';

/**
 * Organisation-level views and commands are for the organisation's team leads and managers, and
 * only of their own organisation. Neither role sees client-level data through them.
 */
export function assertLeadOf(principal: Principal, orgId: string = principal.orgId): void {
  if (!hasRole(principal, 'TEAM_LEAD', 'MANAGER')) {
    throw new ForbiddenCommandError('only a team lead or manager of the organisation can do this');
  }
  if (principal.orgId !== orgId) {
    throw new ForbiddenCommandError('only for the caller’s own organisation');
  }
}
