import { POLKU_VERSION } from '@polku/service-runtime';
import type { OpenAPIObject } from '@nestjs/swagger';
import { renderOpenApiJson } from './export-openapi';

describe('renderOpenApiJson', () => {
  it('should give the same text every time when the code is unchanged', async () => {
    const first = await renderOpenApiJson();
    const second = await renderOpenApiJson();

    expect(second).toBe(first);
    expect(first.endsWith('}\n')).toBe(true);
  });

  it('should describe the gateway with a bearer scheme when built without any server', async () => {
    const document = JSON.parse(await renderOpenApiJson()) as OpenAPIObject;

    expect(document.openapi).toMatch(/^3\./);
    expect(document.info).toMatchObject({ title: 'polku gateway API', version: POLKU_VERSION });
    expect(document.components?.securitySchemes?.bearer).toEqual({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/health', '/health/live']),
    );
    // The demo issuer exists only outside production; the published document is production's.
    expect(Object.keys(document.paths).some((path) => path.includes('dev-auth'))).toBe(false);
  });

  it('should sort every object key so that the committed file diffs cleanly', async () => {
    const keysInOrder = (value: unknown): boolean =>
      Array.isArray(value)
        ? value.every(keysInOrder)
        : value !== null && typeof value === 'object'
          ? Object.keys(value).join('\0') === Object.keys(value).sort().join('\0') &&
            Object.values(value).every(keysInOrder)
          : true;

    expect(keysInOrder(JSON.parse(await renderOpenApiJson()))).toBe(true);
  });
});

describe('request parameters in the document', () => {
  it('should name every id path parameter a uuid, as PathIdGuard checks it on every route', async () => {
    const document = JSON.parse(await renderOpenApiJson()) as OpenAPIObject;
    const idParameters = Object.values(document.paths)
      .flatMap(
        (item) =>
          Object.values(item) as { parameters?: { in: string; name: string; schema: object }[] }[],
      )
      .flatMap((operation) => operation.parameters ?? [])
      .filter((parameter) => parameter.in === 'path' && parameter.name.endsWith('Id'));

    expect(idParameters.length).toBeGreaterThan(10);
    expect(
      idParameters.filter(
        (parameter) => (parameter.schema as { format?: string }).format !== 'uuid',
      ),
    ).toEqual([]);
  });

  it('should give If-Match and Idempotency-Key the forms the gateway accepts', async () => {
    const document = JSON.parse(await renderOpenApiJson()) as OpenAPIObject;
    const headers = Object.values(document.paths)
      .flatMap(
        (item) =>
          Object.values(item) as {
            parameters?: { in: string; name: string; schema: { pattern?: string } }[];
          }[],
      )
      .flatMap((operation) => operation.parameters ?? [])
      .filter((parameter) => parameter.in === 'header');
    const patternOf = (name: string) => [
      ...new Set(
        headers.filter((header) => header.name === name).map((header) => header.schema.pattern),
      ),
    ];

    expect(patternOf('If-Match')).toEqual(['^"(0|[1-9][0-9]{0,15})"$']);
    expect(patternOf('Idempotency-Key')).toEqual(['^[\\x21-\\x7e]{1,255}$']);
  });
});
