import {
  type CallHandler,
  createParamDecorator,
  type ExecutionContext,
  HttpStatus,
  Injectable,
  type NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import {
  type CursorPosition,
  decodeCursor,
  InvalidCursorError,
  MAX_CURSOR_LENGTH,
  type Page,
} from '@polku/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Observable, tap } from 'rxjs';
import { PROBLEM_TYPES } from '../../problem/problem-details';
import { ProblemException } from '../../problem/problem.exception';
import { validationProblem } from '../validation-problem';
import { PAGE_LIMITS, PageQueryDto } from './page-query.dto';

/** A list request's page, checked: pass `limit` and `cursor` on to the service. */
export interface PageRequest {
  /** 1..100, 25 when not given. */
  readonly limit: number;
  /** The cursor as the client sent it; the service decodes it again (decodeCursor). */
  readonly cursor?: string;
  /** The decoded cursor; undefined on the first page. */
  readonly after?: CursorPosition;
}

export interface PageQueryOptions {
  /** The ordering's name, when the list has several; see encodeCursor's `sort`. */
  readonly sort?: string;
}

/**
 * Reads `limit` and `cursor` from a query: 400 `urn:polku:problem:validation-failed` for a
 * limit outside 1..100, 400 `urn:polku:problem:invalid-cursor` for a malformed or altered cursor.
 * Other query parameters are left to the route's own DTO (which should extend PageQueryDto).
 */
export function pageRequestOf(
  query: Readonly<Record<string, unknown>>,
  options: PageQueryOptions = {},
): PageRequest {
  const given = Object.fromEntries(
    (['limit', 'cursor'] as const)
      .filter((name) => query[name] !== undefined)
      .map((name) => [name, query[name]]),
  );
  const dto = plainToInstance(PageQueryDto, given);
  const errors = validateSync(dto);
  if (errors.length > 0) {
    throw validationProblem(errors);
  }
  if (dto.cursor === undefined) {
    return { limit: dto.limit };
  }
  try {
    return { limit: dto.limit, cursor: dto.cursor, after: decodeCursor(dto.cursor, options) };
  } catch (error) {
    throw invalidCursorProblem(error);
  }
}

/**
 * The 400 `urn:polku:problem:invalid-cursor` for an InvalidCursorError (a cursor that decodes
 * but names no position of this list, too); any other error unchanged.
 */
export function invalidCursorProblem(error: unknown): unknown {
  if (error instanceof InvalidCursorError) {
    return new ProblemException({
      type: PROBLEM_TYPES.invalidCursor,
      title: 'The cursor is not valid',
      status: HttpStatus.BAD_REQUEST,
      detail: 'Use the nextCursor (or Link rel="next") of a previous page unchanged.',
    });
  }
  return error;
}

/** The `Link` header value pointing at the next page: same path and filters, new cursor. */
export function nextPageLink(requestUrl: string, nextCursor: string, limit: number): string {
  const url = new URL(requestUrl, 'http://gateway.invalid');
  url.searchParams.set('cursor', nextCursor);
  url.searchParams.set('limit', String(limit));
  return `<${url.pathname}${url.search}>; rel="next"`;
}

const pageRequests = new WeakMap<object, PageRequest>();

/** Set on a handler that takes `@PageQuery()`: the route table test reads it. */
export const PAGED_LIST = 'polku:paged-list';

/** Adds `Link: <…?cursor=…&limit=…>; rel="next"` when the answer is a Page with a next page. */
@Injectable()
export class PageLinkInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    return next.handle().pipe(
      tap((body: unknown) => {
        const nextCursor = (body as Partial<Page<unknown>> | null | undefined)?.nextCursor;
        const page = pageRequests.get(request);
        if (typeof nextCursor === 'string' && page !== undefined) {
          void http
            .getResponse<FastifyReply>()
            .header('Link', nextPageLink(request.url, nextCursor, page.limit));
        }
      }),
    );
  }
}

// On the route the parameter belongs to: the Link interceptor and the OpenAPI query parameters.
function decorateListRoute(target: object, key: string | symbol | undefined): void {
  const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
  if (key === undefined || descriptor === undefined) {
    return;
  }
  const decorators: MethodDecorator[] = [
    SetMetadata(PAGED_LIST, true),
    UseInterceptors(PageLinkInterceptor),
    ApiQuery({
      name: 'limit',
      required: false,
      description: `Items per page, ${PAGE_LIMITS.min} to ${PAGE_LIMITS.max}; ${PAGE_LIMITS.default} when not given.`,
      schema: {
        type: 'integer',
        minimum: PAGE_LIMITS.min,
        maximum: PAGE_LIMITS.max,
        default: PAGE_LIMITS.default,
      },
    }),
    ApiQuery({
      name: 'cursor',
      required: false,
      description:
        'The previous page’s nextCursor, unchanged; omit for the first page. The Link rel="next" header carries it too.',
      schema: { type: 'string', maxLength: MAX_CURSOR_LENGTH },
    }),
  ];
  for (const decorate of decorators) {
    decorate(target, key, descriptor);
  }
}

/**
 * Parameter decorator for list routes: the checked page request (see pageRequestOf). It also
 * puts `Link: <…>; rel="next"` on the answer when the handler returns a Page with a nextCursor,
 * and documents `limit` and `cursor` in OpenAPI.
 *
 * ```ts
 * @Get()
 * list(@PageQuery() page: PageRequest, @Req() request: FastifyRequest): Promise<Page<ReferralDto>> {
 *   return this.bus.send(LIST_REFERRALS, { limit: page.limit, cursor: page.cursor }, …);
 * }
 * ```
 */
export const PageQuery = createParamDecorator(
  (options: PageQueryOptions | undefined, context: ExecutionContext): PageRequest => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const page = pageRequestOf((request.query ?? {}) as Record<string, unknown>, options ?? {});
    pageRequests.set(request, page);
    return page;
  },
  [(target, key) => decorateListRoute(target, key)],
);
