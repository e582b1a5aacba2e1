import { createParamDecorator, type ExecutionContext, HttpStatus } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { PROBLEM_TYPES } from '../../problem/problem-details';
import { ProblemException } from '../../problem/problem.exception';
import { parseIfMatch, STRONG_VERSION_TAG } from './etag';

/**
 * The version the client based its change on, from `If-Match`: 428 problem
 * `urn:polku:problem:precondition-required` when the header is missing, 400
 * `urn:polku:problem:invalid-precondition` when it is not one strong ETag of ours.
 */
export function expectedVersionOf(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '') {
    throw new ProblemException({
      type: PROBLEM_TYPES.preconditionRequired,
      title: 'This change needs an If-Match header',
      status: HttpStatus.PRECONDITION_REQUIRED,
      detail: 'Send If-Match with the ETag of the version you read, so that no change is lost.',
    });
  }
  const parsed = parseIfMatch(header);
  switch (parsed.kind) {
    case 'version':
      return parsed.version;
    case 'invalid':
      throw new ProblemException({
        type: PROBLEM_TYPES.invalidPrecondition,
        title: 'The If-Match header is not valid',
        status: HttpStatus.BAD_REQUEST,
        detail: parsed.reason,
      });
  }
}

// Documents the header and its answers on the route the parameter belongs to.
function documentIfMatch(target: object, key: string | symbol | undefined): void {
  const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
  if (key === undefined || descriptor === undefined) {
    return;
  }
  // In the description, not as responses: a response here would hide the route's own.
  ApiHeader({
    name: 'If-Match',
    required: true,
    description:
      'The ETag of the version you read, e.g. "7". 412 urn:polku:problem:precondition-failed when the resource changed since; 428 urn:polku:problem:precondition-required without it; 400 urn:polku:problem:invalid-precondition when it is not one strong ETag.',
    // The pattern the gateway checks, so that a client building the request from the document
    // sends the one form accepted.
    schema: { type: 'string', pattern: STRONG_VERSION_TAG.source, example: '"7"' },
  })(target, key, descriptor);
}

/**
 * Parameter decorator for update routes: the expected version from `If-Match` (see
 * expectedVersionOf). Pass it to the service, which updates with versionedUpdate from
 * @polku/persistence; a stale version comes back as 412 `urn:polku:problem:precondition-failed`.
 *
 * ```ts
 * @Patch(':id')
 * @ClientDataCommand({ …, ifMatch: true })
 * update(@Param('id') id: string, @IfMatchVersion() expectedVersion: number, @Body() body: …)
 * ```
 */
export const IfMatchVersion = createParamDecorator(
  (_data: unknown, context: ExecutionContext): number =>
    expectedVersionOf(context.switchToHttp().getRequest<FastifyRequest>()),
  [(target, key) => documentIfMatch(target, key)],
);
