import type { ArgumentMetadata } from '@nestjs/common';
import * as contracts from '@polku/contracts';
import { sampleFromSchema, type OpenApiSchema } from '@polku/testing';
import { createValidationPipe } from '../http/validation-problem';
import { renderOpenApiJson } from './export-openapi';
import { SCHEMA_REF_PREFIX } from './openapi-names';

// The quick half of the proof that docs/openapi.json describes what validation accepts: every
// request body built from the document alone passes the gateway's own validation pipe. The
// whole proof, through the services, is e2e/system/src/openapi-requests.e2e-spec.ts.

interface Document {
  paths: Record<
    string,
    Record<string, { requestBody?: { content: Record<string, { schema: OpenApiSchema }> } }>
  >;
  components: { schemas: Record<string, OpenApiSchema> };
}

// Optional fields a cross-field rule allows only beside certain values of others; a body with
// every optional field and each enum at its first value breaks these rules by construction.
const CONDITIONAL_FIELDS: Record<string, string[]> = {
  // Only with statusNow CHANGED (IsRequiredOnlyWhen); the first statusNow is SAME.
  CompleteFollowUpCommand: ['destination'],
  // Only with venue ORGANISATION_PREMISES; the documented venue is REMOTE.
  ScheduleMeetingCommand: ['venueOrgId'],
  // Only with visibility NAMED_ORGANISATIONS; the first visibility is WRITER_ORGANISATION.
  RecordClientVoiceCommand: ['visibleToOrgIds'],
  RecordMeetingHeldCommand: ['clientView.visibleToOrgIds'],
  // Only with frequency IMMEDIATE or DAILY (IsRequiredOnlyWhen); the documented frequency is NONE.
  SetNotificationSettingsCommand: ['email'],
};

/** Deletes a field by its dotted path, e.g. `clientView.visibleToOrgIds`. */
function deleteAt(body: Record<string, unknown>, dotted: string): void {
  const keys = dotted.split('.');
  const parent = keys
    .slice(0, -1)
    .reduce<Record<string, unknown> | undefined>(
      (node, key) => node?.[key] as Record<string, unknown> | undefined,
      body,
    );
  if (parent !== undefined) {
    delete parent[keys[keys.length - 1]];
  }
}

async function bodies(): Promise<{ operation: string; name: string; schema: OpenApiSchema }[]> {
  const document = JSON.parse(await renderOpenApiJson()) as Document;
  schemas = document.components.schemas;
  return Object.entries(document.paths).flatMap(([route, item]) =>
    Object.entries(item).flatMap(([method, operation]) => {
      const schema = operation.requestBody?.content['application/json']?.schema;
      return schema === undefined
        ? []
        : [
            {
              operation: `${method.toUpperCase()} ${route}`,
              name: String(schema.$ref).slice(SCHEMA_REF_PREFIX.length),
              schema,
            },
          ];
    }),
  );
}

let schemas: Record<string, OpenApiSchema> = {};

async function validated(name: string, body: unknown): Promise<string> {
  const metatype = (contracts as Record<string, unknown>)[name] as ArgumentMetadata['metatype'];
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype });
    return 'accepted';
  } catch (error) {
    return JSON.stringify(
      (error as { getResponse?: () => unknown }).getResponse?.() ?? String(error),
    );
  }
}

describe('request bodies built from the OpenAPI document', () => {
  it('should pass the gateway’s validation with the required fields only', async () => {
    const found = await bodies();
    expect(found.length).toBeGreaterThan(20);
    const answers = await Promise.all(
      found.map(async ({ operation, name, schema }) => [
        operation,
        await validated(name, sampleFromSchema(schema, { schemas })),
      ]),
    );
    expect(answers).toEqual(found.map(({ operation }) => [operation, 'accepted']));
  });

  it('should pass the gateway’s validation with every optional field too', async () => {
    const found = await bodies();
    const answers = await Promise.all(
      found.map(async ({ operation, name, schema }) => {
        const body = sampleFromSchema(schema, { schemas, optionalProperties: 'all' }) as Record<
          string,
          unknown
        >;
        for (const field of CONDITIONAL_FIELDS[name] ?? []) {
          deleteAt(body, field);
        }
        return [operation, await validated(name, body)];
      }),
    );
    expect(answers).toEqual(found.map(({ operation }) => [operation, 'accepted']));
  });
});
