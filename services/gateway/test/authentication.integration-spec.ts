import { randomUUID } from 'node:crypto';
import { Controller, Get, Module, Req } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DEMO_ORGANISATIONS } from '@polku/demo';
import { isolatedTestEnv, testGatewayConfig, testNatsSeed } from '@polku/testing';
import type { FastifyRequest } from 'fastify';
import { principalOf } from '../src/auth/principal-of-request';
import { DevIssuer } from '../src/auth/dev-issuer';
import { createGatewayApp } from './support/test-gateway-app';
import {
  startOidcTestIssuer,
  type OidcTestIssuer,
  type TokenOptions,
} from './support/oidc-test-issuer';
import {
  PRODUCTION_FINGERPRINT_KEY,
  PRODUCTION_INTERNAL_TOKEN_SIGNING_KEY,
} from './support/production-gateway';

// A protected route that tells who the gateway thinks is asking.
@Controller('whoami')
class WhoAmIController {
  @Get()
  whoami(@Req() request: FastifyRequest) {
    return principalOf(request);
  }
}

@Module({ controllers: [WhoAmIController] })
class WhoAmIModule {}

const inject = (
  app: NestFastifyApplication,
  options: {
    method?: 'GET' | 'POST';
    url: string;
    headers?: Record<string, string>;
    payload?: object;
  },
) =>
  app
    .getHttpAdapter()
    .getInstance()
    .inject({ method: 'GET', ...options });

describe('gateway authentication with an OIDC issuer (NODE_ENV=production)', () => {
  let issuer: OidcTestIssuer;
  let gateway: NestFastifyApplication;
  const orgId = DEMO_ORGANISATIONS.tyonsilta.id;

  beforeAll(async () => {
    issuer = await startOidcTestIssuer();
    gateway = await createGatewayApp({
      config: testGatewayConfig(
        isolatedTestEnv({
          NODE_ENV: 'production',
          NATS_NKEY_SEED: testNatsSeed('gateway'),
          AUTH_ISSUER: issuer.url,
          IDEMPOTENCY_FINGERPRINT_KEY: PRODUCTION_FINGERPRINT_KEY,
          INTERNAL_TOKEN_SIGNING_KEY: PRODUCTION_INTERNAL_TOKEN_SIGNING_KEY,
        }),
      ),
      logger: false,
      extraImports: [WhoAmIModule],
    });
    await gateway.init();
  });

  afterAll(async () => {
    await gateway.close();
    await issuer.close();
  });

  const token = (options: TokenOptions = {}) =>
    issuer.token(
      { polku_org_id: orgId, polku_org_role: 'PROVIDER', polku_roles: ['CASEWORKER'] },
      options,
    );

  const expectUnauthenticated = (response: Awaited<ReturnType<typeof inject>>) => {
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.headers['www-authenticate']).toContain('Bearer');
    expect(response.json()).toMatchObject({
      type: 'urn:polku:problem:unauthenticated',
      status: 401,
    });
    // Nothing of the principal route's answer leaks.
    expect(response.body).not.toContain(orgId);
  };

  it('should find the keys by discovery and accept a token of the issuer', async () => {
    const response = await inject(gateway, {
      url: '/api/v1/whoami',
      headers: { authorization: `Bearer ${await token()}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      userId: 'kc-user-42',
      orgId,
      orgRole: 'PROVIDER',
      roles: ['CASEWORKER'],
      issuer: issuer.url,
    });
  });

  it('should refuse a request without a token', async () => {
    expectUnauthenticated(await inject(gateway, { url: '/api/v1/whoami' }));
  });

  it('should refuse an expired token', async () => {
    const expired = await token({ expiresAt: Math.floor(Date.now() / 1000) - 120 });
    expectUnauthenticated(
      await inject(gateway, {
        url: '/api/v1/whoami',
        headers: { authorization: `Bearer ${expired}` },
      }),
    );
  });

  it('should refuse a token of another issuer', async () => {
    const foreign = await token({ issuer: 'https://login.example.com/realms/other' });
    expectUnauthenticated(
      await inject(gateway, {
        url: '/api/v1/whoami',
        headers: { authorization: `Bearer ${foreign}` },
      }),
    );
  });

  it('should refuse a token for another audience', async () => {
    const other = await token({ audience: 'another-app' });
    expectUnauthenticated(
      await inject(gateway, {
        url: '/api/v1/whoami',
        headers: { authorization: `Bearer ${other}` },
      }),
    );
  });

  it('should refuse an unsigned token (alg none)', async () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({
      sub: 'kc-user-42',
      iss: issuer.url,
      aud: 'polku-gateway',
      iat: now,
      exp: now + 300,
      polku_org_id: orgId,
      polku_org_role: 'PROVIDER',
      polku_roles: ['CASEWORKER'],
    })}.`;
    expectUnauthenticated(
      await inject(gateway, {
        url: '/api/v1/whoami',
        headers: { authorization: `Bearer ${unsigned}` },
      }),
    );
  });

  it('should refuse a token HS256-signed with the issuer public key', async () => {
    const forged = await token({ alg: 'HS256', key: new TextEncoder().encode(issuer.publicPem) });
    expectUnauthenticated(
      await inject(gateway, {
        url: '/api/v1/whoami',
        headers: { authorization: `Bearer ${forged}` },
      }),
    );
  });

  it('should have no demo issuer in production', async () => {
    const response = await inject(gateway, {
      method: 'POST',
      url: '/api/v1/dev-auth/token',
      payload: { username: 'tiina.tyollisyys' },
    });
    expect(response.statusCode).not.toBe(200);
    expect(response.body).not.toContain('access_token');
    expect((await inject(gateway, { url: '/api/v1/dev-auth/users' })).statusCode).not.toBe(200);
    // A token from a demo issuer (as one would run elsewhere) is refused.
    const demo = await (await DevIssuer.create()).issue('tiina.tyollisyys', 'polku-gateway');
    expectUnauthenticated(
      await inject(gateway, {
        url: '/api/v1/whoami',
        headers: { authorization: `Bearer ${demo.token}` },
      }),
    );
  });
});

describe('gateway demo issuer (NODE_ENV=test, no AUTH_ISSUER)', () => {
  let gateway: NestFastifyApplication;

  beforeAll(async () => {
    gateway = await createGatewayApp({
      config: testGatewayConfig(isolatedTestEnv()),
      logger: false,
      extraImports: [WhoAmIModule],
    });
    await gateway.init();
  });

  afterAll(async () => {
    await gateway.close();
  });

  it('should let a new user list the demo users, get a token and make a first call', async () => {
    const users = await inject(gateway, { url: '/api/v1/dev-auth/users' });
    expect(users.statusCode).toBe(200);
    const listed = users.json<{ username: string; organisation: { name: string } }[]>();
    expect(listed.map((user) => user.organisation.name)).toEqual(
      expect.arrayContaining(['Kainuun työllisyysalue (Kajaani)', 'Työnsilta (Kuhmo)']),
    );

    const issued = await inject(gateway, {
      method: 'POST',
      url: '/api/v1/dev-auth/token',
      payload: { username: 'ville.tyonsilta' },
    });
    expect(issued.statusCode).toBe(200);
    const { access_token: accessToken, token_type: tokenType } = issued.json<{
      access_token: string;
      token_type: string;
    }>();
    expect(tokenType).toBe('Bearer');

    const response = await inject(gateway, {
      url: '/api/v1/whoami',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      userId: 'demo-user-06',
      orgId: DEMO_ORGANISATIONS.tyonsilta.id,
      orgRole: 'PROVIDER',
    });
  });

  it('should not issue a token for someone who is not a demo user', async () => {
    const response = await inject(gateway, {
      method: 'POST',
      url: '/api/v1/dev-auth/token',
      payload: { username: `nobody-${randomUUID()}` },
    });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('access_token');
  });
});
