import { randomUUID } from 'node:crypto';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { AuthenticationError, TokenVerifier } from './token-verifier';

const ISSUER = 'https://login.example.fi/realms/polku';
const AUDIENCE = 'polku-gateway';
const ORG_ID = randomUUID();

const claims = {
  polku_org_id: ORG_ID,
  polku_org_role: 'PROVIDER',
  polku_roles: ['CASEWORKER'],
};

describe('TokenVerifier', () => {
  let privateKey: CryptoKey;
  let publicJwk: JWK;
  let publicPem: string;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    privateKey = pair.privateKey;
    publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    publicPem = await exportSPKI(pair.publicKey);
    verifier = new TokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      keys: { jwks: { keys: [publicJwk] } },
      clockToleranceSeconds: 30,
    });
  });

  const sign = (
    overrides: {
      issuer?: string;
      audience?: string;
      expiresAt?: number;
      body?: object;
      typ?: string | null;
    } = {},
  ) =>
    new SignJWT({ ...claims, ...overrides.body })
      .setProtectedHeader({
        alg: 'RS256',
        kid: 'k1',
        ...(overrides.typ === null ? {} : { typ: overrides.typ ?? 'JWT' }),
      })
      .setSubject('user-1')
      .setIssuer(overrides.issuer ?? ISSUER)
      .setAudience(overrides.audience ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(overrides.expiresAt ?? '5m')
      .sign(privateKey);

  const refusal = async (token: string) => {
    const error = await verifier.verify(token).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    return (error as AuthenticationError).reason;
  };

  it('should turn a valid token into a principal', async () => {
    await expect(verifier.verify(await sign())).resolves.toEqual({
      userId: 'user-1',
      orgId: ORG_ID,
      orgRole: 'PROVIDER',
      roles: ['CASEWORKER'],
      issuer: ISSUER,
    });
  });

  it('should refuse an expired token beyond the clock tolerance', async () => {
    const expiredAt = Math.floor(Date.now() / 1000) - 60;
    expect(await refusal(await sign({ expiresAt: expiredAt }))).toBe('token expired');
  });

  it('should accept a token that expired within the clock tolerance', async () => {
    const expiredAt = Math.floor(Date.now() / 1000) - 10;
    await expect(verifier.verify(await sign({ expiresAt: expiredAt }))).resolves.toMatchObject({
      userId: 'user-1',
    });
  });

  it('should refuse a token of another issuer', async () => {
    expect(await refusal(await sign({ issuer: 'https://evil.example' }))).toContain('iss');
  });

  it('should refuse a token for another audience', async () => {
    expect(await refusal(await sign({ audience: 'another-app' }))).toContain('aud');
  });

  it('should refuse an unsigned token (alg none)', async () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({
      ...claims,
      sub: 'user-1',
      iss: ISSUER,
      aud: AUDIENCE,
      iat: now,
      exp: now + 300,
    })}.`;
    await refusal(unsigned);
  });

  it('should refuse a token HMAC-signed with the issuer public key as the secret', async () => {
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setSubject('user-1')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(publicPem));
    expect(await refusal(forged)).toBe('signing algorithm not allowed');
  });

  it('should refuse a token signed by a key the issuer does not publish', async () => {
    const other = await generateKeyPair('RS256');
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1', typ: 'JWT' })
      .setSubject('user-1')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(other.privateKey);
    expect(await refusal(token)).toBe('signature does not verify');
  });

  it.each([
    ['JWT, as Keycloak and Entra ID send it', 'JWT'],
    ['at+jwt', 'at+jwt'],
    ['application/at+jwt', 'application/at+jwt'],
  ])('should accept an access token typed %s', async (_case, typ) => {
    await expect(verifier.verify(await sign({ typ }))).resolves.toMatchObject({ userId: 'user-1' });
  });

  it('should accept a Keycloak access token, whose typ claim is Bearer', async () => {
    await expect(verifier.verify(await sign({ body: { typ: 'Bearer' } }))).resolves.toMatchObject({
      userId: 'user-1',
    });
  });

  it.each([
    ['no typ header', { typ: null }],
    ['a logout token typ', { typ: 'logout+jwt' }],
    ['a Keycloak ID token (typ claim ID)', { body: { typ: 'ID' } }],
    ['an ID token with a nonce', { body: { nonce: 'n-0S6_WzA2Mj' } }],
    ['an ID token with at_hash', { body: { at_hash: 'HK6E_P6Dh8Y93mRNtsDB1Q' } }],
  ])('should refuse an ID token or other non-access token: %s', async (_case, overrides) => {
    expect(await refusal(await sign(overrides))).toMatch(/access token/);
  });

  it.each([
    ['no organisation', { polku_org_id: undefined }],
    ['an organisation id that is not a uuid', { polku_org_id: 'kajaani' }],
    ['an unknown organisation role', { polku_org_role: 'PIRATE' }],
    ['no roles', { polku_roles: [] }],
    ['an unknown user role', { polku_roles: ['CASEWORKER', 'GOD'] }],
  ])('should refuse a validly signed token with %s', async (_case, body) => {
    expect(await refusal(await sign({ body }))).toMatch(/invalid principal/);
  });
});
