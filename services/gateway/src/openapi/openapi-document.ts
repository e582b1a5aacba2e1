import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { POLKU_VERSION } from '@polku/service-runtime';

/** Where Swagger UI is served; the OpenAPI document is at `${OPENAPI_DOCS_PATH}/openapi.json`. */
export const OPENAPI_DOCS_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = `${OPENAPI_DOCS_PATH}/openapi.json`;
/** The security scheme operations name with `@ApiBearerAuth(OPENAPI_BEARER_SCHEME)`. */
export const OPENAPI_BEARER_SCHEME = 'bearer';

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortedKeys);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * The gateway's OpenAPI 3 document, read from its controllers and DTOs. Keys are sorted, so
 * the same code always gives the same document and docs/openapi.json diffs stay meaningful.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('polku gateway API')
    .setDescription(
      'REST API of polku. Resources are under /api/v1; errors are RFC 9457 problem+json ' +
        '(see docs/api.md).',
    )
    .setVersion(POLKU_VERSION)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, OPENAPI_BEARER_SCHEME)
    .build();
  return sortedKeys(SwaggerModule.createDocument(app, config)) as OpenAPIObject;
}

/** The document as committed in docs/openapi.json: two-space JSON with a final newline. */
export function openApiJson(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Serves Swagger UI at /api/docs and the document at /api/docs/openapi.json. */
export function serveOpenApiDocs(app: INestApplication): void {
  SwaggerModule.setup(OPENAPI_DOCS_PATH, app, () => createOpenApiDocument(app), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    raw: ['json'],
    customSiteTitle: 'polku gateway API',
    // No call to the public validator at validator.swagger.io: the docs load nothing off-site.
    swaggerOptions: { validatorUrl: null },
  });
}
