import type { Principal } from '@polku/auth';
import { CommandValidationError } from '@polku/service-runtime';
import type { PlanPartyEntry } from './plan-content';

/**
 * The caller's organisation agrees or revises a plan only as one of its parties. Every party,
 * the caller's own included, takes part in its role in the organisation registry
 * (plan-party-roles.ts): a party's role decides its cover by law, so no caller writes it.
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
}
