import {
  type BeforeApplicationShutdown,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ServiceConfig } from '@polku/config';
import { JetStreamConsumerHost, NatsLink, OutboxRelay, streamNames } from '@polku/messaging';
import { serviceDatabaseName, urlWithDatabase } from '@polku/persistence';
import { DataSource } from 'typeorm';
import { ServiceRuntime } from '../service-runtime';

/**
 * The service's part of the event backbone: runs the outbox relay and owns the consumer host
 * that runs @EventPattern handlers. Streams and durables are the provisioning step's
 * (provisionBus in libs/bus-permissions): a service's NATS user may not create them.
 */
@Injectable()
export class EventBackbone implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly relay: OutboxRelay;
  readonly consumers: JetStreamConsumerHost;

  constructor(
    runtime: ServiceRuntime,
    config: ServiceConfig,
    link: NatsLink,
    @InjectDataSource() dataSource: DataSource,
  ) {
    const database = serviceDatabaseName(config.DATABASE_NAME_PREFIX, runtime.service);
    this.relay = new OutboxRelay({
      dataSource,
      link,
      namespace: config.NATS_NAMESPACE,
      listenUrl: urlWithDatabase(config.DATABASE_URL, database),
      batchSize: config.OUTBOX_BATCH_SIZE,
      pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
      maxBackoffMs: 5_000,
    });
    this.consumers = new JetStreamConsumerHost({
      service: runtime.service,
      dataSource,
      link,
      namespace: config.NATS_NAMESPACE,
      stream: streamNames(config.NATS_NAMESPACE).events,
      maxAttempts: config.EVENT_MAX_ATTEMPTS,
      batchSize: config.EVENT_BATCH_SIZE,
      retryBaseMs: config.EVENT_RETRY_BASE_MS,
      retryMaxMs: config.EVENT_RETRY_MAX_MS,
      ackWaitMs: config.EVENT_ACK_WAIT_MS,
    });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumers.stop();
    await this.relay.stop();
  }
}
