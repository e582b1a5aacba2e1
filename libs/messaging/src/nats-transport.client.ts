import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import { errors, headers as createHeaders, type MsgHdrs } from '@nats-io/transport-node';
import { namespacedSubject } from './namespace';
import { injectTraceIntoNatsHeaders } from './tracing/trace-headers';
import type { NatsLink } from './nats-link';
import type { ReplyConsistency, ReplyEnvelope } from './request-reply.protocol';
import {
  RemoteServiceError,
  ServiceTimeoutError,
  ServiceUnavailableError,
} from './transport.errors';

/** How a NatsTransportClient reaches the services. */
export interface NatsTransportClientOptions {
  readonly link: NatsLink;
  readonly namespace: string;
  /** NATS_REQUEST_TIMEOUT_MS unless a request sets its own. */
  readonly defaultTimeoutMs: number;
}

/** What a request may carry besides its data. */
export interface NatsRequestOptions {
  /** NATS headers, e.g. `polku-request-id`; the trace context is added to them. */
  readonly headers?: Readonly<Record<string, string>>;
  /** This request's timeout instead of the client's defaultTimeoutMs. */
  readonly timeoutMs?: number;
  /**
   * Called with what the reply says about consistency (the events the handler wrote, whether
   * the service awaited the caller's events), before the answer or error is delivered.
   */
  readonly onConsistency?: (consistency: ReplyConsistency) => void;
}

/** A request with headers or its own timeout; plain data may be sent as it is. */
export class NatsRequestRecord<T = unknown> {
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
  readonly onConsistency?: (consistency: ReplyConsistency) => void;

  constructor(
    readonly data: T,
    options: NatsRequestOptions = {},
  ) {
    this.headers = options.headers ?? {};
    this.timeoutMs = options.timeoutMs;
    this.onConsistency = options.onConsistency;
  }
}

/**
 * The caller's side of NatsTransportServer: `client.send(pattern, data)` as in any Nest
 * microservice. A reply that does not come becomes ServiceTimeoutError, a subject nobody listens
 * on becomes ServiceUnavailableError: the caller always gets an answer, never a hang.
 */
export class NatsTransportClient extends ClientProxy {
  constructor(private readonly options: NatsTransportClientOptions) {
    super();
  }

  /** Waits for the process's NATS link (Nest calls it before the first request). */
  async connect(): Promise<void> {
    await this.options.link.connect();
  }

  /** Does nothing: the link belongs to the process and is closed with it. */
  close(): void {
    // The link belongs to the process, not to this client.
  }

  /** The underlying NATS connection. */
  unwrap<T>(): T {
    return this.options.link.nc as T;
  }

  /** Not supported: connection events are NatsLink's. */
  override on(): void {
    throw new Error('NatsTransportClient does not emit events; watch NatsLink instead');
  }

  protected publish(packet: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    const pattern = this.normalizePattern(packet.pattern);
    const subject = namespacedSubject(this.options.namespace, pattern);
    const record =
      packet.data instanceof NatsRequestRecord ? packet.data : new NatsRequestRecord(packet.data);
    const timeoutMs = record.timeoutMs ?? this.options.defaultTimeoutMs;

    if (!this.options.link.isConnected) {
      callback({
        err: new ServiceUnavailableError(subject, 'not connected to NATS'),
        isDisposed: true,
      });
      return () => undefined;
    }
    const msgHeaders: MsgHdrs = createHeaders();
    injectTraceIntoNatsHeaders(msgHeaders);
    for (const [name, value] of Object.entries(record.headers)) {
      msgHeaders.set(name, value);
    }
    const body = record.data === undefined ? '' : JSON.stringify(record.data);
    this.options.link.nc
      .request(subject, body, { timeout: timeoutMs, headers: msgHeaders })
      .then((msg) => {
        const reply = msg.json<ReplyEnvelope>();
        record.onConsistency?.({ written: reply.written, awaited: reply.awaited });
        if (reply.err) {
          callback({ err: new RemoteServiceError(subject, reply.err), isDisposed: true });
        } else {
          callback({ response: reply.response, isDisposed: true });
        }
      })
      .catch((error: unknown) =>
        callback({ err: this.toTransportError({ subject, timeoutMs }, error), isDisposed: true }),
      );
    // A NATS request cannot be withdrawn; unsubscribing only ignores the late answer.
    return () => undefined;
  }

  protected dispatchEvent(): Promise<never> {
    return Promise.reject(
      new Error('events are never sent over core NATS: write them to the outbox instead'),
    );
  }

  private toTransportError(
    { subject, timeoutMs }: { subject: string; timeoutMs: number },
    error: unknown,
  ): Error {
    const cause = error instanceof errors.RequestError && error.cause ? error.cause : error;
    if (cause instanceof errors.TimeoutError) {
      return new ServiceTimeoutError(subject, timeoutMs);
    }
    if (cause instanceof errors.NoRespondersError) {
      return new ServiceUnavailableError(subject, 'no instance of the service is listening');
    }
    return new ServiceUnavailableError(
      subject,
      cause instanceof Error ? cause.message : String(cause),
    );
  }
}
