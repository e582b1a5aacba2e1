export { namespacedStreamName, namespacedSubject } from './namespace';
export { NatsLink, type NatsLinkOptions, type NatsTlsFiles } from './nats-link';
export { NatsRequestContext } from './nats-request.context';
export { PassThroughRpcExceptionFilter } from './rpc-exception.filter';
export { NatsTransportServer, type NatsTransportServerOptions } from './nats-transport.server';
export {
  NatsRequestRecord,
  NatsTransportClient,
  type NatsRequestOptions,
  type NatsTransportClientOptions,
} from './nats-transport.client';
export { signedRequest } from './signed-request';
export {
  REQUEST_HEADERS,
  type RemoteErrorBody,
  type ReplyConsistency,
  type ReplyEnvelope,
} from './request-reply.protocol';
export {
  awaitProcessedEvents,
  type AwaitOutcome,
  type AwaitProcessedEventsOptions,
} from './read-your-writes/await-processed-events';
export { processedEventIds } from './read-your-writes/processed-events';
export { collectWrittenEvents, type WrittenEvent } from './read-your-writes/written-events';
export {
  RemoteServiceError,
  ServiceTimeoutError,
  ServiceUnavailableError,
} from './transport.errors';
export { MessagingTables1763900000000 } from './migrations/1763900000000-messaging-tables';
export {
  durableName,
  EVENTS_STREAM,
  MAX_DELIVERIES_STREAM,
  provisionDurableConsumer,
  provisionStreams,
  streamNames,
  type DurableConsumerSettings,
  type StreamNames,
  type StreamSettings,
} from './jetstream/stream-topology';
export { OutboxMessage } from './outbox/outbox-message.entity';
export {
  eventEnvelopeOf,
  InvalidEventError,
  OutboxWriter,
  type NewEvent,
} from './outbox/outbox.writer';
export { OutboxRelay, type OutboxBacklog, type OutboxRelayOptions } from './outbox/outbox.relay';
/** What an event handler is given and may return (see consumer/event-handler.ts). */
export type {
  BatchEventSubscription,
  EventBatchHandlerFn,
  EventDelivery,
  EventHandlerFn,
  EventSubscription,
  ReceivedEvent,
  SingleEventSubscription,
} from './consumer/event-handler';
export { EventBatchPattern } from './consumer/event-batch-pattern.decorator';
export { eventBatchController, type EventBatchHandling } from './consumer/event-batch-controller';
export {
  JetStreamConsumerHost,
  type JetStreamConsumerHostOptions,
} from './consumer/jetstream-consumer.host';
export { JetStreamEventContext } from './consumer/jetstream-event.context';
export { JetStreamEventBatchContext } from './consumer/jetstream-event-batch.context';
export { redriveDeadLetters, type RedriveOptions } from './consumer/redrive';
export { rebuildProjection, type RebuildProjectionOptions } from './consumer/rebuild-projection';
export { redeliveryDelayMs } from './consumer/retry-policy';
export {
  contextFromNatsHeaders,
  contextFromStoredHeaders,
  currentTraceHeaders,
  injectTraceIntoNatsHeaders,
} from './tracing/trace-headers';
