import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DEMO_ORGANISATIONS } from '@polku/demo';
import { gatewayRouteTable, type GatewayRoute } from '../src/access/route-table';
import { startProductionGateway } from './support/production-gateway';
import { startOidcTestIssuer, type OidcTestIssuer } from './support/oidc-test-issuer';
import { VALID_COMMAND_BODIES } from './support/sample-commands';
import { grantConsent, referPath } from './support/seed-paths';

// The gateway as deployed (NODE_ENV=production, a real OIDC issuer), without test controllers:
// the route table below is exactly the production API.
let issuer: OidcTestIssuer;
let gateway: NestFastifyApplication;
let pathId: string;

beforeAll(async () => {
  issuer = await startOidcTestIssuer();
  gateway = await startProductionGateway(issuer, {
    RATE_LIMIT_PER_MINUTE: '100000',
    // The matrix sends every bad token to every route, all from one address.
    AUTH_FAILURES_PER_MINUTE: '100000',
  });
  ({ pathId } = await referPath(gateway, {
    fromOrgId: DEMO_ORGANISATIONS.employmentArea.id,
    toOrgId: DEMO_ORGANISATIONS.tyonsilta.id,
  }));
  // The client's consent covers every class for the owner, so the positive control reaches all.
  await grantConsent(gateway, {
    pathId,
    orgId: DEMO_ORGANISATIONS.employmentArea.id,
    dataClasses: ['PATH', 'PLAN', 'ATTENDANCE', 'HEALTH_FLAG', 'FINANCE_FLAG', 'CLIENT_VOICE'],
  });
});

afterAll(async () => {
  await gateway?.close();
  await issuer?.close();
});

// Read from the running application once it exists.
const routes: GatewayRoute[] = [];
beforeAll(() => {
  routes.push(...gatewayRouteTable(gateway));
});

/**
 * Fills a route's URL template: the seeded path, and fresh ids for everything inside it (the
 * gateway decides on the path alone; what is inside it is the service's to find).
 */
function urlOf(route: GatewayRoute): string {
  return route.url.replace(/:([A-Za-z]+)/g, (_match, name: string) =>
    name === 'pathId' ? pathId : randomUUID(),
  );
}

/** Answers that mean the gateway itself refused: the matrix's negative outcomes. */
const REFUSED = new Set([401, 403, 404]);

function call(route: GatewayRoute, authorization?: string) {
  const key = `${route.method} ${route.url}`;
  const writes = ['POST', 'PUT', 'PATCH'].includes(route.method);
  if (writes && !(key in VALID_COMMAND_BODIES) && !route.public) {
    throw new Error(`${key}: add a valid body to test/support/sample-commands.ts`);
  }
  return gateway
    .getHttpAdapter()
    .getInstance()
    .inject({
      method: route.method as 'GET',
      url: urlOf(route),
      headers: {
        ...(authorization ? { authorization } : {}),
        ...(writes ? { 'idempotency-key': `matrix-${Math.random()}`, 'if-match': '"1"' } : {}),
      },
      ...(writes ? { payload: VALID_COMMAND_BODIES[key] ?? {} } : {}),
    });
}

const bearer = async (username: string) => `Bearer ${await issuer.tokenFor(username)}`;

describe('the route table', () => {
  it('should classify every route as public, client-level data or not client data (with why)', () => {
    const unclassified = routes
      .filter((route) => !route.public && !route.clientData && route.notClientData === undefined)
      .map((route) => `${route.method} ${route.url} (${route.controller}.${route.handler})`);
    expect(unclassified).toEqual([]);
  });

  it('should declare one endpoint kind on every route, so no route can forget a step', () => {
    const withoutKind = routes
      .filter((route) => route.kind === undefined)
      .map((route) => `${route.method} ${route.url} (${route.controller}.${route.handler})`);
    expect(withoutKind).toEqual([]);
  });

  it('should have client-level routes for the matrix to cover', () => {
    expect(routes.filter((route) => route.clientData).length).toBeGreaterThanOrEqual(2);
  });
});

describe('every client-level route', () => {
  it('should let the owner organisation’s caseworker past the gateway (the positive control)', async () => {
    // Routes the gateway answers itself must succeed; routes it forwards reach the service
    // (absent in this test: 503) — either way the gateway did not refuse.
    const failures: string[] = [];
    for (const route of routes.filter((candidate) => candidate.clientData)) {
      const response = await call(route, await bearer('tiina.tyollisyys'));
      if (REFUSED.has(response.statusCode) || response.statusCode === 400) {
        failures.push(`${route.method} ${route.url}: ${response.statusCode} ${response.body}`);
      }
    }
    expect(failures).toEqual([]);
  });

  // Every route on an existing path; a route that creates its path is decided by the service.
  const pathRoutes = () => routes.filter((candidate) => candidate.clientData?.pathParam);

  it('should answer a non-party organisation 404 with no data', async () => {
    for (const route of pathRoutes()) {
      const response = await call(route, await bearer('kaisa.kumppaniksi'));
      expect({ route: route.url, status: response.statusCode }).toEqual({
        route: route.url,
        status: 404,
      });
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).not.toContain(pathId);
      expect(response.body).not.toContain(DEMO_ORGANISATIONS.employmentArea.id);
    }
  });

  it('should give a manager of the owning organisation no client-level data', async () => {
    for (const route of pathRoutes()) {
      const response = await call(route, await bearer('marja.johtaja'));
      expect({ route: route.url, status: response.statusCode }).toEqual({
        route: route.url,
        status: 404,
      });
      expect(response.body).not.toContain(pathId);
    }
  });
});

describe('every route that needs a token', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const badTokens: readonly [string, () => Promise<string | undefined>][] = [
    ['no token', async () => undefined],
    ['an expired token', async () => bearer2('tiina.tyollisyys', { expiresAt: now() - 120 })],
    [
      'a token of another issuer',
      async () => bearer2('tiina.tyollisyys', { issuer: 'https://idp.example/realms/x' }),
    ],
    ['a token for another audience', async () => bearer2('tiina.tyollisyys', { audience: 'x' })],
    [
      'an unsigned token (alg none)',
      async () => {
        const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
        return `Bearer ${encode({ alg: 'none', typ: 'JWT' })}.${encode({
          sub: 'demo-user-01',
          iss: issuer.url,
          aud: 'polku-gateway',
          iat: now(),
          exp: now() + 300,
          polku_org_id: DEMO_ORGANISATIONS.employmentArea.id,
          polku_org_role: 'EMPLOYMENT_AUTHORITY',
          polku_roles: ['CASEWORKER'],
        })}.`;
      },
    ],
    [
      'a token HS256-signed with the issuer public key',
      async () =>
        bearer2('tiina.tyollisyys', {
          alg: 'HS256',
          key: new TextEncoder().encode(issuer.publicPem),
        }),
    ],
  ];

  async function bearer2(
    username: string,
    options: Parameters<OidcTestIssuer['tokenFor']>[1],
  ): Promise<string> {
    return `Bearer ${await issuer.tokenFor(username, options)}`;
  }

  it.each(badTokens)('should answer 401 problem+json to %s', async (_kind, makeToken) => {
    const protectedRoutes = routes.filter((route) => !route.public);
    expect(protectedRoutes.length).toBeGreaterThan(0);
    for (const route of protectedRoutes) {
      const response = await call(route, await makeToken());
      expect({ route: `${route.method} ${route.url}`, status: response.statusCode }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
      });
      expect(response.json()).toMatchObject({ type: 'urn:polku:problem:unauthenticated' });
      expect(response.body).not.toContain(pathId);
    }
  });
});

describe('If-Match on mutable resources', () => {
  it('should answer 428 to every command on an existing resource sent without If-Match', async () => {
    const authorization = await bearer('tiina.tyollisyys');
    const withoutIfMatch: string[] = [];
    for (const route of routes.filter((candidate) =>
      ['POST', 'PUT', 'PATCH', 'DELETE'].includes(candidate.method),
    )) {
      if (route.public) {
        continue;
      }
      const response = await gateway
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: route.method as 'POST',
          url: urlOf(route),
          headers: { authorization, 'idempotency-key': `if-match-${Math.random()}` },
          payload: VALID_COMMAND_BODIES[`${route.method} ${route.url}`] ?? {},
        });
      if (response.statusCode !== 428) {
        withoutIfMatch.push(`${route.method} ${route.url}`);
      }
    }
    expect(withoutIfMatch.sort()).toEqual([...CREATES].sort());
  });
});

/**
 * The only commands that take no If-Match: they create a resource, so there is no version the
 * caller could have read (or change only the caller's own markers and setting, see below). Every change of an existing resource needs If-Match; a new one fails
 * the test above until it does.
 */
const CREATES = [
  'POST /api/v1/organisations/:orgId/funding-ending',
  'POST /api/v1/paths/:pathId/activation-plan',
  'POST /api/v1/paths/:pathId/activation-plan/goals/:goalId/progress',
  'POST /api/v1/paths/:pathId/agreed-steps',
  'POST /api/v1/paths/:pathId/client-voice',
  'POST /api/v1/paths/:pathId/consents',
  'POST /api/v1/paths/:pathId/hand-offs',
  'POST /api/v1/paths/:pathId/intake',
  'POST /api/v1/paths/:pathId/measures',
  'POST /api/v1/paths/:pathId/measures/:measureId/absences',
  'POST /api/v1/paths/:pathId/measures/:measureId/attendance',
  'POST /api/v1/paths/:pathId/meetings',
  // A decision is linked once (409 after): the link is created, nothing is changed.
  'POST /api/v1/paths/:pathId/meetings/:meetingId/decisions/:decisionId/link',
  'POST /api/v1/paths/:pathId/parallel-services',
  'POST /api/v1/paths/:pathId/referral-links',
  'POST /api/v1/paths/:pathId/statements',
  'POST /api/v1/paths/:pathId/waits',
  'POST /api/v1/referrals',
  // The caller's own read markers: a set, so repeating or racing changes nothing to lose.
  'POST /api/v1/work-queue/read',
  // The caller's own setting, which only they edit: the last choice is the one they made.
  'PUT /api/v1/me/notification-settings',
];
