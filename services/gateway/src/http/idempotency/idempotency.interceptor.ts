import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { GatewayConfig } from '@polku/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { concatMap, from, Observable, of } from 'rxjs';
import { principalOf } from '../../auth/principal-of-request';
import { PROBLEM_TYPES } from '../../problem/problem-details';
import { ProblemException } from '../../problem/problem.exception';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_REPLAYED_HEADER,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  parseIdempotencyKey,
  requestFingerprint,
} from './idempotency-key';
import {
  type IdempotencyClaim,
  type IdempotencyScope,
  IdempotencyStore,
  type StoredResponse,
} from './idempotency.store';

/** The scope of a caller without a principal (a public command). */
export const ANONYMOUS_SCOPE = 'anonymous';

// The answer headers a replay repeats: where the created resource is, and its version.
const REPLAYED_HEADERS = ['location', 'etag'] as const;

/** Seconds a client should wait before retrying while the first request still runs. */
const IN_PROGRESS_RETRY_AFTER_SECONDS = 1;

/**
 * The Idempotency-Key header of a command (draft-ietf-httpapi-idempotency-key-header): the first
 * request with a key runs the handler and its answer is stored; a retry with the same key and
 * request gets that answer again with `Idempotency-Replayed: true`, and the handler never runs
 * twice. Only successful answers are kept: a handler that fails (a 4xx, a 5xx, a service timeout)
 * leaves no record, so the client may retry. Use through @IdempotentCommand().
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);

  private readonly fingerprintKey: Buffer;

  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
    config: GatewayConfig,
  ) {
    this.fingerprintKey = config.fingerprintKey();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const scope = this.scopeOf(request);
    const fingerprint = requestFingerprint(
      { url: request.url, body: request.body },
      this.fingerprintKey,
    );

    const outcome = await this.store.claim(scope, fingerprint);
    switch (outcome.kind) {
      case 'replay':
        return of(this.replay(reply, outcome.response));
      case 'in-progress':
        // Headers set on the reply survive the problem details filter.
        void reply.header('Retry-After', String(IN_PROGRESS_RETRY_AFTER_SECONDS));
        throw new ProblemException({
          type: PROBLEM_TYPES.idempotencyInProgress,
          title: 'A request with this Idempotency-Key is still in progress',
          status: HttpStatus.CONFLICT,
          detail: 'Retry after it has finished to get its answer.',
        });
      case 'reused':
        throw new ProblemException({
          type: PROBLEM_TYPES.idempotencyKeyReused,
          title: 'This Idempotency-Key was used for another request',
          status: HttpStatus.UNPROCESSABLE_ENTITY,
          detail: 'Use a new key for a new request; a retry must repeat the same path and body.',
        });
      case 'claimed':
        return this.runOnce(context, next, outcome);
    }
  }

  private scopeOf(request: FastifyRequest): IdempotencyScope {
    const parsed = parseIdempotencyKey(request.headers['idempotency-key']);
    switch (parsed.kind) {
      case 'missing':
        throw new ProblemException({
          type: PROBLEM_TYPES.idempotencyKeyMissing,
          title: 'This command needs an Idempotency-Key header',
          status: HttpStatus.BAD_REQUEST,
          detail: `Send ${IDEMPOTENCY_KEY_HEADER}: a new unique value (a UUID) per command, the same value on every retry of it.`,
        });
      case 'invalid':
        throw new ProblemException({
          type: PROBLEM_TYPES.idempotencyKeyInvalid,
          title: 'The Idempotency-Key header is not valid',
          status: HttpStatus.BAD_REQUEST,
          detail: `${IDEMPOTENCY_KEY_HEADER} must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} visible ASCII characters, e.g. a UUID.`,
        });
      case 'key': {
        const userId = principalOf(request)?.userId;
        return {
          scope: userId === undefined ? ANONYMOUS_SCOPE : `user:${userId}`,
          method: request.method,
          route: request.routeOptions.url ?? request.url,
          key: parsed.key,
        };
      }
    }
  }

  private runOnce(
    context: ExecutionContext,
    next: CallHandler,
    claim: IdempotencyClaim,
  ): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return new Observable((subscriber) =>
      next
        .handle()
        .pipe(
          concatMap((body) =>
            from(this.keep(claim, { status: this.statusOf(context), body, reply })).pipe(
              concatMap(() => of(body)),
            ),
          ),
        )
        .subscribe({
          next: (body) => subscriber.next(body),
          complete: () => subscriber.complete(),
          // Failed: forget the key so that the client's retry runs the handler again.
          error: (error: unknown) => {
            this.store.release(claim).then(
              () => subscriber.error(error),
              (releaseError: unknown) => {
                // The record stays IN_PROGRESS until its lease ends; then a retry takes over.
                this.logger.error(`could not release an idempotency key: ${String(releaseError)}`);
                subscriber.error(error);
              },
            );
          },
        }),
    );
  }

  private async keep(
    claim: IdempotencyClaim,
    { status, body, reply }: { status: number; body: unknown; reply: FastifyReply },
  ): Promise<void> {
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) {
        headers[name] = String(value);
      }
    }
    try {
      if (!(await this.store.complete(claim, { status, body, headers }))) {
        this.logger.warn('an idempotency key was taken over before its first request finished');
      }
    } catch (error) {
      // The command succeeded; failing the answer now would invite a retry that repeats it.
      this.logger.error(`could not store the answer for an idempotency key: ${String(error)}`);
    }
  }

  /** The status Nest will answer the handler's result with: @HttpCode, else 201 for POST. */
  private statusOf(context: ExecutionContext): number {
    const code = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler());
    if (code !== undefined) {
      return code;
    }
    const method = context.switchToHttp().getRequest<FastifyRequest>().method;
    return method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK;
  }

  private replay(reply: FastifyReply, response: StoredResponse): unknown {
    for (const [name, value] of Object.entries(response.headers)) {
      void reply.header(name, value);
    }
    void reply.header(IDEMPOTENCY_REPLAYED_HEADER, 'true');
    return response.body ?? undefined;
  }
}
