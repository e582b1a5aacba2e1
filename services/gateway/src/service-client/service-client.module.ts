import { Module } from '@nestjs/common';
import { InternalTokenSigner } from '@polku/auth';
import { GatewayConfig } from '@polku/config';
import { NatsLink, NatsTransportClient } from '@polku/messaging';
import { ServiceCommandBus } from './service-command-bus';

/** The gateway's way to ask services: Nest's ClientProxy API over our NATS transport. */
@Module({
  providers: [
    ServiceCommandBus,
    {
      // The key is imported once, when the gateway starts.
      provide: InternalTokenSigner,
      inject: [GatewayConfig],
      useFactory: (config: GatewayConfig) => {
        const { kid, privateKey } = config.internalTokenSigningKey();
        return new InternalTokenSigner({
          kid,
          privateKey,
          lifeSeconds: config.INTERNAL_TOKEN_LIFETIME_S,
        });
      },
    },
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
  exports: [NatsTransportClient, ServiceCommandBus, InternalTokenSigner],
})
export class ServiceClientModule {}
