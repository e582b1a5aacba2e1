import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sampleFromSchema, schemaViolations, type OpenApiSchema } from '@polku/testing';
import { streamEvents } from './support/event-stream';
import { gatewayClient } from './support/gateway-client';
import { openSseStream } from './support/sse-client';
import { fixtureWorld } from './support/openapi-operation-fixtures';
import { OPERATION_FIXTURES } from './support/openapi-operations';
import { startServiceProcesses, type ServiceProcesses } from './support/service-processes';

// Issue 16 item 5: every operation of the published OpenAPI document, called with a request
// built from the document alone (body, query and headers from their schemas: examples where
// given, else values of the schema's type within its limits), through the real gateway and
// services, must pass validation. Only what names the world (ids of prepared things, the ETag
// read just before) comes from the test, and each of those must fit its schema too. A schema
// that asks for less than validation (a required field missing, a format it does not name)
// makes its operation answer 400 or 422 here.

// Every service, so that the probes and the system health answer 200.
const SERVICES = [
  'gateway',
  'client-intake',
  'activation-plans',
  'network-meetings',
  'transitions',
  'dashboards',
  'work-queue',
] as const;
const documentPath = resolve(__dirname, '../../../docs/openapi.json');
const document = JSON.parse(readFileSync(documentPath, 'utf8')) as OpenApiDocument;
const schemas = document.components.schemas;

interface Parameter {
  readonly in: 'path' | 'query' | 'header';
  readonly name: string;
  readonly required?: boolean;
  readonly schema: OpenApiSchema;
}

interface Operation {
  readonly parameters?: Parameter[];
  readonly responses?: Record<string, { content?: Record<string, unknown> }>;
  readonly requestBody?: { content: Record<string, { schema: OpenApiSchema }>; required?: boolean };
}

interface OpenApiDocument {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { schemas: Record<string, OpenApiSchema> };
}

const OPERATIONS = Object.entries(document.paths).flatMap(([route, item]) =>
  Object.entries(item).map(([method, operation]) => ({
    key: `${method.toUpperCase()} ${route}`,
    method: method.toUpperCase() as 'GET' | 'POST' | 'PUT',
    route,
    operation,
  })),
);

let system: ServiceProcesses;
const { api, tokenOf } = gatewayClient(() => system.baseUrl);
const world = fixtureWorld(
  api,
  () => streamEvents(system.env),
  'Rajapinta',
  (name) =>
    sampleFromSchema({ $ref: `#/components/schemas/${name}` }, { schemas }) as Record<
      string,
      unknown
    >,
  () => system.env,
);

beforeAll(async () => {
  system = await startServiceProcesses(SERVICES);
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

/** A value of the parameter's schema, or the one the test took from the world, checked. */
function parameterValue(parameter: Parameter, fromWorld: string | undefined): string {
  const value = fromWorld ?? sampleFromSchema(parameter.schema, { schemas });
  const broken = schemaViolations(value, parameter.schema, schemas, parameter.name);
  if (broken.length > 0) {
    throw new Error(
      `the document does not allow ${parameter.in} ${String(value)}: ${broken.join('; ')}`,
    );
  }
  return String(value);
}

function setAt(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  let node: Record<string, unknown> = target;
  for (const key of keys.slice(0, -1)) {
    if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') {
      throw new Error(`the document's body has no ${dotted}`);
    }
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

it('should test the document the running gateway serves', async () => {
  const served = await fetch(`${system.baseUrl}/api/docs/openapi.json`);
  // docs:check keeps the committed copy equal to the code's; this keeps the system's equal too.
  expect(await served.json()).toEqual(document);
});

describe.each(OPERATIONS)('$key', ({ key, method, route, operation }) => {
  it('should accept a request built from the document', async () => {
    const fixture = OPERATION_FIXTURES[key];
    if (fixture === undefined) {
      throw new Error(
        `${key} has no entry in e2e/system/src/support/openapi-operations.ts: add the user who may call it and how to prepare its state`,
      );
    }
    const prepared = (await fixture.prepare?.(world)) ?? {};
    const parameters = operation.parameters ?? [];

    let url = route;
    const query = new URLSearchParams();
    const headers: Record<string, string> = {};
    for (const parameter of parameters) {
      if (parameter.in === 'path') {
        const value = parameterValue(parameter, prepared.params?.[parameter.name]);
        url = url.replace(`{${parameter.name}}`, encodeURIComponent(value));
      } else if (parameter.in === 'query') {
        // Optional query parameters only where the document gives a value (limit's default).
        const schema = parameter.schema;
        if (parameter.required || schema.example !== undefined || schema.default !== undefined) {
          query.set(parameter.name, parameterValue(parameter, undefined));
        }
      } else if (parameter.required) {
        const fromWorld = parameter.name === 'If-Match' ? prepared.ifMatch : undefined;
        headers[parameter.name.toLowerCase()] = parameterValue(parameter, fromWorld);
      }
    }
    const unused = Object.keys(prepared.params ?? {}).filter(
      (name) => !route.includes(`{${name}}`),
    );
    expect(unused).toEqual([]);

    const bodySchema = operation.requestBody?.content['application/json']?.schema;
    let body: Record<string, unknown> | undefined;
    if (bodySchema !== undefined) {
      body = sampleFromSchema(bodySchema, { schemas }) as Record<string, unknown>;
      for (const [dotted, value] of Object.entries(prepared.references ?? {})) {
        setAt(body, dotted, value);
      }
      expect(schemaViolations(body, bodySchema, schemas)).toEqual([]);
    }

    const path = `${url}${query.size > 0 ? `?${query}` : ''}`;
    const stream = operation.responses?.['200']?.content?.['text/event-stream'] !== undefined;
    const answer = stream
      ? await openAsDocumented(path, fixture.as, headers)
      : await callAsDocumented(method, path, fixture.as, body, headers);

    // The status with the problem, so that a failure says which rule refused what.
    const verdict = `${answer.status} ${JSON.stringify(answer.body?.type ? answer.body : {})}`;
    // 400 and 422 mean the document described a request that validation refuses.
    expect(verdict).not.toMatch(/^(400|422) /);
    if (fixture.answers === undefined) {
      expect(verdict).toMatch(/^2\d\d /);
    } else {
      expect(verdict).toMatch(new RegExp(`^${fixture.answers.status} `));
    }
  });
});

/**
 * A server-sent event stream opened as built: its status and, for a refusal, its problem; an
 * opened stream is closed at once (it never ends by itself).
 */
async function openAsDocumented(path: string, as: string, headers: Record<string, string>) {
  const stream = await openSseStream(`${system.baseUrl}${path}`, {
    authorization: `Bearer ${await tokenOf(as)}`,
    ...headers,
  });
  stream.close();
  return { status: stream.status, headers: stream.headers, body: stream.problem };
}

/**
 * The request exactly as built: outside /api/v1 (the probes) without the prefix the API client
 * adds, and with the document's headers only (the client's own Idempotency-Key is replaced).
 */
async function callAsDocumented(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  as: string,
  body: object | undefined,
  headers: Record<string, string>,
) {
  if (path.startsWith('/api/v1/')) {
    return api(method, path.slice('/api/v1'.length), as, body, headers);
  }
  const response = await fetch(`${system.baseUrl}${path}`, { method, headers });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : null,
  };
}
