import type { SchemaObject } from './openapi-names';

/** RFC 9457 problem details as the gateway answers every error (see ProblemDetails). */
export const PROBLEM_DETAILS_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: {
      type: 'string',
      description: 'Stable identifier of the kind of problem; switch on this, not on `title`.',
      example: 'urn:polku:problem:validation-failed',
    },
    title: { type: 'string', description: 'A short summary of the kind of problem.' },
    status: { type: 'integer', description: 'The HTTP status.' },
    detail: { type: 'string', description: 'What went wrong in this request.' },
    instance: {
      type: 'string',
      description: 'The request this answers, also in the `x-request-id` response header.',
    },
  },
  additionalProperties: true,
};
