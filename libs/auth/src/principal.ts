import { isOrgRole, isUserRole, type OrgRole, type UserRole } from './roles';

/**
 * The authenticated caller: a person acting for one organisation. Built by the gateway from a
 * verified token and carried to services in the `polku-principal` NATS header, so each service
 * can enforce access again with the same facts.
 */
export interface Principal {
  /** The token's `sub`: a stable, pseudonymous user id. Recorded in audit rows and events. */
  readonly userId: string;
  /** The organisation the person acts for now (uuid). */
  readonly orgId: string;
  readonly orgRole: OrgRole;
  /** At least one. */
  readonly roles: readonly UserRole[];
  /** The issuer that vouched for this person (`iss`), kept for the audit trail. */
  readonly issuer: string;
}

/** A principal header that cannot be read: the caller is treated as unauthenticated. */
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
  if (typeof candidate.orgId !== 'string' || !UUID.test(candidate.orgId)) {
    throw new InvalidPrincipalError('orgId must be a uuid');
  }
  if (!isOrgRole(candidate.orgRole)) {
    throw new InvalidPrincipalError('orgRole is not a known organisation role');
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

/** The value of the `polku-principal` header: base64url JSON of the fields above only. */
export function encodePrincipal(principal: Principal): string {
  const { userId, orgId, orgRole, roles, issuer } = principal;
  return Buffer.from(JSON.stringify({ userId, orgId, orgRole, roles, issuer })).toString(
    'base64url',
  );
}

/** Reads a `polku-principal` header; throws InvalidPrincipalError when it is not a principal. */
export function decodePrincipal(header: string): Principal {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidPrincipalError('not base64url JSON');
  }
  assertPrincipal(parsed);
  const { userId, orgId, orgRole, roles, issuer } = parsed;
  return { userId, orgId, orgRole, roles: [...new Set(roles)], issuer };
}

/** Whether the principal holds at least one of `roles`. */
export function hasRole(principal: Principal, ...roles: readonly UserRole[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}
