import type { Principal } from '@polku/auth';
import { CommandValidationError } from '@polku/service-runtime';
import type { PlanPartyEntry } from './plan-content';

/**
 * The caller's organisation agrees or revises a plan only as one of its parties, and in its own
 * role: a party's role decides its cover (the employment authority and social services see the
 * plan by law), so an organisation may not name itself in a role it does not have. Other
 * parties' roles cannot be checked here (this service has no organisation directory).
 */
export function assertCallerTakesPart(options: {
  readonly principal: Principal;
  /** The parties of the version being written. */
  readonly parties: readonly PlanPartyEntry[];
  /** For a revision: the parties of the current version, which may revise it too. */
  readonly currentParties?: readonly PlanPartyEntry[];
  readonly action: 'agree' | 'revise';
}): void {
  const { principal, parties, currentParties = [], action } = options;
  const own = parties.find((party) => party.orgId === principal.orgId);
  const wasParty = currentParties.some((party) => party.orgId === principal.orgId);
  if (own === undefined && !wasParty) {
    throw new CommandValidationError(
      action === 'agree'
        ? 'parties: your organisation must be one of the parties of the plan it agrees'
        : 'parties: your organisation must be a party of the current plan or of the revised one',
    );
  }
  if (own !== undefined && own.role !== principal.orgRole) {
    throw new CommandValidationError(
      `parties: your organisation takes part as ${principal.orgRole}, not as ${own.role}`,
    );
  }
}
