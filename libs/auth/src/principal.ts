import { isUserOrgRole, isUserRole, type UserOrgRole, type UserRole } from './roles';
import { POLKU_SYSTEM_ORG_ID } from './system-emitter';

/**
 * The authenticated caller: a person acting for one organisation. Built by the gateway from a
 * verified token and carried to services inside the signed internal token (internal-token.ts),
 * so each service can enforce access again with the same facts.
 */
export interface Principal {
  /** The token's `sub`: a stable, pseudonymous user id. Recorded in audit rows and events. */
  readonly userId: string;
  /** The organisation the person acts for now (uuid). */
  readonly orgId: string;
  /** Never CLIENT or SYSTEM: those are not people acting for an organisation. */
  readonly orgRole: UserOrgRole;
  /** At least one. */
  readonly roles: readonly UserRole[];
  /** The issuer that vouched for this person (`iss`), kept for the audit trail. */
  readonly issuer: string;
}

/** Claims that do not make a principal: the caller is treated as unauthenticated. */
export class InvalidPrincipalError extends Error {
  constructor(reason: string) {
    super(`invalid principal: ${reason}`);
    this.name = 'InvalidPrincipalError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks the shape of a principal from any source; throws InvalidPrincipalError. */
export function assertPrincipal(value: unknown): asserts value is Principal {
  if (typeof value !== 'object' || value === null) {
    throw new InvalidPrincipalError('not an object');
  }
  const candidate = value as Record<string, unknown>;
  if (typeof candidate.userId !== 'string' || candidate.userId.length === 0) {
    throw new InvalidPrincipalError('userId is missing');
  }
  if (candidate.userId.length > 255) {
    throw new InvalidPrincipalError('userId is longer than 255 characters');
  }
  // `system:` names polku's own processes in the internal token and the audit trail.
  if (candidate.userId.startsWith('system:')) {
    throw new InvalidPrincipalError('userId must not start with system:');
  }
  if (typeof candidate.orgId !== 'string' || !UUID.test(candidate.orgId)) {
    throw new InvalidPrincipalError('orgId must be a uuid');
  }
  if (candidate.orgId.toLowerCase() === POLKU_SYSTEM_ORG_ID) {
    throw new InvalidPrincipalError('orgId is polku’s own system organisation');
  }
  if (!isUserOrgRole(candidate.orgRole)) {
    throw new InvalidPrincipalError(
      'orgRole is not an organisation role a person acts for (CLIENT and SYSTEM never are)',
    );
  }
  if (
    !Array.isArray(candidate.roles) ||
    candidate.roles.length === 0 ||
    !candidate.roles.every(isUserRole)
  ) {
    throw new InvalidPrincipalError('roles must be a non-empty list of known user roles');
  }
  if (typeof candidate.issuer !== 'string' || candidate.issuer.length === 0) {
    throw new InvalidPrincipalError('issuer is missing');
  }
}

/** Whether the principal holds at least one of `roles`. */
export function hasRole(principal: Principal, ...roles: readonly UserRole[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}
