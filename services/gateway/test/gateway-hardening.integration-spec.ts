import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { isolatedTestEnv, testGatewayConfig } from '@polku/testing';
import { createGatewayApp } from './support/test-gateway-app';
import { DevIssuer } from '../src/auth/dev-issuer';
import { PRODUCTION_FINGERPRINT_KEY, startProductionGateway } from './support/production-gateway';
import { startOidcTestIssuer, type OidcTestIssuer } from './support/oidc-test-issuer';

/**
 * The rest of the review (issue 15, item 9), tried through the real gateway: the demo issuer
 * needs POLKU_DEMO, ID tokens are no access tokens, bad tokens are rate limited, production
 * fetches keys only over https.
 */

let issuer: OidcTestIssuer;

beforeAll(async () => {
  issuer = await startOidcTestIssuer();
});

afterAll(async () => {
  await issuer.close();
});

const inject = (
  gateway: NestFastifyApplication,
  options: {
    method?: 'GET' | 'POST';
    url: string;
    headers?: Record<string, string>;
    payload?: object;
  },
) =>
  gateway
    .getHttpAdapter()
    .getInstance()
    .inject({ method: 'GET', ...options });

/** An environment without NODE_ENV at all: a missing setting must not switch the demo on. */
function envWithoutNodeEnv(overrides: Record<string, string>): Record<string, string> {
  const { NODE_ENV: _unused, ...env } = isolatedTestEnv(overrides);
  return env;
}

describe('the demo issuer', () => {
  it('should not start without an issuer when POLKU_DEMO is not true, even without NODE_ENV', async () => {
    const config = testGatewayConfig(envWithoutNodeEnv({ POLKU_DEMO: 'false' }));

    await expect(createGatewayApp({ config, logger: false })).rejects.toThrow(/POLKU_DEMO=true/);
  });

  it('should be off without POLKU_DEMO: no demo endpoints, no demo tokens', async () => {
    const gateway = await createGatewayApp({
      config: testGatewayConfig(envWithoutNodeEnv({ AUTH_ISSUER: issuer.url })),
      logger: false,
    });
    await gateway.init();
    try {
      const issued = await inject(gateway, {
        method: 'POST',
        url: '/api/v1/dev-auth/token',
        payload: { username: 'tiina.tyollisyys' },
      });
      expect(issued.statusCode).toBe(404);
      expect(issued.body).not.toContain('access_token');

      const demo = await (await DevIssuer.create()).issue('tiina.tyollisyys', 'polku-gateway');
      const response = await inject(gateway, {
        url: `/api/v1/paths/${randomUUID()}/parties`,
        headers: { authorization: `Bearer ${demo.token}` },
      });
      expect(response.statusCode).toBe(401);
    } finally {
      await gateway.close();
    }
  });
});

describe('key sources in production', () => {
  it.each([
    ['AUTH_ISSUER', { AUTH_ISSUER: 'http://idp.kainuu.example/realms/polku' }],
    [
      'AUTH_JWKS_URL',
      {
        AUTH_ISSUER: 'https://idp.kainuu.example/realms/polku',
        AUTH_JWKS_URL: 'http://idp.kainuu.example/certs',
      },
    ],
  ])('should refuse to start with an http %s', (name, overrides) => {
    expect(() =>
      testGatewayConfig(
        isolatedTestEnv({
          NODE_ENV: 'production',
          IDEMPOTENCY_FINGERPRINT_KEY: PRODUCTION_FINGERPRINT_KEY,
          ...overrides,
        }),
      ),
    ).toThrow(`${name} must be an https URL when NODE_ENV=production`);
  });
});

describe('tokens and the rate limit, in production', () => {
  const FAILURES_PER_MINUTE = 5;
  let gateway: NestFastifyApplication;

  beforeAll(async () => {
    gateway = await startProductionGateway(issuer, {
      AUTH_FAILURES_PER_MINUTE: String(FAILURES_PER_MINUTE),
    });
  });

  afterAll(async () => {
    await gateway.close();
  });

  // Answered by the gateway itself: 404 for a path nobody may see, so no service is needed.
  const parties = (authorization: string | undefined, remoteAddress = '127.0.0.1') =>
    gateway
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'GET',
        url: `/api/v1/paths/${randomUUID()}/parties`,
        headers: authorization === undefined ? {} : { authorization },
        remoteAddress,
      });

  it('should accept the IdP’s access token', async () => {
    const response = await parties(`Bearer ${await issuer.tokenFor('tiina.tyollisyys')}`);
    expect(response.statusCode).toBe(404);
  });

  it.each([
    ['with a nonce', { claims: { nonce: 'n-0S6_WzA2Mj' } }],
    ['typed ID, as Keycloak types its ID tokens', { claims: { typ: 'ID' } }],
    ['with at_hash', { claims: { at_hash: 'HK6E_P6Dh8Y93mRNtsDB1Q' } }],
    ['without a typ header', { typ: null }],
  ])('should refuse an ID token (%s) with 401', async (_what, options) => {
    const response = await parties(
      `Bearer ${await issuer.tokenFor('tiina.tyollisyys', options)}`,
      '192.0.2.10',
    );
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ type: 'urn:polku:problem:unauthenticated' });
  });

  it('should answer 429 once one address has sent too many bad tokens, and only to it', async () => {
    const address = '198.51.100.7';
    const bad = `Bearer ${await issuer.tokenFor('tiina.tyollisyys', { audience: 'someone-else' })}`;
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= FAILURES_PER_MINUTE; attempt++) {
      statuses.push((await parties(bad, address)).statusCode);
    }
    expect(statuses).toEqual([...Array<number>(FAILURES_PER_MINUTE).fill(401), 429]);

    const limited = await parties(undefined, address);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ type: 'urn:polku:problem:rate-limited' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    // Another address is not limited, and a valid token still works from the limited one.
    expect((await parties(bad, '198.51.100.8')).statusCode).toBe(401);
    const valid = `Bearer ${await issuer.tokenFor('tiina.tyollisyys')}`;
    expect((await parties(valid, address)).statusCode).toBe(404);
  });
});
