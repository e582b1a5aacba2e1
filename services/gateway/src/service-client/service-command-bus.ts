import { Injectable } from '@nestjs/common';
import { encodePrincipal } from '@polku/auth';
import type { FastifyRequest } from 'fastify';
import { principalOf } from '../auth/principal-of-request';
import {
  currentTraceHeaders,
  NatsRequestRecord,
  NatsTransportClient,
  REQUEST_HEADERS,
} from '@polku/messaging';
import { lastValueFrom } from 'rxjs';

export interface CommandMetadata {
  /** The HTTP request's id, so a service's logs and the gateway's meet. */
  readonly requestId: string;
  /** The authenticated principal, serialised; services enforce access again with it. */
  readonly principal?: string;
}

/** The metadata of a command sent on behalf of an HTTP request: its id and its principal. */
export function commandMetadataOf(request: FastifyRequest): CommandMetadata {
  const principal = principalOf(request);
  return {
    requestId: String(request.id),
    ...(principal ? { principal: encodePrincipal(principal) } : {}),
  };
}

/**
 * Sends a command or query to a service and waits for the answer, carrying the request id,
 * the principal and the W3C trace context in NATS headers. Errors arrive as ServiceTimeoutError,
 * ServiceUnavailableError or RemoteServiceError, which ProblemDetailsFilter turns into HTTP.
 */
@Injectable()
export class ServiceCommandBus {
  constructor(private readonly client: NatsTransportClient) {}

  send<TResult>(subject: string, body: unknown, metadata: CommandMetadata): Promise<TResult> {
    const headers: Record<string, string> = {
      ...currentTraceHeaders(),
      [REQUEST_HEADERS.requestId]: metadata.requestId,
      ...(metadata.principal ? { [REQUEST_HEADERS.principal]: metadata.principal } : {}),
    };
    return lastValueFrom(
      this.client.send<TResult>(subject, new NatsRequestRecord(body, { headers })),
    );
  }
}
