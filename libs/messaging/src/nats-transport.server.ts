import { Logger } from '@nestjs/common';
import {
  Server,
  type BaseRpcContext,
  type CustomTransportStrategy,
  type MessageHandler,
} from '@nestjs/microservices';
import type { Msg, Subscription } from '@nats-io/transport-node';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { lastValueFrom } from 'rxjs';
import {
  InternalTokenError,
  type InternalTokenVerifier,
  type VerifiedInternalRequest,
} from '@polku/auth';
import { namespacedSubject } from './namespace';
import type { NatsLink } from './nats-link';
import { NatsRequestContext } from './nats-request.context';
import { contextFromNatsHeaders } from './tracing/trace-headers';
import { loggableStack } from './loggable-error';
import { deliberateReplyError } from './reply-error';
import {
  REQUEST_HEADERS,
  type RemoteErrorBody,
  type ReplyEnvelope,
} from './request-reply.protocol';
import type { JetStreamConsumerHost } from './consumer/jetstream-consumer.host';
import type { EventSubscription } from './consumer/event-handler';
import { EVENT_BATCH_EXTRA } from './consumer/event-batch-pattern.decorator';
import { JetStreamEventContext } from './consumer/jetstream-event.context';
import { JetStreamEventBatchContext } from './consumer/jetstream-event-batch.context';
import { awaitCallersWrites } from './read-your-writes/await-callers-writes';
import { collectWrittenEvents } from './read-your-writes/written-events';

/** How a service answers requests on core NATS. */
export interface NatsTransportServerOptions {
  readonly link: NatsLink;
  /** See NATS_NAMESPACE. */
  readonly namespace: string;
  /** Replicas of one service share a queue group, so each request is answered once. */
  readonly queueGroup: string;
  /**
   * Checks every request's internal token before its handler runs. Required, so no service
   * and no handler can forget it (docs/security.md, "The internal token").
   */
  readonly verifier: Pick<InternalTokenVerifier, 'verifyRequest'>;
  /**
   * READ_YOUR_WRITES_WAIT_MS: how long a request waits for the events its token names to be
   * consumed here before its handler runs anyway (docs/adr/0015-read-your-own-writes.md).
   */
  readonly readYourWritesWaitMs?: number;
}

/** READ_YOUR_WRITES_WAIT_MS's default, for transports built without configuration (tests). */
const DEFAULT_READ_YOUR_WRITES_WAIT_MS = 2_000;

const tracer = trace.getTracer('polku.messaging');

/** A request on one of the service's `@MessagePattern` subjects, and the handler it goes to. */
interface IncomingRequest {
  readonly pattern: string;
  readonly handler: MessageHandler;
  readonly msg: Msg;
}

/**
 * Whether the handlers of an event subject are batch handlers. Nest chains the handlers one
 * service declares for the same subject and calls them all with the same arguments, so they
 * must agree: a per-event handler given a batch (or the reverse) would fail on every event.
 */
function takesBatches(subject: string, head: MessageHandler): boolean {
  const kinds = new Set<boolean>();
  for (let handler: MessageHandler | undefined = head; handler; handler = handler.next) {
    kinds.add(handler.extras?.[EVENT_BATCH_EXTRA] === true);
  }
  if (kinds.size > 1) {
    throw new Error(
      `${subject} has both @EventPattern and @EventBatchPattern handlers in this service; ` +
        'handlers of one subject must all take single events or all take batches',
    );
  }
  return kinds.has(true);
}

/**
 * Nest transport for request/reply (`@MessagePattern`) on core NATS with the v3 client.
 * Core NATS is right here: the caller waits for the answer, so nothing is lost silently;
 * domain events never use this path (they go through the outbox and JetStream).
 */
export class NatsTransportServer extends Server implements CustomTransportStrategy {
  protected override readonly logger = new Logger(NatsTransportServer.name);
  private readonly subscriptions: Subscription[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private eventHost?: JetStreamConsumerHost;

  constructor(private readonly options: NatsTransportServerOptions) {
    super();
  }

  /**
   * Where @EventPattern handlers run: durable JetStream consumers. Set after the application
   * is created, because the host needs the service's DataSource.
   */
  useEventHost(host: JetStreamConsumerHost): void {
    this.eventHost = host;
  }

  /** Starts the event consumers, then subscribes to every @MessagePattern subject in the queue group. */
  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const nc = await this.options.link.connect();
      await this.startEventHandlers();
      for (const [pattern, handler] of this.messageHandlers) {
        if (handler.isEventHandler) {
          continue;
        }
        const subject = namespacedSubject(this.options.namespace, pattern);
        this.subscriptions.push(
          nc.subscribe(subject, {
            queue: this.options.queueGroup,
            callback: (error, msg) => {
              if (error) {
                this.logger.error(`subscription to ${subject} failed: ${error.message}`);
                return;
              }
              const answering = this.answer({ pattern, handler, msg });
              this.inFlight.add(answering);
              void answering.finally(() => this.inFlight.delete(answering));
            },
          }),
        );
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Stops taking work, lets requests and event batches in progress finish, then closes the link. */
  async close(): Promise<void> {
    for (const subscription of this.subscriptions) {
      subscription.unsubscribe();
    }
    await this.eventHost?.stop();
    await Promise.allSettled([...this.inFlight]);
    await this.options.link.close();
  }

  private async startEventHandlers(): Promise<void> {
    const subscriptions: EventSubscription[] = [...this.messageHandlers]
      .filter(([, handler]) => handler.isEventHandler)
      .map(([subject, handler]) =>
        takesBatches(subject, handler)
          ? {
              subject,
              handleBatch: (events, em) =>
                this.runEventHandler(handler, {
                  payload: events,
                  context: new JetStreamEventBatchContext([events, em]),
                }),
            }
          : {
              subject,
              handle: ({ envelope, delivery }, em) =>
                this.runEventHandler(handler, {
                  payload: envelope,
                  context: new JetStreamEventContext([envelope, em, delivery]),
                }),
            },
      );
    if (subscriptions.length === 0) {
      return;
    }
    if (!this.eventHost) {
      throw new Error('this service has @EventPattern handlers but no JetStream consumer host');
    }
    await this.eventHost.start(subscriptions);
  }

  /** Runs a Nest event handler to completion, whatever it returns (promise, observable, value). */
  private async runEventHandler(
    handler: MessageHandler,
    call: { payload: unknown; context: BaseRpcContext },
  ): Promise<void> {
    const result = await handler(call.payload, call.context);
    await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }

  /** Not supported: connection events are NatsLink's. */
  on(): void {
    throw new Error('NatsTransportServer does not emit events; watch NatsLink instead');
  }

  /** The underlying NATS connection. */
  unwrap<T>(): T {
    return this.options.link.nc as T;
  }

  private async answer(request: IncomingRequest): Promise<void> {
    const { pattern, msg } = request;
    const reply = await this.run(request);
    if (!msg.reply) {
      return;
    }
    try {
      msg.respond(JSON.stringify(reply));
    } catch (error) {
      // The connection went away while the handler ran; the caller gets a timeout.
      this.logger.warn(
        `could not reply on ${pattern}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** The verified request, or the UNAUTHENTICATED reply (logged with the reason, not the token). */
  private async authenticate({
    pattern,
    msg,
  }: IncomingRequest): Promise<VerifiedInternalRequest | ReplyEnvelope> {
    try {
      return await this.options.verifier.verifyRequest(
        msg.headers?.get(REQUEST_HEADERS.internalToken) || undefined,
        msg.headers?.get(REQUEST_HEADERS.requestId) || undefined,
      );
    } catch (error) {
      if (!(error instanceof InternalTokenError)) {
        return { err: this.toRemoteError(pattern, error) };
      }
      this.logger.warn(`refused a request on ${msg.subject} (${pattern}): ${error.reason}`);
      return {
        err: { code: 'UNAUTHENTICATED', message: 'the request carries no valid internal token' },
      };
    }
  }

  private async run(request: IncomingRequest): Promise<ReplyEnvelope> {
    const { pattern, handler, msg } = request;
    const verified = await this.authenticate(request);
    if (!('caller' in verified)) {
      return verified;
    }
    const { caller, awaitEvents } = verified;
    let data: unknown;
    try {
      data = msg.data.length === 0 ? undefined : msg.json();
    } catch {
      return { err: { code: 'MALFORMED_REQUEST', message: `the body of ${pattern} is not JSON` } };
    }
    // The caller's trace continues here: the handler, and every event it writes, belong to it.
    return tracer.startActiveSpan(
      `${pattern} handle`,
      { kind: SpanKind.SERVER, attributes: { 'rpc.system': 'nats', 'rpc.method': pattern } },
      contextFromNatsHeaders(msg.headers),
      async (span): Promise<ReplyEnvelope> => {
        const host = this.eventHost;
        const awaited =
          host === undefined
            ? undefined
            : await awaitCallersWrites({
                pattern,
                ids: awaitEvents,
                host,
                timeoutMs: this.options.readYourWritesWaitMs ?? DEFAULT_READ_YOUR_WRITES_WAIT_MS,
                logger: this.logger,
              });
        const consistency = awaited === undefined ? {} : { awaited };
        try {
          const context = new NatsRequestContext([msg.subject, msg.headers, caller]);
          const { result: response, written } = await collectWrittenEvents(async () => {
            const result$ = this.transformToObservable(await handler(data, context));
            return lastValueFrom(result$, { defaultValue: null });
          });
          return { response, ...consistency, ...(written.length > 0 ? { written } : {}) };
        } catch (error) {
          const err = this.toRemoteError(pattern, error);
          span.setStatus({ code: SpanStatusCode.ERROR, message: err.code });
          return { err, ...consistency };
        } finally {
          span.end();
        }
      },
    );
  }

  private toRemoteError(pattern: string, error: unknown): RemoteErrorBody {
    // Only an error meant for the caller crosses as itself (reply-error.ts): a driver error
    // looks like { code, message } too, and carries the SQL.
    const deliberate = deliberateReplyError(error);
    if (deliberate !== undefined) {
      return deliberate;
    }
    // Anything else is a bug or an outage: log it here, answer without internals.
    this.logger.error(`handler for ${pattern} failed`, loggableStack(error));
    return { code: 'INTERNAL', message: `the handler of ${pattern} failed` };
  }
}
