import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';

/** What a read declared it answers (AnswerShape of the endpoint kinds). */
export type DeclaredAnswer = 'page' | 'one';

/**
 * A read answered otherwise than it declared: a wiring bug between the gateway and a service
 * (an unpaged array, a page where one resource belongs). Never the caller's fault, so the
 * problem details filter logs it and answers 500 without the body.
 */
export class AnswerShapeError extends Error {
  constructor(route: string, problem: string) {
    super(`${route}: ${problem}`);
    this.name = 'AnswerShapeError';
  }
}

/** Why `body` is not what a route declaring `declared` may answer; undefined when it is. */
export function answerShapeProblem(declared: DeclaredAnswer, body: unknown): string | undefined {
  if (declared === 'one') {
    return Array.isArray(body) ? "declares answer 'one' but answered a top-level array" : undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return "declares answer 'page' but did not answer a page object";
  }
  const { items, nextCursor } = body as { items?: unknown; nextCursor?: unknown };
  if (!Array.isArray(items)) {
    return "declares answer 'page' but its answer has no items array";
  }
  if (typeof nextCursor !== 'string' && nextCursor !== null) {
    return "declares answer 'page' but its answer has no nextCursor (a string, or null)";
  }
  return undefined;
}

/**
 * Checks every answer of a read against its declared shape before it leaves (and before it is
 * audited): a list answers one page (`items`, `nextCursor`) so no list is ever answered whole,
 * and a single resource is never a bare array. Applied by `answerShape()` on each read.
 */
export class AnswerShapeInterceptor implements NestInterceptor {
  constructor(private readonly declared: DeclaredAnswer) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: unknown) => {
        const problem = answerShapeProblem(this.declared, body);
        if (problem !== undefined) {
          const request = context.switchToHttp().getRequest<FastifyRequest>();
          const route = `${request.method} ${request.routeOptions?.url ?? request.url}`;
          throw new AnswerShapeError(route, problem);
        }
        return body;
      }),
    );
  }
}
