import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { assertPrincipal, InvalidPrincipalError, type Principal } from './principal';

/**
 * Asymmetric algorithms only: a token is accepted only if signed with one of these. HS* (shared
 * secrets) and `none` are never accepted, so a token "signed" with the issuer's public key as an
 * HMAC secret fails too.
 */
export const ACCEPTED_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'] as const;

/** The claims polku reads besides the registered ones; see docs/auth.md for issuer set-up. */
export const POLKU_CLAIMS = {
  orgId: 'polku_org_id',
  orgRole: 'polku_org_role',
  roles: 'polku_roles',
} as const;

/** The one issuer a TokenVerifier trusts, and how it checks that issuer's tokens. */
export interface TokenVerifierOptions {
  /** Exact `iss` expected. */
  readonly issuer: string;
  /** `aud` that must be present. */
  readonly audience: string;
  /**
   * Where the issuer's public keys come from: a JWKS URL, a key set in hand, or the `jwks_uri`
   * of the issuer's OpenID discovery document (fetched on first use, so the gateway starts
   * while the identity provider is down).
   */
  readonly keys:
    { readonly jwksUrl: string } | { readonly jwks: JSONWebKeySet } | { readonly discover: true };
  /** Allowed clock difference between issuer and gateway, in seconds. */
  readonly clockToleranceSeconds: number;
  /** Subset of ACCEPTED_ALGORITHMS the issuer uses. */
  readonly algorithms?: readonly (typeof ACCEPTED_ALGORITHMS)[number][];
  /**
   * Refuse a discovered `jwks_uri` that is not https (a loopback address excepted), as
   * GatewayConfig refuses a configured one; on in production.
   */
  readonly requireHttpsKeys?: boolean;
}

/**
 * `typ` headers of access tokens: `at+jwt` (RFC 9068 profile), or `JWT`, which Keycloak and
 * Entra ID put on theirs. Compared case-insensitively, with or without `application/`.
 */
export const ACCESS_TOKEN_TYPES: readonly string[] = ['at+jwt', 'jwt'];

/**
 * Claims only an ID token carries: it proves a login to the client app and is not meant for an
 * API. Keycloak also names the kind in a `typ` claim (`Bearer` for access, `ID` for ID tokens).
 */
const ID_TOKEN_CLAIMS = ['nonce', 'at_hash', 'c_hash'] as const;

/** Why a verified token is not an access token, or undefined when it is one. */
export function notAnAccessToken(
  header: { readonly typ?: unknown },
  payload: JWTPayload,
): string | undefined {
  const typ = typeof header.typ === 'string' ? header.typ.toLowerCase() : undefined;
  if (typ === undefined || !ACCESS_TOKEN_TYPES.includes(typ.replace(/^application\//, ''))) {
    return `not an access token: header typ ${JSON.stringify(header.typ ?? null)}`;
  }
  if (payload.typ !== undefined && payload.typ !== 'Bearer') {
    return `not an access token: typ claim ${JSON.stringify(payload.typ)}`;
  }
  const idClaim = ID_TOKEN_CLAIMS.find((claim) => payload[claim] !== undefined);
  return idClaim === undefined ? undefined : `an ID token (it has ${idClaim}), not an access token`;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** Whether keys may be fetched from `url` when https is required. */
export function isSafeKeyUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'https:' ||
      (parsed.protocol === 'http:' && LOOPBACK.test(parsed.hostname))
    );
  } catch {
    return false;
  }
}

/** Why a token was refused; the reason is logged, never sent to the caller in detail. */
export class AuthenticationError extends Error {
  constructor(readonly reason: string) {
    super(`authentication failed: ${reason}`);
    this.name = 'AuthenticationError';
  }
}

/** Verifies bearer tokens of one OIDC issuer and turns their claims into a Principal. */
export class TokenVerifier {
  private readonly keySet: JWTVerifyGetKey;

  constructor(private readonly options: TokenVerifierOptions) {
    const keys = options.keys;
    this.keySet =
      'jwks' in keys
        ? createLocalJWKSet(keys.jwks)
        : 'jwksUrl' in keys
          ? remoteKeySet(keys.jwksUrl)
          : discoveredKeySet(options.issuer, options.requireHttpsKeys === true);
  }

  /** The principal of a valid token; throws AuthenticationError with the reason otherwise. */
  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    let protectedHeader: { readonly typ?: unknown };
    try {
      ({ payload, protectedHeader } = await jwtVerify(token, this.keySet, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: [...(this.options.algorithms ?? ACCEPTED_ALGORITHMS)],
        clockTolerance: this.options.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp', 'iat'],
      }));
    } catch (error) {
      throw new AuthenticationError(describeJoseError(error));
    }
    const notAccess = notAnAccessToken(protectedHeader, payload);
    if (notAccess !== undefined) {
      throw new AuthenticationError(notAccess);
    }
    return principalFromClaims(payload);
  }
}

function remoteKeySet(jwksUrl: string): JWTVerifyGetKey {
  // Keys rotate: an unknown kid refetches the set, but at most every 30 s.
  return createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
}

/** Reads `jwks_uri` from the issuer's discovery document once it is first needed. */
function discoveredKeySet(issuer: string, requireHttps: boolean): JWTVerifyGetKey {
  let keySet: Promise<JWTVerifyGetKey> | undefined;
  const discover = async (): Promise<JWTVerifyGetKey> => {
    const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) {
      throw new Error(`OpenID discovery at ${url} answered ${response.status}`);
    }
    const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    if (document.issuer !== issuer || typeof document.jwks_uri !== 'string') {
      throw new Error(`OpenID discovery at ${url} does not describe issuer ${issuer}`);
    }
    if (requireHttps && !isSafeKeyUrl(document.jwks_uri)) {
      throw new Error(`OpenID discovery at ${url} names a jwks_uri that is not https`);
    }
    return remoteKeySet(document.jwks_uri);
  };
  return async (header, token) => {
    // A failed discovery is retried on the next token instead of being cached.
    keySet ??= discover().catch((error: unknown) => {
      keySet = undefined;
      throw error;
    });
    return (await keySet)(header, token);
  };
}

/** The principal a verified token names; its polku claims must be complete and known. */
export function principalFromClaims(payload: JWTPayload): Principal {
  const candidate = {
    userId: payload.sub,
    orgId: payload[POLKU_CLAIMS.orgId],
    orgRole: payload[POLKU_CLAIMS.orgRole],
    roles: payload[POLKU_CLAIMS.roles],
    issuer: payload.iss,
  };
  try {
    assertPrincipal(candidate);
  } catch (error) {
    throw new AuthenticationError(
      error instanceof InvalidPrincipalError ? error.message : 'claims are not a principal',
    );
  }
  return { ...candidate, roles: [...new Set(candidate.roles)] };
}

/** A short reason for a jose error, fit for a log line (never the token). */
export function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) {
    return 'token expired';
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return `claim ${error.claim} ${error.reason}`;
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) {
    return 'signing algorithm not allowed';
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return 'signature does not verify';
  }
  if (error instanceof joseErrors.JWKSNoMatchingKey) {
    return 'no key of the issuer matches the token';
  }
  if (error instanceof joseErrors.JOSEError) {
    return `${error.code}: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
