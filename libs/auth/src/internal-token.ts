import type { JWTPayload } from 'jose';
import { assertPrincipal, InvalidPrincipalError, type Principal } from './principal';
import { POLKU_SYSTEM_ORG_ID } from './system-emitter';

/**
 * The fixed facts of the internal token: the gateway verifies the user's OIDC token once and
 * sends each service a short-lived token of its own, signed with its Ed25519 key, that the
 * service verifies before any handler runs (docs/security.md, "The internal token").
 */
export const INTERNAL_TOKEN = {
  /** The JWS `typ` header: an internal token is never mistaken for another JWT, or the reverse. */
  type: 'polku-internal+jwt',
  /** The only signing algorithm accepted; pinned so `none`, HS256 and others are refused. */
  algorithm: 'EdDSA',
  issuer: 'polku-gateway',
  /** Exactly this string: a token for any other audience (or a list of them) is refused. */
  audience: 'polku',
  defaultLifeSeconds: 30,
  /** A token whose `exp - iat` is longer is refused, whoever signed it. */
  maxLifeSeconds: 60,
  /** Clock difference tolerated between the gateway and a service. */
  clockToleranceSeconds: 5,
} as const;

/** The claims of the internal token besides the registered ones (iss, aud, sub, iat, exp, jti). */
export const INTERNAL_CLAIMS = {
  /** `user` or `system`: which of the two callers the token names. */
  kind: 'polku_kind',
  orgId: 'polku_org_id',
  orgRole: 'polku_org_role',
  roles: 'polku_roles',
  /** The OIDC issuer that vouched for the user (the token's own `iss` is the gateway). */
  userIssuer: 'polku_user_iss',
  /**
   * Ids of events the caller wrote moments ago that this service consumes: the service runs
   * the request only once its consumers have processed them (docs/adr/0015-read-your-own-writes.md).
   * In the signed claims, so nobody on the bus can make a service wait on ids of their choice.
   */
  awaitEvents: 'polku_await_events',
} as const;

/** Most event ids one token may ask a service to wait for; the gateway keeps fewer per user. */
export const MAX_AWAITED_EVENTS = 64;

const EVENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the gateway asks of a service besides naming the caller. */
export interface InternalRequestConditions {
  /** Event ids the service must have consumed before it runs the request (at most 64). */
  readonly awaitEvents?: readonly string[];
}

/** A verified internal token: who asks, and which of the caller's writes the service awaits. */
export interface VerifiedInternalRequest {
  readonly caller: InternalCaller;
  /** Event ids to await; empty when the caller has written nothing this service consumes. */
  readonly awaitEvents: readonly string[];
}

/** The await-events claim for `conditions`, or none; throws on ids that are not event ids. */
export function claimsOfConditions(conditions: InternalRequestConditions): Record<string, unknown> {
  const ids = conditions.awaitEvents ?? [];
  if (ids.length === 0) {
    return {};
  }
  assertEventIds(ids);
  return { [INTERNAL_CLAIMS.awaitEvents]: [...ids] };
}

/** The event ids a verified token's claims ask to await; throws InternalTokenError on nonsense. */
export function awaitedEventsOfClaims(payload: JWTPayload): readonly string[] {
  const ids = payload[INTERNAL_CLAIMS.awaitEvents];
  if (ids === undefined) {
    return [];
  }
  if (!Array.isArray(ids) || !ids.every((id): id is string => typeof id === 'string')) {
    throw new InternalTokenError(`${INTERNAL_CLAIMS.awaitEvents} must be a list of event ids`);
  }
  assertEventIds(ids);
  return ids;
}

function assertEventIds(ids: readonly string[]): void {
  if (ids.length > MAX_AWAITED_EVENTS) {
    throw new InternalTokenError(
      `${INTERNAL_CLAIMS.awaitEvents} names ${ids.length} events, at most ${MAX_AWAITED_EVENTS}`,
    );
  }
  if (!ids.every((id) => EVENT_ID.test(id))) {
    throw new InternalTokenError(
      `${INTERNAL_CLAIMS.awaitEvents} holds a value that is no event id`,
    );
  }
}

/** A person, verified by the gateway from their OIDC token. */
export interface UserCaller {
  readonly kind: 'user';
  readonly principal: Principal;
  /** The request id the gateway made (the token's `jti`, equal to `polku-request-id`). */
  readonly requestId: string;
}

/**
 * polku itself: a request the gateway makes on its own (a health check). Its organisation is
 * POLKU_SYSTEM_ORG_ID with role SYSTEM, which no user principal can have.
 */
export interface SystemCaller {
  readonly kind: 'system';
  /** The process that asks, e.g. `gateway:health`. */
  readonly process: string;
  readonly requestId: string;
}

/** Who sent a request, as the verified internal token says. */
export type InternalCaller = UserCaller | SystemCaller;

/** Why an internal token was refused; logged by the service, never sent back in detail. */
export class InternalTokenError extends Error {
  constructor(readonly reason: string) {
    super(`internal token refused: ${reason}`);
    this.name = 'InternalTokenError';
  }
}

/** What a system process may be called: `service:purpose`, logged and audited as such. */
const PROCESS_NAME = /^[a-z][a-z0-9-]{0,39}:[a-z][a-z0-9-]{0,39}$/;

/** The claims (besides the registered ones) that name a caller. */
export function claimsOfCaller(caller: InternalCaller): { sub: string } & Record<string, unknown> {
  if (caller.kind === 'system') {
    if (!PROCESS_NAME.test(caller.process)) {
      throw new InternalTokenError(`"${caller.process}" is not a process name (service:purpose)`);
    }
    return {
      sub: `system:${caller.process}`,
      [INTERNAL_CLAIMS.kind]: 'system',
      [INTERNAL_CLAIMS.orgId]: POLKU_SYSTEM_ORG_ID,
      [INTERNAL_CLAIMS.orgRole]: 'SYSTEM',
    };
  }
  // Checked again here, so the gateway never signs what a service would refuse.
  assertPrincipal(caller.principal);
  const { userId, orgId, orgRole, roles, issuer } = caller.principal;
  return {
    sub: userId,
    [INTERNAL_CLAIMS.kind]: 'user',
    [INTERNAL_CLAIMS.orgId]: orgId,
    [INTERNAL_CLAIMS.orgRole]: orgRole,
    [INTERNAL_CLAIMS.roles]: [...roles],
    [INTERNAL_CLAIMS.userIssuer]: issuer,
  };
}

/** The caller a verified token's claims name; throws InternalTokenError when they name none. */
export function callerOfClaims(payload: JWTPayload, requestId: string): InternalCaller {
  const kind = payload[INTERNAL_CLAIMS.kind];
  const sub = payload.sub ?? '';
  if (kind === 'system') {
    const process = sub.startsWith('system:') ? sub.slice('system:'.length) : '';
    if (
      !PROCESS_NAME.test(process) ||
      payload[INTERNAL_CLAIMS.orgId] !== POLKU_SYSTEM_ORG_ID ||
      payload[INTERNAL_CLAIMS.orgRole] !== 'SYSTEM' ||
      payload[INTERNAL_CLAIMS.roles] !== undefined
    ) {
      throw new InternalTokenError('system claims are not a system identity');
    }
    return { kind: 'system', process, requestId };
  }
  if (kind !== 'user') {
    throw new InternalTokenError(`${INTERNAL_CLAIMS.kind} must be user or system`);
  }
  const candidate = {
    userId: sub,
    orgId: payload[INTERNAL_CLAIMS.orgId],
    orgRole: payload[INTERNAL_CLAIMS.orgRole],
    roles: payload[INTERNAL_CLAIMS.roles],
    issuer: payload[INTERNAL_CLAIMS.userIssuer],
  };
  try {
    assertPrincipal(candidate);
  } catch (error) {
    throw new InternalTokenError(
      error instanceof InvalidPrincipalError ? error.message : 'user claims are not a principal',
    );
  }
  return {
    kind: 'user',
    principal: { ...candidate, roles: [...new Set(candidate.roles)] },
    requestId,
  };
}
