import type { KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import {
  claimsOfCaller,
  claimsOfConditions,
  INTERNAL_TOKEN,
  type InternalCaller,
  type InternalRequestConditions,
} from './internal-token';

/** The gateway's signing key and how long its tokens live. */
export interface InternalTokenSignerOptions {
  /** Travels as the token's `kid`, so services pick the matching public key while keys rotate. */
  readonly kid: string;
  /** An Ed25519 private key, imported once at start-up. */
  readonly privateKey: KeyObject;
  /** At most INTERNAL_TOKEN.maxLifeSeconds. */
  readonly lifeSeconds?: number;
}

/** Signs the internal token of one request: used by the gateway, and by tests with the dev key. */
export class InternalTokenSigner {
  private readonly lifeSeconds: number;

  constructor(private readonly options: InternalTokenSignerOptions) {
    this.lifeSeconds = options.lifeSeconds ?? INTERNAL_TOKEN.defaultLifeSeconds;
    if (options.privateKey.asymmetricKeyType !== 'ed25519') {
      throw new Error('the internal token signing key must be an Ed25519 private key');
    }
    if (
      !Number.isInteger(this.lifeSeconds) ||
      this.lifeSeconds < 1 ||
      this.lifeSeconds > INTERNAL_TOKEN.maxLifeSeconds
    ) {
      throw new Error(
        `an internal token lives 1 to ${INTERNAL_TOKEN.maxLifeSeconds} s, not ${this.lifeSeconds}`,
      );
    }
  }

  /**
   * A compact JWS naming `caller`, for one request: `caller.requestId` becomes its `jti` and
   * must also travel as the `polku-request-id` header, which the service compares.
   * `conditions.awaitEvents` names the caller's recent writes the service must have consumed
   * before it runs the request (docs/adr/0015-read-your-own-writes.md).
   */
  async sign(caller: InternalCaller, conditions: InternalRequestConditions = {}): Promise<string> {
    const { sub, ...claims } = { ...claimsOfCaller(caller), ...claimsOfConditions(conditions) };
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({
        alg: INTERNAL_TOKEN.algorithm,
        typ: INTERNAL_TOKEN.type,
        kid: this.options.kid,
      })
      .setIssuer(INTERNAL_TOKEN.issuer)
      .setAudience(INTERNAL_TOKEN.audience)
      .setSubject(sub)
      .setJti(caller.requestId)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + this.lifeSeconds)
      .sign(this.options.privateKey);
  }
}
