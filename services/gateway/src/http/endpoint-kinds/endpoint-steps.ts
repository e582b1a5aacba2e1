import { applyDecorators, HttpCode, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse } from '@nestjs/swagger';
import {
  OPENAPI_BEARER_SCHEME,
  PROBLEM_SCHEMA_REF,
  SCHEMA_REF_PREFIX,
} from '../../openapi/openapi-names';
import { PROBLEM_CONTENT_TYPE } from '../../problem/problem-details';
import { VersionedResource } from '../concurrency/versioned-resource.decorator';
import { IdempotentCommand } from '../idempotency/idempotent-command.decorator';
import { AnswerShapeInterceptor } from '../pagination/answer-shape.interceptor';

/** The metadata key that names an endpoint's kind; every gateway route has exactly one. */
export const ENDPOINT_KIND = 'polku:endpoint-kind';

export type EndpointKind =
  'client-data-read' | 'client-data-list' | 'client-data-command' | 'aggregate' | 'public';

/** The metadata key that says what a read answers: one resource, or one page of a list. */
export const ANSWER_SHAPE = 'polku:answer-shape';

/**
 * What a read answers. `page`: a list, always one page of it (`items`, `nextCursor`), with
 * `limit` (at most 100) and `cursor` taken by `@PageQuery()`; the route table test fails a
 * `page` route without it. `one`: one resource, whatever arrays it holds inside.
 */
export type AnswerShape = 'page' | 'one';

/**
 * Records what a read answers (see AnswerShape), and checks each answer against it: another
 * shape is a wiring bug, answered 500 and logged (AnswerShapeInterceptor).
 */
export function answerShape(shape: AnswerShape): MethodDecorator {
  return applyDecorators(
    SetMetadata(ANSWER_SHAPE, shape),
    UseInterceptors(new AnswerShapeInterceptor(shape)),
  );
}

/** What the OpenAPI document says about an endpoint. */
export interface EndpointDocs {
  /** One line, shown in the list of operations. */
  readonly summary: string;
  /** Who may call it and what it does beyond the summary. */
  readonly description?: string;
}

/** A command's body: a command class of @polku/contracts, or `'none'` for a command without. */
export type CommandBody = (abstract new () => object) | 'none';

/** How a command is made safe to send again, as the endpoint has it (docs/api.md). */
export interface CommandSteps {
  readonly body: CommandBody;
  /**
   * The success status: 201 when the command creates a resource, 204 when it answers nothing
   * (the caller's own markers), else 200.
   */
  readonly status: 200 | 201 | 204;
  /** Needs `Idempotency-Key`; a retry replays the first answer. */
  readonly idempotent: boolean;
  /**
   * Needs `If-Match` with the ETag the caller read; take the version with `@IfMatchVersion()`.
   * Implies `versioned`.
   */
  readonly ifMatch?: boolean;
  /** The answer is one versioned resource: it gets an ETag (see VersionedResource). */
  readonly versioned?: boolean;
}

function problem(status: number, description: string): MethodDecorator {
  return ApiResponse({
    status,
    description,
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: PROBLEM_SCHEMA_REF } } },
  });
}

/** Documents the problem+json answers an endpoint can give, by status. */
export function ProblemResponses(responses: Readonly<Record<number, string>>): MethodDecorator {
  return applyDecorators(
    ...Object.entries(responses).map(([status, description]) =>
      problem(Number(status), description),
    ),
  );
}

/** Marks the kind and documents the operation. */
export function kindAndDocs(kind: EndpointKind, docs: EndpointDocs): MethodDecorator {
  return applyDecorators(
    SetMetadata(ENDPOINT_KIND, kind),
    ApiOperation(
      docs.description === undefined
        ? { summary: docs.summary }
        : { summary: docs.summary, description: docs.description },
    ),
  );
}

/** Needs a verified bearer token (the global AuthenticationGuard) and is rate limited per user. */
export function authenticated(): MethodDecorator {
  return applyDecorators(
    ApiBearerAuth(OPENAPI_BEARER_SCHEME),
    ProblemResponses({
      401: 'urn:polku:problem:unauthenticated: no valid bearer token.',
      429: 'urn:polku:problem:rate-limited: too many requests from this user (Retry-After).',
    }),
  );
}

/** The steps of a command: its body, status, retry safety and their answers. */
export function commandSteps(steps: CommandSteps): MethodDecorator {
  const decorators: MethodDecorator[] = [
    HttpCode(steps.status),
    ApiResponse({ status: steps.status, description: 'Done.' }),
    ProblemResponses({
      400: 'urn:polku:problem:validation-failed: the body or a parameter breaks the rules.',
      409: 'urn:polku:problem:conflict: the resource’s state does not allow it.',
      422: 'urn:polku:problem:rule-violated: a rule of the service refused it.',
    }),
  ];
  if (steps.body !== 'none') {
    decorators.push(
      ApiBody({ required: true, schema: { $ref: `${SCHEMA_REF_PREFIX}${steps.body.name}` } }),
    );
  }
  if (steps.idempotent) {
    decorators.push(IdempotentCommand());
  }
  if (steps.ifMatch === true || steps.versioned === true) {
    decorators.push(VersionedResource());
  }
  if (steps.ifMatch === true) {
    decorators.push(
      ProblemResponses({
        412: 'urn:polku:problem:precondition-failed: the resource changed since the ETag.',
        428: 'urn:polku:problem:precondition-required: If-Match is missing.',
      }),
    );
  }
  return applyDecorators(...decorators);
}
