import { Controller, Get, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { isolatedTestEnv, testGatewayConfig } from '@polku/testing';
import { createGatewayApp } from './support/test-gateway-app';
import { AggregateEndpoint } from '../src/http/endpoint-kinds';
import { PageQuery, type PageRequest } from '../src/http/pagination/page-query.decorator';
import { demoAuthHeader } from './support/demo-auth';

// A route that declares one shape and answers another is a wiring bug between the gateway and a
// service: the answer never leaves, the caller gets a 500 problem (issue 15: every list pages).
@Controller('shapes')
class ShapesController {
  static answer: unknown;

  @Get('list')
  @AggregateEndpoint({ summary: 'A list', noClientData: 'test', answer: 'page' })
  list(@PageQuery() _page: PageRequest) {
    return ShapesController.answer;
  }

  @Get('one')
  @AggregateEndpoint({ summary: 'One thing', noClientData: 'test', answer: 'one' })
  one() {
    return ShapesController.answer;
  }
}

@Module({ controllers: [ShapesController] })
class ShapesModule {}

describe('the answer of a read is the shape it declares', () => {
  let gateway: NestFastifyApplication;
  let auth: Record<string, string>;

  beforeAll(async () => {
    gateway = await createGatewayApp({
      config: testGatewayConfig(isolatedTestEnv({ RATE_LIMIT_PER_MINUTE: '100000' })),
      logger: false,
      extraImports: [ShapesModule],
    });
    await gateway.init();
    await gateway.getHttpAdapter().getInstance().ready();
    auth = await demoAuthHeader(gateway);
  });

  afterAll(async () => {
    await gateway?.close();
  });

  const get = (url: string, answer: unknown) => {
    ShapesController.answer = answer;
    return gateway.getHttpAdapter().getInstance().inject({ method: 'GET', url, headers: auth });
  };

  it('should answer a page when a list route answers one', async () => {
    const response = await get('/api/v1/shapes/list?limit=2', { items: [1, 2], nextCursor: 'x' });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ items: [1, 2], nextCursor: 'x' });
  });

  it('should answer 500 without the rows when a list route answers an unpaged array', async () => {
    const response = await get('/api/v1/shapes/list', [{ secret: 'row-1' }, { secret: 'row-2' }]);

    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ type: 'urn:polku:problem:internal' });
    expect(response.body).not.toContain('row-1');
  });

  it('should answer 500 when a list route answers items without a cursor', async () => {
    const response = await get('/api/v1/shapes/list', { items: [{ secret: 'row-1' }] });

    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('row-1');
  });

  it('should answer 500 when a single-resource route answers a top-level array', async () => {
    const response = await get('/api/v1/shapes/one', [{ secret: 'row-1' }]);

    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('row-1');
  });

  it('should answer one resource holding arrays when a single-resource route answers it', async () => {
    const response = await get('/api/v1/shapes/one', { parties: [{ orgId: 'a' }] });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ parties: [{ orgId: 'a' }] });
  });
});
