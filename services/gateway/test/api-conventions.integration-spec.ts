import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiProperty } from '@nestjs/swagger';
import { POLKU_VERSION } from '@polku/service-runtime';
import { isolatedTestEnv, testGatewayConfig } from '@polku/testing';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsDate,
  IsInt,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { LightMyRequestResponse } from 'fastify';
import { PublicRoute } from '../src/auth/public-route.decorator';
import { createGatewayApp } from './support/test-gateway-app';
import { demoAuthHeader } from './support/demo-auth';

// Client data a caseworker might type into the wrong field: it must never come back in an error.
const PERSONAL_DATA = 'Matti Meikäläinen 010203-123X';

class AddressDto {
  @ApiProperty()
  @IsString()
  street!: string;

  // Written with $value on purpose: the gateway must mask it anyway.
  @ApiProperty({ example: '87100' })
  @Matches(/^\d{5}$/, { message: '$property must be five digits, got $value' })
  postalCode!: string;
}

class ContactDto {
  @ApiProperty()
  @IsString()
  name!: string;

  @ApiProperty({ type: [AddressDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AddressDto)
  addresses!: AddressDto[];
}

class CreateTestThingDto {
  @ApiProperty()
  @IsString()
  @MaxLength(3000)
  title!: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  count!: number;

  @ApiProperty()
  @IsDate()
  @Type(() => Date)
  dueAt!: Date;

  @ApiProperty({ type: ContactDto })
  @ValidateNested()
  @Type(() => ContactDto)
  contact!: ContactDto;
}

// Tells the test what the handler received, so the test sees validation and transformation.
@Controller('conventions-test')
class ConventionsTestController {
  @Post('things')
  create(@Body() body: CreateTestThingDto) {
    return {
      isDto: body instanceof CreateTestThingDto,
      contactIsDto: body.contact instanceof ContactDto,
      addressIsDto: body.contact.addresses.every((address) => address instanceof AddressDto),
      dueAtIsDate: body.dueAt instanceof Date,
      dueAt: body.dueAt.toISOString(),
      keys: Object.keys(body).sort(),
    };
  }

  @Get('ping')
  ping() {
    return { pong: true };
  }

  @Get('other')
  other() {
    return { other: true };
  }

  @PublicRoute()
  @Get('public-ping')
  publicPing() {
    return { pong: true };
  }
}

@Module({ controllers: [ConventionsTestController] })
class ConventionsTestModule {}

const validThing = () => ({
  title: 'Work trial at the Kajaani workshop',
  count: 2,
  dueAt: '2026-03-01T09:00:00.000Z',
  contact: {
    name: 'Contact person',
    addresses: [
      { street: 'Pohjolankatu 13', postalCode: '87100' },
      { street: 'Kauppakatu 1', postalCode: '87100' },
    ],
  },
});

async function startGateway(env: Record<string, string>): Promise<NestFastifyApplication> {
  const gateway = await createGatewayApp({
    config: testGatewayConfig(env),
    logger: false,
    extraImports: [ConventionsTestModule],
  });
  await gateway.init();
  await gateway.getHttpAdapter().getInstance().ready();
  return gateway;
}

function expectProblem(response: LightMyRequestResponse, status: number, type: string) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = response.json<Record<string, unknown>>();
  expect(problem).toMatchObject({ type, status });
  expect(typeof problem.title).toBe('string');
  expect(response.headers['x-request-id']).toEqual(expect.any(String));
  expect(problem.instance).toBe(response.headers['x-request-id']);
  return problem;
}

describe('gateway API conventions', () => {
  let gateway: NestFastifyApplication;
  let auth: { authorization: string };

  const inject = (options: {
    method?: 'GET' | 'POST';
    url: string;
    headers?: Record<string, string>;
    payload?: string | object;
  }) =>
    gateway
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', ...options, headers: { ...auth, ...options.headers } });

  const postThing = (payload: string | object, headers: Record<string, string> = {}) =>
    inject({
      method: 'POST',
      url: '/api/v1/conventions-test/things',
      payload,
      headers: { 'content-type': 'application/json', ...headers },
    });

  beforeAll(async () => {
    gateway = await startGateway(isolatedTestEnv({ HTTP_BODY_LIMIT_BYTES: '2048' }));
    auth = await demoAuthHeader(gateway);
  });

  afterAll(async () => {
    await gateway.close();
  });

  describe('prefix', () => {
    it('should serve resources under /api/v1 and not at the bare path', async () => {
      expect((await inject({ url: '/api/v1/conventions-test/ping' })).json()).toEqual({
        pong: true,
      });
      expectProblem(
        await inject({ url: '/conventions-test/ping' }),
        404,
        'urn:polku:problem:not-found',
      );
    });

    it('should keep the health probes outside the prefix', async () => {
      expect((await inject({ url: '/health/live' })).statusCode).toBe(200);
      expect((await inject({ url: '/api/v1/health/live' })).statusCode).toBe(404);
    });

    it.each(['/api/v1/no-such-resource', '/no-such-page'])(
      'should answer 404 problem+json when the route %s does not exist',
      async (url) => {
        expectProblem(await inject({ url }), 404, 'urn:polku:problem:not-found');
      },
    );
  });

  describe('validation', () => {
    it('should hand the handler its DTO, nested DTOs and dates when the body is valid', async () => {
      const response = await postThing(validThing());

      expect(response.statusCode).toBe(201);
      expect(response.json()).toEqual({
        isDto: true,
        contactIsDto: true,
        addressIsDto: true,
        dueAtIsDate: true,
        dueAt: '2026-03-01T09:00:00.000Z',
        keys: ['contact', 'count', 'dueAt', 'title'],
      });
    });

    it('should answer 400 naming the field when the body has an unknown field', async () => {
      const response = await postThing({ ...validThing(), henkilotunnus: PERSONAL_DATA });

      const problem = expectProblem(response, 400, 'urn:polku:problem:validation-failed');
      expect(problem.errors).toEqual([
        { field: 'henkilotunnus', message: expect.stringContaining('should not exist') },
      ]);
      expect(response.body).not.toContain(PERSONAL_DATA);
    });

    it('should answer 400 with the dotted path when a nested field is not valid', async () => {
      const thing = validThing();
      thing.contact.addresses[1].postalCode = PERSONAL_DATA;

      const response = await postThing(thing);

      const problem = expectProblem(response, 400, 'urn:polku:problem:validation-failed');
      expect(problem.errors).toEqual([
        {
          field: 'contact.addresses[1].postalCode',
          message: expect.stringContaining('five digits'),
        },
      ]);
      // The DTO's message says "got $value": the answer still carries no submitted value.
      expect(response.body).not.toContain(PERSONAL_DATA);
      expect(response.body).not.toContain('010203');
    });

    it('should reject an unknown field inside a nested DTO', async () => {
      const thing = { ...validThing(), contact: { ...validThing().contact, ssn: PERSONAL_DATA } };

      const problem = expectProblem(
        await postThing(thing),
        400,
        'urn:polku:problem:validation-failed',
      );
      expect(problem.errors).toEqual([
        { field: 'contact.ssn', message: expect.stringContaining('should not exist') },
      ]);
    });

    it('should list every invalid field when several are wrong', async () => {
      const response = await postThing({ ...validThing(), count: 0, title: 42 });

      const problem = expectProblem(response, 400, 'urn:polku:problem:validation-failed');
      expect(problem.errors).toEqual([
        { field: 'title', message: 'title must be shorter than or equal to 3000 characters' },
        { field: 'title', message: 'title must be a string' },
        { field: 'count', message: 'count must not be less than 1' },
      ]);
    });
  });

  describe('bodies', () => {
    it('should answer 400 problem+json without echoing the body when the JSON is malformed', async () => {
      const response = await postThing(`{"title": "${PERSONAL_DATA}", `);

      expectProblem(response, 400, 'urn:polku:problem:malformed-request');
      expect(response.body).not.toContain(PERSONAL_DATA);
    });

    it.each([
      ['text/plain', 'title=Work trial'],
      ['application/x-www-form-urlencoded', 'title=Work+trial'],
      ['application/xml', '<thing/>'],
    ])('should answer 415 problem+json when the body is %s', async (contentType, payload) => {
      const response = await postThing(payload, { 'content-type': contentType });

      expectProblem(response, 415, 'urn:polku:problem:unsupported-media-type');
    });

    it('should answer 413 problem+json when the body is over HTTP_BODY_LIMIT_BYTES', async () => {
      // 2,500 bytes: over the configured 2,048, far under Fastify's default of 1 MiB.
      const response = await postThing({ ...validThing(), title: 'x'.repeat(2500) });

      expectProblem(response, 413, 'urn:polku:problem:payload-too-large');
    });
  });

  describe('security headers', () => {
    it.each([
      ['a resource', '/api/v1/conventions-test/ping', 200],
      ['a problem', '/api/v1/no-such-resource', 404],
      ['a probe', '/health/live', 200],
    ])('should send the API security headers on %s', async (_what, url, status) => {
      const response = await inject({ url });

      expect(response.statusCode).toBe(status);
      expect(response.headers['strict-transport-security']).toBe(
        'max-age=31536000; includeSubDomains',
      );
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(response.headers['content-security-policy']).toBe(
        "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'",
      );
      expect(response.headers).not.toHaveProperty('x-powered-by');
    });
  });

  describe('OpenAPI docs', () => {
    it('should serve Swagger UI whose scripts, styles and images all come from the gateway', async () => {
      const response = await inject({ url: '/api/docs' });

      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("frame-ancestors 'none'");
      // Every <script> is an external file: none is inline, so script-src 'self' suffices.
      const scripts = [...response.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, code] of scripts) {
        expect(attributes).toMatch(/\ssrc=/);
        expect(code.trim()).toBe('');
      }
      // Every referenced asset is same-origin and is there.
      const assets = [...response.body.matchAll(/\s(?:src|href)=["']([^"']+)["']/g)].map(
        ([, url]) => url,
      );
      expect(assets.length).toBeGreaterThanOrEqual(4);
      for (const asset of assets) {
        const url = new URL(asset, 'http://gateway.test/api/docs');
        expect(url.origin).toBe('http://gateway.test');
        expect((await inject({ url: url.pathname })).statusCode).toBe(200);
      }
      // Swagger UI would otherwise send the document to validator.swagger.io.
      const init = await inject({ url: '/api/docs/swagger-ui-init.js' });
      expect(init.body).toMatch(/"validatorUrl":\s*null/);
    });

    it('should serve an OpenAPI 3 document listing the routes under /api/v1', async () => {
      const response = await inject({ url: '/api/docs/openapi.json' });

      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      const document = response.json<{
        openapi: string;
        info: { title: string; version: string };
        paths: Record<string, Record<string, unknown>>;
        components: { securitySchemes: Record<string, unknown> };
      }>();
      expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
      expect(document.info).toMatchObject({ title: 'polku gateway API', version: POLKU_VERSION });
      expect(document.components.securitySchemes.bearer).toEqual({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
      });
      expect(document.paths['/api/v1/conventions-test/things']).toHaveProperty('post');
      expect(document.paths['/health']).toHaveProperty('get');
    });
  });
});

describe('gateway rate limits', () => {
  const LIMIT = 3;
  let gateway: NestFastifyApplication;

  const get = (url: string, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') =>
    gateway.getHttpAdapter().getInstance().inject({ method: 'GET', url, headers, remoteAddress });

  beforeAll(async () => {
    gateway = await startGateway(isolatedTestEnv({ RATE_LIMIT_PER_MINUTE: String(LIMIT) }));
  });

  afterAll(async () => {
    await gateway.close();
  });

  it('should answer 429 problem+json with Retry-After once a user is over the limit', async () => {
    const tiina = await demoAuthHeader(gateway, 'tiina.tyollisyys');
    for (let i = 0; i < LIMIT; i += 1) {
      const allowed = await get('/api/v1/conventions-test/ping', tiina);
      expect(allowed.statusCode).toBe(200);
      expect(allowed.headers['x-ratelimit-limit']).toBe(String(LIMIT));
      expect(allowed.headers['x-ratelimit-remaining']).toBe(String(LIMIT - i - 1));
    }

    const response = await get('/api/v1/conventions-test/ping', tiina);

    const problem = expectProblem(response, 429, 'urn:polku:problem:rate-limited');
    expect(problem.detail).toContain(`${LIMIT} requests per minute`);
    expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(response.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('should count each user apart when they share an IP address', async () => {
    const pekka = await demoAuthHeader(gateway, 'pekka.esihenkilo');
    const marja = await demoAuthHeader(gateway, 'marja.johtaja');
    for (let i = 0; i < LIMIT; i += 1) {
      expect((await get('/api/v1/conventions-test/ping', pekka)).statusCode).toBe(200);
    }
    expect((await get('/api/v1/conventions-test/ping', pekka)).statusCode).toBe(429);

    expect((await get('/api/v1/conventions-test/ping', marja)).statusCode).toBe(200);
  });

  it('should count one budget per user across all routes', async () => {
    const sanna = await demoAuthHeader(gateway, 'sanna.sosiaalityo');
    for (let i = 0; i < LIMIT; i += 1) {
      expect((await get('/api/v1/conventions-test/ping', sanna)).statusCode).toBe(200);
    }

    expect((await get('/api/v1/conventions-test/other', sanna)).statusCode).toBe(429);
  });

  it('should limit by client IP when nobody is signed in', async () => {
    for (let i = 0; i < LIMIT; i += 1) {
      expect((await get('/api/v1/conventions-test/public-ping', {}, '10.0.0.7')).statusCode).toBe(
        200,
      );
    }
    expect((await get('/api/v1/conventions-test/public-ping', {}, '10.0.0.7')).statusCode).toBe(
      429,
    );
  });

  it('should never limit the health probes or the docs', async () => {
    for (let i = 0; i < LIMIT * 2; i += 1) {
      expect((await get('/health/live')).statusCode).toBe(200);
      expect((await get('/api/docs/openapi.json')).statusCode).toBe(200);
    }
  });
});
