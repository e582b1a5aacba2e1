import { type DynamicModule, Global, Module } from '@nestjs/common';
import { GatewayConfig } from '@polku/config';

/** Makes the gateway's own settings (HTTP, health timeouts) injectable. */
@Global()
@Module({})
export class GatewayConfigModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayConfigModule,
      providers: [{ provide: GatewayConfig, useValue: config }],
      exports: [GatewayConfig],
    };
  }
}
