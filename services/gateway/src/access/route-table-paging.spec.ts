import { Controller, Get, Module } from '@nestjs/common';
import { GatewayConfig, loadConfig } from '@polku/config';
import { createGatewayApp } from '../create-gateway-app';
import { AggregateEndpoint } from '../http/endpoint-kinds';
import { PAGE_LIMITS } from '../http/pagination/page-query.dto';
import { PageQuery, type PageRequest } from '../http/pagination/page-query.decorator';
import { gatewayRouteTable, type GatewayRoute } from './route-table';

// Preview mode builds the module graph only: the servers are unreachable on purpose.
const PREVIEW_ENV = {
  NODE_ENV: 'test',
  DATABASE_URL: 'postgres://route-table@127.0.0.1:1/none',
  DATABASE_CONNECT_RETRIES: '0',
  NATS_URL: 'nats://127.0.0.1:1',
  // The demo issuer's routes are part of the table to check (it is never on by default).
  POLKU_DEMO: 'true',
};

/**
 * What is wrong with the paging of the routes: every authenticated GET says whether it answers
 * one resource or a page of a list, and a list takes `limit` (at most 100) and `cursor`.
 * Public routes (health, the demo issuer's keys) answer fixed documents, not lists.
 */
function pagingViolations(routes: readonly GatewayRoute[]): string[] {
  return routes
    .filter((route) => route.method === 'GET' && !route.public)
    .flatMap((route) => {
      const name = `${route.method} ${route.url} (${route.controller}.${route.handler})`;
      if (route.answer === undefined) {
        return [`${name}: declares no answer ('page' or 'one')`];
      }
      if (route.answer === 'page' && !route.paged) {
        return [`${name}: answers a list but takes no @PageQuery() (limit, cursor)`];
      }
      if (route.answer !== 'page' && route.paged) {
        return [`${name}: takes @PageQuery() but declares answer 'one'`];
      }
      return [];
    });
}

async function routesOf(
  extraImports: NonNullable<Parameters<typeof createGatewayApp>[0]['extraImports']> = [],
) {
  const app = await createGatewayApp({
    config: loadConfig(GatewayConfig, PREVIEW_ENV),
    logger: false,
    preview: true,
    extraImports,
  });
  try {
    return gatewayRouteTable(app);
  } finally {
    await app.close();
  }
}

@Controller('forgotten')
class ForgetfulController {
  @Get('list')
  @AggregateEndpoint({ summary: 'A list without paging', noClientData: 'test', answer: 'page' })
  list() {
    return { items: [], nextCursor: null };
  }

  @Get('paged')
  @AggregateEndpoint({ summary: 'A list with paging', noClientData: 'test', answer: 'page' })
  paged(@PageQuery() page: PageRequest) {
    return { items: [], nextCursor: null, limit: page.limit };
  }
}

@Module({ controllers: [ForgetfulController] })
class ForgetfulModule {}

describe('paging of every list in the route table', () => {
  it('should page every GET of the gateway that answers a list, with a maximum page size of 100', async () => {
    const routes = await routesOf();

    expect(pagingViolations(routes)).toEqual([]);
    expect(routes.filter((route) => route.answer === 'page').length).toBeGreaterThanOrEqual(5);
    expect(PAGE_LIMITS.max).toBe(100);
  });

  it('should fail the check for a list route that forgets @PageQuery() when one is added', async () => {
    const routes = await routesOf([ForgetfulModule]);

    expect(pagingViolations(routes)).toEqual([
      'GET /api/v1/forgotten/list (ForgetfulController.list): answers a list but takes no @PageQuery() (limit, cursor)',
    ]);
  });
});
