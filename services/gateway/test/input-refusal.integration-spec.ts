import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { isolatedTestEnv, testGatewayConfig } from '@polku/testing';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { gatewayRouteTable } from '../src/access/route-table';
import { createGatewayApp } from './support/test-gateway-app';
import { JSON_BODY_LIMITS } from '../src/http/json-body/json-limits';
import { isCheckedPathParam } from '../src/http/path-ids/path-id.guard';
import { demoAuthHeader } from './support/demo-auth';
import { VALID_COMMAND_BODIES } from './support/sample-commands';

/**
 * Bad input as a new user (or an attacker) would send it, through the real gateway: bodies at
 * and beyond every parser limit, prototype keys, malformed path ids. Every answer is a 4xx
 * problem+json that says what was refused; none is a 500.
 */

const BODY_LIMIT = 16_384;
let gateway: NestFastifyApplication;
let auth: { authorization: string };

beforeAll(async () => {
  gateway = await createGatewayApp({
    config: testGatewayConfig(
      isolatedTestEnv({
        RATE_LIMIT_PER_MINUTE: '1000000',
        HTTP_BODY_LIMIT_BYTES: String(BODY_LIMIT),
      }),
    ),
    logger: false,
  });
  await gateway.init();
  auth = await demoAuthHeader(gateway);
});

afterAll(async () => {
  await gateway.close();
});

/** POST a raw body to the referral command: parsed before any of the command's own steps. */
function post(payload: string, url = '/api/v1/referrals'): Promise<LightMyRequestResponse> {
  return gateway
    .getHttpAdapter()
    .getInstance()
    .inject({
      method: 'POST',
      url,
      headers: {
        ...auth,
        'content-type': 'application/json; charset=utf-8',
        'idempotency-key': `refusal-${Math.random()}`,
      },
      payload,
    });
}

function problemOf(response: LightMyRequestResponse, status: number, type: string) {
  expect({ status: response.statusCode, type: response.json<{ type: string }>().type }).toEqual({
    status,
    type,
  });
  expect(response.headers['content-type']).toContain('application/problem+json');
  return response.json<{ detail: string; errors?: { field: string; message: string }[] }>();
}

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('JSON nested too deep', () => {
  it('should answer 400 problem+json, not 500, to JSON nested 2,000 levels deep (12 KB)', async () => {
    const body = `{"a":${'{"a":'.repeat(1999)}1${'}'.repeat(2000)}`;
    expect(body.length).toBeGreaterThan(12_000);

    const problem = problemOf(await post(body), 400, 'urn:polku:problem:body-limit-exceeded');

    expect(problem.detail).toContain(`${JSON_BODY_LIMITS.maxDepth} levels`);
  });

  it('should answer 400 to arrays nested far beyond the body limit’s worth of levels', async () => {
    problemOf(await post(nested(8_000)), 400, 'urn:polku:problem:body-limit-exceeded');
  });
});

describe('prototype keys', () => {
  it.each([
    ['__proto__', '{"__proto__":{"isAdmin":true}}', '__proto__'],
    ['constructor', '{"constructor":{"prototype":{"isAdmin":true}}}', 'constructor'],
    ['a nested __proto__', '{"client":{"x":[{"__proto__":{}}]}}', 'client.x[0].__proto__'],
  ])(
    'should refuse a body with %s as 400 validation-failed and say why',
    async (_what, body, field) => {
      const problem = problemOf(await post(body), 400, 'urn:polku:problem:validation-failed');

      expect(problem.detail).toContain('valid JSON');
      expect(problem.detail).toContain('prototype pollution');
      expect(problem.errors).toEqual([
        { field, message: expect.stringContaining('prototype pollution') as string },
      ]);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    },
  );
});

describe('malformed path ids', () => {
  it('should answer 400 validation-failed on every route with an id in its path', async () => {
    const routes = gatewayRouteTable(gateway).filter((route) => /:[A-Za-z]+/.test(route.url));
    expect(routes.length).toBeGreaterThan(10);
    const wrong: string[] = [];
    for (const route of routes) {
      const writes = route.method !== 'GET';
      const response = await gateway
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: route.method as 'GET',
          url: route.url.replace(/:([A-Za-z]+)/g, 'not-a-uuid'),
          headers: {
            ...auth,
            ...(writes ? { 'idempotency-key': `ids-${Math.random()}`, 'if-match': '"1"' } : {}),
          },
          ...(writes
            ? { payload: VALID_COMMAND_BODIES[`${route.method} ${route.url}`] ?? {} }
            : {}),
        });
      const type = response.json<{ type?: string }>().type;
      if (response.statusCode !== 400 || type !== 'urn:polku:problem:validation-failed') {
        wrong.push(`${route.method} ${route.url}: ${response.statusCode} ${type}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('should name only ids and named parameters as path parameters, so that every one is checked', () => {
    const params = gatewayRouteTable(gateway).flatMap((route) =>
      [...route.url.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]),
    );
    expect(params.filter((name) => !isCheckedPathParam(name))).toEqual([]);
  });

  it('should still answer 401 before it looks at the id', async () => {
    const response = await gateway
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url: '/api/v1/paths/not-a-uuid/referrals' });

    expect(response.statusCode).toBe(401);
  });
});

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('the parser limits, fuzzed', () => {
  const { maxDepth, maxKeys, maxStringLength } = JSON_BODY_LIMITS;

  /** A body of the given shape: nesting, members and one long string, in a random order. */
  const shapes = fc.record({
    depth: fc.integer({ min: 1, max: maxDepth * 2 }),
    keys: fc.integer({ min: 0, max: Math.min(maxKeys * 2, 2_500) }),
    stringLength: fc.integer({ min: 0, max: maxStringLength + 50 }),
  });

  function bodyOf(shape: { depth: number; keys: number; stringLength: number }): string {
    // The members and the string sit in the innermost object, depth levels down.
    const members = Array.from({ length: Math.max(shape.keys - 1, 0) }, (_, i) => `"k${i}":0`);
    const inner = `{${[...members, `"s":"${'x'.repeat(shape.stringLength)}"`].join(',')}}`;
    return '['.repeat(shape.depth - 1) + inner + ']'.repeat(shape.depth - 1);
  }

  it('should refuse exactly the bodies beyond a limit, and never answer 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(shapes, async (shape) => {
        const body = bodyOf(shape);
        const response = await post(body);
        const type = response.json<{ type?: string }>().type;
        const overLimit =
          shape.depth > maxDepth ||
          Math.max(shape.keys, 1) > maxKeys ||
          shape.stringLength > maxStringLength;
        const expected =
          Buffer.byteLength(body) > BODY_LIMIT
            ? { status: 413, type: 'urn:polku:problem:payload-too-large' }
            : overLimit
              ? { status: 400, type: 'urn:polku:problem:body-limit-exceeded' }
              : // Within every limit the body reaches the command's validation, which refuses it.
                { status: 400, type: 'urn:polku:problem:validation-failed' };
        expect({ shape, status: response.statusCode, type }).toEqual({ shape, ...expected });
      }),
      { numRuns: 150, seed: 20_150_015 },
    );
  });

  it('should answer every mangled body with 4xx problem+json', async () => {
    const valid = JSON.stringify(VALID_COMMAND_BODIES['POST /api/v1/referrals']);
    const mangled = fc
      .record({ at: fc.nat({ max: valid.length }), cut: fc.nat({ max: 20 }), insert: fc.string() })
      .map(({ at, cut, insert }) => valid.slice(0, at) + insert + valid.slice(at + cut))
      // Only what no longer parses: a still valid command would go on to the service.
      .filter((body) => !parses(body));
    await fc.assert(
      fc.asyncProperty(fc.oneof(mangled, fc.string({ unit: 'binary' })), async (body) => {
        const response = await post(body);
        if (response.statusCode < 400 || response.statusCode > 499) {
          throw new Error(`answered ${response.statusCode} to ${JSON.stringify(body)}`);
        }
        expect(response.headers['content-type']).toContain('application/problem+json');
      }),
      { numRuns: 200, seed: 15 },
    );
  });
});
