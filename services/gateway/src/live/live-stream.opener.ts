import { Injectable } from '@nestjs/common';
import type { Principal } from '@polku/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PathNotFoundException } from '../access/client-data.interceptor';
import { correlationIdOf } from '../audit/request-ids';
import { ProblemException } from '../problem/problem.exception';
import { PROBLEM_TYPES } from '../problem/problem-details';
import { LiveHub } from './live-hub';
import type { LiveSubscription } from './live-subscriber';
import { accessEnded, LiveTimelineFetcher } from './live-timeline.fetcher';
import { resumePositionOf, sseComment, sseRetry } from './sse-framing';

/** How long EventSource waits before reconnecting after the stream broke. */
const RECONNECT_AFTER_MS = 2_000;

/** What an SSE route opens: which path, for whom, and in meeting mode for which organisations. */
export interface LiveStreamRequest {
  readonly pathId: string;
  readonly principal: Principal;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly lastEventIdQuery: unknown;
  readonly visibleToAllOf?: readonly string[];
}

/**
 * Opens a server-sent event stream on Fastify's raw response: the checks that can still be
 * answered with problem+json first (resume id, the per-user limit, the starting position), then
 * the stream, handed to the hub. Returns what the access interceptor audits for the opening.
 */
@Injectable()
export class LiveStreamOpener {
  constructor(
    private readonly hub: LiveHub,
    private readonly fetcher: LiveTimelineFetcher,
  ) {}

  async open(options: LiveStreamRequest): Promise<{ readonly stream: 'opened' }> {
    const { request, reply } = options;
    const resume = resumePositionOf(request.headers['last-event-id'], options.lastEventIdQuery);
    if (resume.invalid) {
      throw new ProblemException({
        type: PROBLEM_TYPES.validationFailed,
        title: 'The request is not valid',
        status: 400,
        detail: 'Last-Event-ID (or lastEventId) must be a timeline position: digits.',
      });
    }
    const subscription: LiveSubscription = {
      pathId: options.pathId,
      principal: options.principal,
      route: `${request.method} ${request.routeOptions?.url ?? ''}`,
      requestId: String(request.id),
      correlationId: correlationIdOf(request),
      ...(options.visibleToAllOf === undefined ? {} : { visibleToAllOf: options.visibleToAllOf }),
      ...expiryOf(request),
    };
    if (!this.hub.hasRoomFor(subscription)) {
      throw new ProblemException({
        type: PROBLEM_TYPES.rateLimited,
        title: 'Too many requests',
        status: 429,
        detail: 'Too many live streams open for this user; close one first.',
      });
    }
    const position = resume.position ?? (await this.newest(subscription));
    // From here on the response is ours: Fastify sends nothing more for this request.
    void reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      ...headersOf(reply),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // Proxies (nginx) must pass each event on at once rather than buffer the stream.
      'x-accel-buffering': 'no',
      'x-request-id': String(request.id),
    });
    raw.write(sseRetry(RECONNECT_AFTER_MS));
    raw.write(sseComment(`live from ${position}`));
    const subscriber = this.hub.open(subscription, position, {
      write: (chunk) => {
        if (!raw.writableEnded && !raw.destroyed) {
          raw.write(chunk);
        }
      },
      close: () => {
        if (!raw.writableEnded) {
          raw.end();
        }
      },
    });
    request.raw.on('close', () => subscriber.close());
    raw.on('close', () => subscriber.close());
    return { stream: 'opened' };
  }

  private async newest(subscription: LiveSubscription): Promise<string> {
    try {
      return await this.fetcher.newest(subscription);
    } catch (error) {
      if (accessEnded(error)) {
        throw new PathNotFoundException();
      }
      throw error;
    }
  }
}

/** The headers set so far (security headers and the like), as writeHead takes them. */
function headersOf(reply: FastifyReply): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) {
      headers[name] = Array.isArray(value) ? value.map(String) : String(value);
    }
  }
  return headers;
}

/**
 * When the request's bearer token expires. The authentication guard has verified the token
 * already; only its `exp` is read here, to end the stream when the token would no longer do.
 */
function expiryOf(request: FastifyRequest): { expiresAt?: number } {
  const token = /^Bearer ([^.\s]+)\.([^.\s]+)\./i.exec(request.headers.authorization ?? '');
  try {
    const claims = JSON.parse(Buffer.from(token?.[2] ?? '', 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    return typeof claims.exp === 'number' ? { expiresAt: claims.exp * 1_000 } : {};
  } catch {
    return {};
  }
}
