import { Injectable } from '@nestjs/common';
import { InternalTokenSigner, type Principal } from '@polku/auth';
import type { FastifyRequest } from 'fastify';
import { principalOf } from '../auth/principal-of-request';
import {
  currentTraceHeaders,
  NatsRequestRecord,
  NatsTransportClient,
  REQUEST_HEADERS,
  signedRequest,
} from '@polku/messaging';
import { lastValueFrom } from 'rxjs';

export interface CommandMetadata {
  /** The HTTP request's id: the internal token's `jti`, so a service's logs and the gateway's meet. */
  readonly requestId: string;
  /** The verified principal; the service receives it inside a signed internal token. */
  readonly principal?: Principal;
}

/** The metadata of a command sent on behalf of an HTTP request: its id and its principal. */
export function commandMetadataOf(request: FastifyRequest): CommandMetadata {
  const principal = principalOf(request);
  return { requestId: String(request.id), ...(principal ? { principal } : {}) };
}

/**
 * Sends a command or query to a service and waits for the answer, carrying the request id,
 * the caller's internal token (docs/security.md, "The internal token") and the W3C trace context
 * in NATS headers. Errors arrive as ServiceTimeoutError, ServiceUnavailableError or
 * RemoteServiceError, which ProblemDetailsFilter turns into HTTP.
 */
@Injectable()
export class ServiceCommandBus {
  constructor(
    private readonly client: NatsTransportClient,
    private readonly signer: InternalTokenSigner,
  ) {}

  async send<TResult>(subject: string, body: unknown, metadata: CommandMetadata): Promise<TResult> {
    const headers = currentTraceHeaders();
    // Without a principal nothing is signed: the service answers UNAUTHENTICATED (401).
    const record = metadata.principal
      ? await signedRequest(
          this.signer,
          { kind: 'user', principal: metadata.principal, requestId: metadata.requestId },
          body,
          { headers },
        )
      : new NatsRequestRecord(body, {
          headers: { ...headers, [REQUEST_HEADERS.requestId]: metadata.requestId },
        });
    return lastValueFrom(this.client.send<TResult>(subject, record));
  }
}
