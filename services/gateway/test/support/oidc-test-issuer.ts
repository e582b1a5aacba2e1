import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_USERS, demoOrganisationOf, type DemoUser } from '@polku/demo';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

export interface TokenOptions {
  readonly issuer?: string;
  readonly audience?: string;
  readonly expiresAt?: number | string;
  readonly alg?: 'RS256' | 'HS256';
  readonly key?: CryptoKey | Uint8Array;
  readonly claims?: Record<string, unknown>;
  readonly subject?: string;
  /** The `typ` header; `JWT` as Keycloak sends, `null` for none. */
  readonly typ?: string | null;
}

/**
 * A stand-in OpenID provider on a free port, shaped like a Keycloak realm: discovery document
 * and JWKS over HTTP. Tests run the gateway with NODE_ENV=production against it, so they use
 * exactly the code path of a real deployment.
 */
export interface OidcTestIssuer {
  readonly url: string;
  readonly publicPem: string;
  /** A token with the given polku claims, signed by the issuer unless options say otherwise. */
  token(claims: Record<string, unknown>, options?: TokenOptions): Promise<string>;
  /** A token for a seeded Kainuu demo user, as the organisation's IdP would issue it. */
  tokenFor(username: string, options?: TokenOptions): Promise<string>;
  close(): Promise<void>;
}

export async function startOidcTestIssuer(): Promise<OidcTestIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
  const server: Server = createServer((request, response) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/polku`;
    const body =
      request.url === '/realms/polku/.well-known/openid-configuration'
        ? { issuer: base, jwks_uri: `${base}/protocol/openid-connect/certs` }
        : request.url === '/realms/polku/protocol/openid-connect/certs'
          ? { keys: [jwk] }
          : undefined;
    response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/polku`;
  const publicPem = await exportSPKI(publicKey);

  const token = (claims: Record<string, unknown>, options: TokenOptions = {}) =>
    new SignJWT({ ...claims, ...options.claims })
      .setProtectedHeader({
        alg: options.alg ?? 'RS256',
        kid: 'idp-1',
        ...(options.typ === null ? {} : { typ: options.typ ?? 'JWT' }),
      })
      .setSubject(options.subject ?? 'kc-user-42')
      .setIssuer(options.issuer ?? url)
      .setAudience(options.audience ?? 'polku-gateway')
      .setIssuedAt()
      .setExpirationTime(options.expiresAt ?? '5m')
      .sign(options.key ?? privateKey);

  return {
    url,
    publicPem,
    token,
    tokenFor: (username, options = {}) => {
      const user: DemoUser | undefined = DEMO_USERS.find(
        (candidate) => candidate.username === username,
      );
      if (!user) {
        throw new Error(`no demo user ${username}`);
      }
      return token(
        {
          polku_org_id: user.orgId,
          polku_org_role: demoOrganisationOf(user).role,
          polku_roles: [...user.roles],
        },
        { subject: user.userId, ...options },
      );
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
