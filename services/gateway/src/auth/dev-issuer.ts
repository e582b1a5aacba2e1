import { randomUUID } from 'node:crypto';
import { POLKU_CLAIMS } from '@polku/auth';
import { DEMO_USERS, demoOrganisationOf, type DemoUser } from '@polku/demo';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JSONWebKeySet } from 'jose';

/** `iss` of demo tokens; accepted only with POLKU_DEMO=true, never when NODE_ENV=production. */
export const DEV_ISSUER = 'urn:polku:dev-issuer';
const TOKEN_LIFETIME_S = 8 * 60 * 60;

/**
 * The built-in demo issuer: signs tokens for the seeded Kainuu users with a key made at start-up
 * (tokens end with the process). It exists so that a new developer can log in at once; the
 * gateway creates it only with POLKU_DEMO=true, which production refuses.
 */
export class DevIssuer {
  private constructor(
    private readonly privateKey: CryptoKey,
    readonly jwks: JSONWebKeySet,
    private readonly kid: string,
  ) {}

  static async create(): Promise<DevIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const kid = randomUUID();
    const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
    return new DevIssuer(privateKey, { keys: [jwk] }, kid);
  }

  users(): readonly DemoUser[] {
    return DEMO_USERS;
  }

  async issue(username: string, audience: string): Promise<{ token: string; expiresIn: number }> {
    const user = DEMO_USERS.find((candidate) => candidate.username === username);
    if (user === undefined) {
      throw new Error(`no demo user ${username}`);
    }
    const token = await new SignJWT({
      name: user.displayName,
      [POLKU_CLAIMS.orgId]: user.orgId,
      [POLKU_CLAIMS.orgRole]: demoOrganisationOf(user).role,
      [POLKU_CLAIMS.roles]: [...user.roles],
    })
      .setProtectedHeader({ alg: 'ES256', kid: this.kid, typ: 'JWT' })
      .setSubject(user.userId)
      .setIssuer(DEV_ISSUER)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${TOKEN_LIFETIME_S}s`)
      .setJti(randomUUID())
      .sign(this.privateKey);
    return { token, expiresIn: TOKEN_LIFETIME_S };
  }
}
