import type { Principal } from '@polku/auth';
import {
  type AccessBasis,
  ACTIVATION_PLAN_LEGAL_BASIS,
  decidePathAccess,
  type PathAccessFacts,
  STATUTORY_PLAN_PARTY_ROLES,
} from '@polku/path-access';
import type { PlanPartyEntry } from './plan-content';

/**
 * The basis a PLAN event of a new plan records. The agreeing caller needs only PATH access, so
 * its basis may not cover the plan itself: once its parties are recorded, the caller's own PLAN
 * basis when it has one (a statutory party's law, or the client's consent); else the law of the
 * plan when the plan names a statutory party (that law lets those parties process it); else the
 * basis the caller sees the path on.
 */
export function planEventBasis(options: {
  readonly principal: Principal;
  /** The path's facts read after the plan's parties were recorded. */
  readonly facts: PathAccessFacts | undefined;
  readonly parties: readonly PlanPartyEntry[];
  readonly pathBasis: AccessBasis;
}): AccessBasis {
  const decision = decidePathAccess(options.principal, options.facts, 'PLAN');
  if (decision.allowed) {
    return decision.basis;
  }
  const statutory = options.parties.some((party) =>
    STATUTORY_PLAN_PARTY_ROLES.includes(party.role),
  );
  return statutory ? { kind: 'LEGAL_BASIS', code: ACTIVATION_PLAN_LEGAL_BASIS } : options.pathBasis;
}
