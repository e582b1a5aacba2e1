import { ORG_ROLES, type ActorRole, type EnvelopeEmitter, type OrgRole } from '@polku/contracts';

/** The kinds of organisation (from the event contracts), re-exported with the user roles. */
export { ORG_ROLES, type OrgRole };

/**
 * The roles a person can hold inside their organisation (a subset of the event envelope's actor
 * roles: CLIENT and SYSTEM are never users of the gateway).
 */
export const USER_ROLES = [
  'CASEWORKER',
  'TEAM_LEAD',
  'MANAGER',
  'EXPERT_COORDINATOR',
  'ADMIN',
  'REGISTRY_ADMIN',
] as const satisfies readonly ActorRole[];

/** One of USER_ROLES. */
export type UserRole = (typeof USER_ROLES)[number];

/**
 * ADMIN keeps its own organisation's entry in the registry; REGISTRY_ADMIN keeps every
 * organisation's, and may read the system's health in detail. Neither sees client data.
 */
export const REGISTRY_ROLES: readonly UserRole[] = ['ADMIN', 'REGISTRY_ADMIN'];

/** Roles that work with individual clients and may therefore see client-level data at all. */
export const CLIENT_WORK_ROLES: readonly UserRole[] = ['CASEWORKER', 'TEAM_LEAD'];

/** Whether `value` names a known organisation role. */
export function isOrgRole(value: unknown): value is OrgRole {
  return typeof value === 'string' && (ORG_ROLES as readonly string[]).includes(value);
}

/**
 * The organisation roles a person can act for. CLIENT and SYSTEM are never users of the gateway:
 * SYSTEM is polku's own processes (systemEmitter, the system caller of the internal token), so a
 * token that claims it is refused, and nothing a user does can be mistaken for the system.
 */
export type UserOrgRole = Exclude<OrgRole, 'CLIENT' | 'SYSTEM'>;

/** Whether `value` names an organisation role a person can act for (not CLIENT, not SYSTEM). */
export function isUserOrgRole(value: unknown): value is UserOrgRole {
  return isOrgRole(value) && value !== 'CLIENT' && value !== 'SYSTEM';
}

/** Whether `value` names a known user role. */
export function isUserRole(value: unknown): value is UserRole {
  return typeof value === 'string' && (USER_ROLES as readonly string[]).includes(value);
}

/** The actor role an event records for a principal: the most client-facing role it holds. */
export function actorRoleOf(roles: readonly UserRole[]): ActorRole {
  const order: readonly UserRole[] = [
    'CASEWORKER',
    'TEAM_LEAD',
    'EXPERT_COORDINATOR',
    'MANAGER',
    'ADMIN',
    'REGISTRY_ADMIN',
  ];
  // A principal always holds at least one role (the token verifier refuses one without).
  return order.find((role) => roles.includes(role)) ?? roles[0];
}

/** Who emits an event on behalf of a principal: its organisation and the person, pseudonymously. */
export function emitterOf(principal: {
  readonly userId: string;
  readonly orgId: string;
  readonly orgRole: OrgRole;
  readonly roles: readonly UserRole[];
}): EnvelopeEmitter {
  return {
    orgId: principal.orgId,
    orgRole: principal.orgRole,
    actorId: principal.userId,
    actorRole: actorRoleOf(principal.roles),
  };
}
