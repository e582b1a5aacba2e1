import { PLAN_PARTY_ROLES, type PlanPartyInput, type PlanPartyRole } from '@polku/contracts';
import { CommandValidationError } from '@polku/service-runtime';
import type { PlanPartyEntry } from './plan-content';

const isPlanPartyRole = (role: string): role is PlanPartyRole =>
  (PLAN_PARTY_ROLES as readonly string[]).includes(role);

/**
 * The plan's parties, each in its role in the organisation registry: the role decides cover by
 * law (the employment authority and social services see the plan without consent), so it never
 * comes from the caller. `partyRoles` is the registry's answer the gateway attaches to the
 * command (PlanPartyRegistryRoles). A role the caller still writes must equal the registry's;
 * an organisation the registry does not know is refused.
 */
export function partiesInRegistryRoles(
  parties: readonly PlanPartyInput[],
  partyRoles: unknown,
): PlanPartyEntry[] {
  if (typeof partyRoles !== 'object' || partyRoles === null) {
    // Not the caller's fault, and nothing to fall back on: fail closed.
    throw new Error('the plan command came without the organisation registry’s roles');
  }
  const registry = partyRoles as Readonly<Record<string, unknown>>;
  return parties.map((party) => {
    const role = Object.hasOwn(registry, party.orgId) ? registry[party.orgId] : undefined;
    if (typeof role !== 'string') {
      throw new CommandValidationError(
        `parties: organisation ${party.orgId} is not in the organisation registry`,
      );
    }
    if (!isPlanPartyRole(role)) {
      throw new CommandValidationError(
        `parties: organisation ${party.orgId} is registered as ${role}, which is not a plan party role`,
      );
    }
    if (party.role !== undefined && party.role !== role) {
      throw new CommandValidationError(
        `parties: organisation ${party.orgId} is registered as ${role}, not ${party.role}; a party’s role comes from the organisation registry`,
      );
    }
    return { orgId: party.orgId, role };
  });
}
