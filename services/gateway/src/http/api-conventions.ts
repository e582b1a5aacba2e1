import helmet from '@fastify/helmet';
import { RequestMethod } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { OPENAPI_DOCS_PATH, serveOpenApiDocs } from '../openapi/openapi-document';
import { API_SECURITY_HEADERS, DOCS_CONTENT_SECURITY_POLICY } from './security-headers';
import { useJsonBodyParser } from './json-body/json-body-parser';
import { createValidationPipe } from './validation-problem';

/** Every resource lives under this prefix; only the probes and the docs are outside it. */
export const API_PREFIX = 'api/v1';
const OUTSIDE_API_PREFIX = [
  { path: 'health', method: RequestMethod.ALL },
  { path: 'health/live', method: RequestMethod.ALL },
];

/**
 * The HTTP conventions of the gateway's API (docs/api.md), applied to the application before
 * it is initialised: URL prefix, DTO validation, JSON-only bodies, security headers and the
 * OpenAPI docs. The rate limit is a guard, in ApiConventionsModule; the body size limit is a
 * FastifyAdapter option.
 */
export async function applyApiConventions(app: NestFastifyApplication): Promise<void> {
  app.setGlobalPrefix(API_PREFIX, { exclude: OUTSIDE_API_PREFIX });
  app.useGlobalPipes(createValidationPipe());

  const fastify = app.getHttpAdapter().getInstance();
  // Bodies are JSON or nothing: anything else is 415. (Nest's body parsers, which would add
  // urlencoded, are off in createGatewayApp; Fastify's JSON parser applies the body limit.)
  fastify.removeContentTypeParser('text/plain');
  // Our JSON parser: bounded depth, members and strings; prototype keys explained (docs/api.md).
  useJsonBodyParser(fastify);

  // Routes under /api/docs get the docs' policy instead of the API's. Set on the route config,
  // where @fastify/helmet reads it per request, so the order of hooks does not matter.
  const docsPrefix = `/${OPENAPI_DOCS_PATH}`;
  fastify.addHook('onRoute', (route) => {
    if (route.url === docsPrefix || route.url.startsWith(`${docsPrefix}/`)) {
      route.config = {
        ...route.config,
        helmet: { contentSecurityPolicy: DOCS_CONTENT_SECURITY_POLICY },
      } as typeof route.config;
    }
  });
  await app.register(helmet, API_SECURITY_HEADERS);
  serveOpenApiDocs(app);
}
