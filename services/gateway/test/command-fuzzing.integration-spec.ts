import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { isolatedTestEnv, testGatewayConfig } from '@polku/testing';
import { randomUUID } from 'node:crypto';
import { DEMO_ORGANISATIONS } from '@polku/demo';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { gatewayRouteTable, type GatewayRoute } from '../src/access/route-table';
import { createGatewayApp } from './support/test-gateway-app';
import { demoAuthHeader } from './support/demo-auth';
import { VALID_COMMAND_BODIES } from './support/sample-commands';
import { grantConsent, referPath } from './support/seed-paths';

/**
 * Property-based fuzzing of every command body in the route table: whatever JSON arrives, the
 * answer is a 4xx problem+json (never a 5xx) and nothing is written. Runs the gateway as
 * `npm start` does (demo issuer on), so the demo issuer's command is fuzzed too.
 */

// About 40 command routes: 100 bodies each is 4,000 requests, a minute or two on two cores.
const RUNS_PER_ROUTE = 100;
const FUZZING_TIMEOUT_MS = 300_000;

/**
 * Tables whose row counts must not move while invalid commands arrive. (The audit trail does
 * record each attempt on a client-level route: that is its job.)
 */
const WATCHED_TABLES = [
  'outbox_message',
  'idempotency_record',
  'path_access_referral',
  'path_access_consent',
] as const;

let gateway: NestFastifyApplication;
let routes: GatewayRoute[];
let pathId: string;

beforeAll(async () => {
  gateway = await createGatewayApp({
    config: testGatewayConfig(isolatedTestEnv({ RATE_LIMIT_PER_MINUTE: '1000000' })),
    logger: false,
  });
  await gateway.init();
  routes = gatewayRouteTable(gateway).filter((route) =>
    ['POST', 'PUT', 'PATCH'].includes(route.method),
  );
  // A path the fuzzing user owns, so bodies get past the access check to validation.
  ({ pathId } = await referPath(gateway, {
    fromOrgId: DEMO_ORGANISATIONS.employmentArea.id,
    toOrgId: DEMO_ORGANISATIONS.tyonsilta.id,
  }));
  await grantConsent(gateway, {
    pathId,
    orgId: DEMO_ORGANISATIONS.employmentArea.id,
    dataClasses: ['PATH', 'HEALTH_FLAG'],
  });
});

afterAll(async () => {
  await gateway.close();
});

async function rowCounts(): Promise<Record<string, number>> {
  const dataSource = gateway.get(DataSource);
  const counts: Record<string, number> = {};
  for (const table of WATCHED_TABLES) {
    const [row] = await dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM ${table}`,
    );
    counts[table] = row.count;
  }
  return counts;
}

const jsonType = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/** Any JSON value except null, of another JSON type than `original`: never valid in its place. */
const otherTypeThan = (original: unknown) =>
  fc
    .oneof(
      fc.string({ maxLength: 5000 }),
      fc.double(),
      fc.boolean(),
      fc.array(fc.jsonValue(), { maxLength: 5 }),
      fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue(), { maxKeys: 3 }),
    )
    .filter((value) => jsonType(value) !== jsonType(original));

/**
 * Arbitrary JSON, and mutations of the valid body that are invalid by construction: at least one
 * field retyped or one unknown field added (drops come on top, so required fields go missing).
 */
function invalidBodies(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  const mutated = fc
    .record({
      drop: fc.subarray(keys),
      retype: fc
        .subarray(keys)
        .chain((chosen) =>
          fc.tuple(...chosen.map((key) => otherTypeThan(valid[key]).map((value) => [key, value]))),
        ),
      extra: fc.dictionary(
        fc.string({ minLength: 1, maxLength: 20 }).filter((key) => !keys.includes(key)),
        fc.jsonValue(),
        { maxKeys: 3 },
      ),
    })
    .filter(({ retype, extra }) => retype.length + Object.keys(extra).length > 0)
    .map(({ drop, retype, extra }) => {
      const body: Record<string, unknown> = {
        ...valid,
        ...Object.fromEntries(retype as [string, unknown][]),
        ...extra,
      };
      drop
        .filter((key) => !retype.some(([retyped]) => retyped === key))
        .forEach((key) => {
          delete body[key];
        });
      return body;
    });
  // Top-level JSON that is not an object with the command's fields.
  const arbitrary = fc.jsonValue().filter((value) => jsonType(value) !== 'object');
  return fc.oneof(arbitrary, mutated);
}

it('should know a valid body for every command in the route table', () => {
  const missing = routes
    .map((route) => `${route.method} ${route.url}`)
    .filter((key) => !(key in VALID_COMMAND_BODIES));
  expect(missing).toEqual([]);
  expect(routes.length).toBeGreaterThan(0);
});

it(
  'should answer every invalid command body with 4xx problem+json and write nothing',
  async () => {
    const before = await rowCounts();
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const valid = VALID_COMMAND_BODIES[key];
      if (valid === null || valid === undefined) {
        continue;
      }
      const url = route.url.replace(/:([A-Za-z]+)/g, (_match, name: string) =>
        name === 'pathId' ? pathId : randomUUID(),
      );
      await fc.assert(
        fc.asyncProperty(invalidBodies(valid), async (body) => {
          const response = await gateway
            .getHttpAdapter()
            .getInstance()
            .inject({
              method: route.method as 'POST',
              url,
              headers: {
                ...(await demoAuthHeader(gateway)),
                'content-type': 'application/json',
                'idempotency-key': `fuzz-${Math.random()}`,
                'if-match': '"1"',
              },
              payload: JSON.stringify(body),
            });
          if (response.statusCode < 400 || response.statusCode > 499) {
            throw new Error(`${key} answered ${response.statusCode} to ${JSON.stringify(body)}`);
          }
          expect(response.headers['content-type']).toContain('application/problem+json');
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
    expect(await rowCounts()).toEqual(before);
  },
  FUZZING_TIMEOUT_MS,
);
