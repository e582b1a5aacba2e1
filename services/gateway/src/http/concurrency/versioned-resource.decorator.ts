import {
  applyDecorators,
  type ArgumentsHost,
  type CallHandler,
  Catch,
  type ExceptionFilter,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  type NestInterceptor,
  SetMetadata,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { etagOf, ifNoneMatchMatches } from './etag';

/** Finds the version in a handler's answer; undefined when it has none (no ETag then). */
export type VersionOf = (body: unknown) => number | undefined;

const VERSION_OF = 'polku:version-of';

/** The default: a non-negative integer `version` field of the answer. */
export const versionField: VersionOf = (body) => {
  const version = (body as { version?: unknown } | null | undefined)?.version;
  return typeof version === 'number' && Number.isSafeInteger(version) && version >= 0
    ? version
    : undefined;
};

/**
 * Thrown to answer 304 instead of the body; NotModifiedFilter sends it. An HttpException, so
 * that interceptors that record the status (audit) see 304.
 */
export class NotModified extends HttpException {
  constructor(readonly etag: string) {
    super('Not Modified', HttpStatus.NOT_MODIFIED);
  }
}

/**
 * Nest answers a handler's result with the route's status, so a 304 has to leave through a
 * filter. Scoped to the routes of @VersionedResource(); catches nothing else.
 */
@Catch(NotModified)
export class NotModifiedFilter implements ExceptionFilter<NotModified> {
  catch(signal: NotModified, host: ArgumentsHost): void {
    void host
      .switchToHttp()
      .getResponse<FastifyReply>()
      .status(HttpStatus.NOT_MODIFIED)
      .header('ETag', signal.etag)
      .send();
  }
}

/** Sets ETag from the answer's version; answers a GET whose If-None-Match matches with 304. */
@Injectable()
export class ETagInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const versionOf =
      this.reflector.get<VersionOf | undefined>(VERSION_OF, context.getHandler()) ?? versionField;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        const version = versionOf(body);
        if (version === undefined) {
          return body;
        }
        const etag = etagOf(version);
        void reply.header('ETag', etag);
        const ifNoneMatch = request.headers['if-none-match'];
        const isRead = request.method === 'GET' || request.method === 'HEAD';
        if (isRead && ifNoneMatch !== undefined && ifNoneMatchMatches(ifNoneMatch, etag)) {
          throw new NotModified(etag);
        }
        return body;
      }),
    );
  }
}

/**
 * For routes answering one versioned resource (GET, PATCH, PUT, or a POST that creates one):
 * sets the strong `ETag` from its version (`"7"`), and answers a GET whose `If-None-Match`
 * holds that ETag with 304 and no body. The version is the answer's `version` field unless
 * `versionOf` says otherwise.
 */
export function VersionedResource(options: { versionOf?: VersionOf } = {}): MethodDecorator {
  return applyDecorators(
    SetMetadata(VERSION_OF, options.versionOf ?? versionField),
    UseInterceptors(ETagInterceptor),
    UseFilters(NotModifiedFilter),
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'On GET: the ETag you hold; answered 304 without a body while it is current.',
    }),
  );
}
