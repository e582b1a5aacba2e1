export { namespacedStreamName, namespacedSubject } from './namespace';
export { NatsLink, type NatsLinkOptions } from './nats-link';
export { NatsRequestContext } from './nats-request.context';
export { NatsTransportServer, type NatsTransportServerOptions } from './nats-transport.server';
export {
  NatsRequestRecord,
  NatsTransportClient,
  type NatsTransportClientOptions,
} from './nats-transport.client';
export {
  REQUEST_HEADERS,
  type RemoteErrorBody,
  type ReplyEnvelope,
} from './request-reply.protocol';
export {
  RemoteServiceError,
  ServiceTimeoutError,
  ServiceUnavailableError,
} from './transport.errors';
export { MessagingTables1763900000000 } from './migrations/1763900000000-messaging-tables';
