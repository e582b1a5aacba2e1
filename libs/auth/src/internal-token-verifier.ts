import type { KeyObject } from 'node:crypto';
import { jwtVerify, type JWTHeaderParameters, type JWTPayload } from 'jose';
import {
  awaitedEventsOfClaims,
  callerOfClaims,
  INTERNAL_TOKEN,
  InternalTokenError,
  type InternalCaller,
  type VerifiedInternalRequest,
} from './internal-token';
import { describeJoseError } from './token-verifier';

/** A public key a service accepts, by the `kid` the gateway puts in each token. */
export interface InternalTokenVerifyKey {
  readonly kid: string;
  /** An Ed25519 public key, imported once at start-up. */
  readonly publicKey: KeyObject;
}

/**
 * Verifies the internal token of a request before any handler runs. Everything but a token
 * the gateway signed in the last minute for this very request is refused with the reason.
 */
export class InternalTokenVerifier {
  private readonly keys: ReadonlyMap<string, KeyObject>;

  constructor(keys: readonly InternalTokenVerifyKey[]) {
    if (keys.length === 0) {
      throw new Error('an internal token verifier needs at least one key');
    }
    for (const { kid, publicKey } of keys) {
      if (publicKey.type !== 'public' || publicKey.asymmetricKeyType !== 'ed25519') {
        throw new Error(`internal token key "${kid}" must be an Ed25519 public key`);
      }
    }
    this.keys = new Map(keys.map(({ kid, publicKey }) => [kid, publicKey]));
  }

  /**
   * The caller `token` names, when it is valid and was made for `requestId` (the request's
   * `polku-request-id` header). Throws InternalTokenError otherwise.
   */
  async verify(token: string | undefined, requestId: string | undefined): Promise<InternalCaller> {
    return (await this.verifyRequest(token, requestId)).caller;
  }

  /**
   * {@link verify}, and the event ids the token asks the service to await before it runs the
   * request (docs/adr/0015-read-your-own-writes.md). Throws InternalTokenError as verify does,
   * also when that claim is not a short list of event ids.
   */
  async verifyRequest(
    token: string | undefined,
    requestId: string | undefined,
  ): Promise<VerifiedInternalRequest> {
    if (token === undefined || token === '') {
      throw new InternalTokenError('no internal token');
    }
    if (requestId === undefined || requestId === '') {
      throw new InternalTokenError('no request id');
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keyOf, {
        algorithms: [INTERNAL_TOKEN.algorithm],
        typ: INTERNAL_TOKEN.type,
        issuer: INTERNAL_TOKEN.issuer,
        audience: INTERNAL_TOKEN.audience,
        requiredClaims: ['sub', 'iat', 'exp', 'jti'],
        // Also refuses an `iat` in the future.
        maxTokenAge: INTERNAL_TOKEN.maxLifeSeconds,
        clockTolerance: INTERNAL_TOKEN.clockToleranceSeconds,
      }));
    } catch (error) {
      throw error instanceof InternalTokenError
        ? error
        : new InternalTokenError(describeJoseError(error));
    }
    // jose accepts an audience list that contains ours; the internal token names only polku.
    if (payload.aud !== INTERNAL_TOKEN.audience) {
      throw new InternalTokenError('aud must be exactly polku');
    }
    if (payload.exp! - payload.iat! > INTERNAL_TOKEN.maxLifeSeconds) {
      throw new InternalTokenError(`lives longer than ${INTERNAL_TOKEN.maxLifeSeconds} s`);
    }
    // A token lifted from another request cannot be replayed under a new request id.
    if (payload.jti !== requestId) {
      throw new InternalTokenError('jti differs from the request id');
    }
    return {
      caller: callerOfClaims(payload, requestId),
      awaitEvents: awaitedEventsOfClaims(payload),
    };
  }

  private readonly keyOf = (header: JWTHeaderParameters): KeyObject => {
    const key = header.kid === undefined ? undefined : this.keys.get(header.kid);
    if (key === undefined) {
      throw new InternalTokenError(
        header.kid === undefined
          ? 'no kid'
          : `unknown kid ${JSON.stringify(header.kid.slice(0, 32))}`,
      );
    }
    return key;
  };
}
