import { Module } from '@nestjs/common';
import { GatewayConfig } from '@polku/config';
import { NatsLink, NatsTransportClient } from '@polku/messaging';
import { ServiceCommandBus } from './service-command-bus';

/** The gateway's way to ask services: Nest's ClientProxy API over our NATS transport. */
@Module({
  providers: [
    ServiceCommandBus,
    {
      provide: NatsTransportClient,
      inject: [NatsLink, GatewayConfig],
      useFactory: (link: NatsLink, config: GatewayConfig) =>
        new NatsTransportClient({
          link,
          namespace: config.NATS_NAMESPACE,
          defaultTimeoutMs: config.NATS_REQUEST_TIMEOUT_MS,
        }),
    },
  ],
  exports: [NatsTransportClient, ServiceCommandBus],
})
export class ServiceClientModule {}
