import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { ServiceConfig } from '@polku/config';
import { NatsLink, OutboxWriter } from '@polku/messaging';
import { PersistenceModule, type ServicePersistenceOptions } from '@polku/persistence';
import { healthRequestControllerFor } from './health/health-request.controller';
import { ServiceHealthService } from './health/service-health.service';
import { EventBackbone } from './messaging/event-backbone';
import { NatsLinkLifecycle } from './nats-link.lifecycle';
import { ServiceRuntime } from './service-runtime';

/** The service name and configuration the runtime module wires health, database and NATS from. */
export interface ServiceRuntimeModuleOptions {
  readonly runtime: ServiceRuntime;
  readonly entities: ServicePersistenceOptions['entities'];
  readonly migrations: ServicePersistenceOptions['migrations'];
  /** false for the gateway, which answers health over HTTP instead. */
  readonly answersHealthRequests: boolean;
}

/**
 * What every service has: its runtime facts, config, NATS link, own database and health.
 * Global, so feature modules inject ServiceRuntime, ServiceConfig or NatsLink directly.
 */
@Module({})
export class ServiceRuntimeModule {
  static forService(options: ServiceRuntimeModuleOptions): DynamicModule {
    const { runtime } = options;
    const controllers: Type<unknown>[] = options.answersHealthRequests
      ? [healthRequestControllerFor(runtime.service)]
      : [];
    return {
      module: ServiceRuntimeModule,
      global: true,
      imports: [
        PersistenceModule.forService({
          service: runtime.service,
          config: runtime.config,
          entities: options.entities,
          migrations: options.migrations,
        }),
      ],
      controllers,
      providers: [
        { provide: ServiceRuntime, useValue: runtime },
        { provide: ServiceConfig, useValue: runtime.config },
        { provide: NatsLink, useValue: runtime.nats },
        ServiceHealthService,
        NatsLinkLifecycle,
        OutboxWriter,
        EventBackbone,
      ],
      exports: [
        ServiceRuntime,
        ServiceConfig,
        NatsLink,
        ServiceHealthService,
        PersistenceModule,
        OutboxWriter,
        EventBackbone,
      ],
    };
  }
}
