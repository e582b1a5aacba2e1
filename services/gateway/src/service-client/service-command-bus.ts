import { Injectable } from '@nestjs/common';
import { InternalTokenSigner, type Principal } from '@polku/auth';
import { CONSUMED_EVENT_SUBJECTS } from '@polku/bus-permissions';
import type { BackendServiceName } from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { principalOf } from '../auth/principal-of-request';
import {
  currentTraceHeaders,
  NatsRequestRecord,
  NatsTransportClient,
  REQUEST_HEADERS,
  signedRequest,
  type ReplyConsistency,
} from '@polku/messaging';
import { lastValueFrom } from 'rxjs';
import { OwnWritesStore, type EventConsumerOfWrites } from '../read-your-writes/own-writes.store';
import { serviceOfRequestSubject } from '../read-your-writes/service-of-request';

/** What each service consumes, as the remembered writes are filtered by. */
const CONSUMERS = new Map<BackendServiceName, EventConsumerOfWrites>();
function consumerOf(service: BackendServiceName): EventConsumerOfWrites {
  let consumer = CONSUMERS.get(service);
  if (consumer === undefined) {
    consumer = { consumer: service, subjects: new Set(CONSUMED_EVENT_SUBJECTS[service]) };
    CONSUMERS.set(service, consumer);
  }
  return consumer;
}

export interface CommandMetadata {
  /** The HTTP request's id: the internal token's `jti`, so a service's logs and the gateway's meet. */
  readonly requestId: string;
  /** The verified principal; the service receives it inside a signed internal token. */
  readonly principal?: Principal;
  /**
   * false: the service need not wait for the caller's own writes first. Only for a read that
   * an event already announced (a live stream's fetch): a write of the caller's not yet there
   * comes with the next notice, and waiting would only slow every stream down.
   */
  readonly awaitOwnWrites?: boolean;
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
 *
 * Read your own writes (docs/adr/0015-read-your-own-writes.md): the events a reply says the
 * caller's request wrote are remembered, and the ids of those the service consumes travel in
 * the caller's next tokens to it, so the service waits until it has consumed them.
 */
@Injectable()
export class ServiceCommandBus {
  constructor(
    private readonly client: NatsTransportClient,
    private readonly signer: InternalTokenSigner,
    private readonly ownWrites: OwnWritesStore,
  ) {}

  async send<TResult>(subject: string, body: unknown, metadata: CommandMetadata): Promise<TResult> {
    const headers = currentTraceHeaders();
    const { principal } = metadata;
    // Without a principal nothing is signed: the service answers UNAUTHENTICATED (401).
    const record = principal
      ? await signedRequest(
          this.signer,
          { kind: 'user', principal, requestId: metadata.requestId },
          body,
          metadata.awaitOwnWrites === false
            ? { headers }
            : this.withOwnWrites({ subject, principal, headers }),
        )
      : new NatsRequestRecord(body, {
          headers: { ...headers, [REQUEST_HEADERS.requestId]: metadata.requestId },
        });
    return lastValueFrom(this.client.send<TResult>(subject, record));
  }

  /** The caller's writes the service must await, and what to remember of its reply. */
  private withOwnWrites({
    subject,
    principal,
    headers,
  }: {
    subject: string;
    principal: Principal;
    headers: Record<string, string>;
  }) {
    const service = serviceOfRequestSubject(subject);
    const awaitEvents =
      service === undefined ? [] : this.ownWrites.pendingFor(principal, consumerOf(service));
    return {
      headers,
      awaitEvents,
      onConsistency: ({ written, awaited }: ReplyConsistency) => {
        if (service !== undefined && awaited !== undefined) {
          this.ownWrites.settle(principal, service, awaitEvents);
        }
        if (written !== undefined) {
          this.ownWrites.remember(principal, written);
        }
      },
    };
  }
}
