import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { POLKU_VERSION } from '@polku/service-runtime';
import { commandSchemas } from './command-schemas';
import {
  OPENAPI_BEARER_SCHEME,
  PROBLEM_SCHEMA_NAME,
  SCHEMA_REF_PREFIX,
  type SchemaObject,
} from './openapi-names';
import { withUuidPathIds } from './path-id-parameters';
import { PROBLEM_DETAILS_SCHEMA } from './problem-details.schema';

export { OPENAPI_BEARER_SCHEME } from './openapi-names';

/** Where Swagger UI is served; the OpenAPI document is at `${OPENAPI_DOCS_PATH}/openapi.json`. */
export const OPENAPI_DOCS_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = `${OPENAPI_DOCS_PATH}/openapi.json`;

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

function referencedNames(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    value.forEach((item) => referencedNames(item, into));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string' && item.startsWith(SCHEMA_REF_PREFIX)) {
        into.add(item.slice(SCHEMA_REF_PREFIX.length));
      } else {
        referencedNames(item, into);
      }
    }
  }
}

/**
 * The schemas the operations use, directly or nested: command bodies from their validation
 * rules (commandSchemas) and problem details, replacing what Swagger read from the classes.
 */
function usedSchemas(document: OpenAPIObject): Record<string, SchemaObject> {
  const available: Record<string, SchemaObject> = {
    ...(document.components?.schemas as Record<string, SchemaObject> | undefined),
    ...commandSchemas(),
    [PROBLEM_SCHEMA_NAME]: PROBLEM_DETAILS_SCHEMA,
  };
  const used = new Set<string>();
  referencedNames(document.paths, used);
  for (let size = 0; size !== used.size;) {
    size = used.size;
    for (const name of [...used]) {
      referencedNames(available[name], used);
    }
  }
  const missing = [...used].filter((name) => available[name] === undefined);
  if (missing.length > 0) {
    throw new Error(`OpenAPI operations reference unknown schemas: ${missing.join(', ')}`);
  }
  return Object.fromEntries([...used].map((name) => [name, available[name] as SchemaObject]));
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
  const document = withUuidPathIds(SwaggerModule.createDocument(app, config));
  const components = {
    ...document.components,
    schemas: usedSchemas(document) as NonNullable<OpenAPIObject['components']>['schemas'],
  };
  return sortedKeys({ ...document, components }) as OpenAPIObject;
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
