import { hasRole, type Principal } from '@polku/auth';
import { PATH_STATES, type CaseloadScope, type PathStateName } from '@polku/contracts';
import { CommandValidationError, ForbiddenCommandError } from '@polku/service-runtime';

/** The name of the caseload's one ordering, checked in its cursors. */
export const CASELOAD_SORT = 'due_date,path_id';

/** The states a caseload lists when no state is asked for: every path not closed or re-entered. */
export const OPEN_PATH_STATES: readonly PathStateName[] = PATH_STATES.filter(
  (state) => state !== 'CLOSED' && state !== 'REENTERED',
);

/**
 * The scope a caseload list reads: MINE (the default) for caseworkers and team leads, the paths
 * they are the named worker of; ORGANISATION for team leads and managers, every path their
 * organisation is accountable for, optionally one worker's. Others get the house's refusal of a
 * forbidden role (403); a worker filter of one's own caseload is refused (400).
 */
export function requireCaseloadScope(
  principal: Principal,
  requested: CaseloadScope | undefined,
  workerId: string | undefined,
): CaseloadScope {
  const scope = requested ?? 'MINE';
  if (scope === 'MINE' && !hasRole(principal, 'CASEWORKER', 'TEAM_LEAD')) {
    throw new ForbiddenCommandError('only caseworkers and team leads have a caseload of their own');
  }
  if (scope === 'ORGANISATION' && !hasRole(principal, 'TEAM_LEAD', 'MANAGER')) {
    throw new ForbiddenCommandError(
      'only a team lead or manager reads the organisation’s caseload',
    );
  }
  if (workerId !== undefined && scope === 'MINE') {
    throw new CommandValidationError('workerId: only with scope ORGANISATION');
  }
  return scope;
}

/** Who may open one path's card of their organisation: whoever has a caseload of either scope. */
export function requireCaseloadReader(principal: Principal): void {
  if (!hasRole(principal, 'CASEWORKER', 'TEAM_LEAD', 'MANAGER')) {
    throw new ForbiddenCommandError('only caseworkers, team leads and managers read caseloads');
  }
}
