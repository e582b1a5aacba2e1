import type { OpenAPIObject } from '@nestjs/swagger';
import { isIdParam } from '../http/path-ids/path-id.guard';

/**
 * Every id path parameter (`pathId`, `measureId`…) as a uuid, as PathIdGuard checks it on every
 * route before anything else: Swagger reads only `string` from `@Param()`, and a client that
 * sent any string would be refused with 400.
 */
export function withUuidPathIds(document: OpenAPIObject): OpenAPIObject {
  const paths = Object.fromEntries(
    Object.entries(document.paths).map(([route, item]) => [
      route,
      Object.fromEntries(
        Object.entries(item).map(([method, operation]) => [
          method,
          isOperation(operation)
            ? { ...operation, parameters: operation.parameters?.map(uuidIfId) }
            : operation,
        ]),
      ),
    ]),
  );
  return { ...document, paths };
}

interface Parameter {
  readonly in?: string;
  readonly name?: string;
  readonly schema?: object;
}

function isOperation(value: unknown): value is { parameters?: Parameter[] } {
  return value !== null && typeof value === 'object' && 'responses' in value;
}

function uuidIfId(parameter: Parameter): Parameter {
  return parameter.in === 'path' && parameter.name !== undefined && isIdParam(parameter.name)
    ? { ...parameter, schema: { ...parameter.schema, type: 'string', format: 'uuid' } }
    : parameter;
}
