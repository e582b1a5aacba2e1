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
