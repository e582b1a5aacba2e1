import { Module } from '@nestjs/common';
import { loadConfig, ServiceConfig } from '@polku/config';
import { createServiceApp } from './bootstrap-service';

class WiderConfig extends ServiceConfig {}

@Module({})
class EmptyModule {}

describe('createServiceApp', () => {
  it('should refuse a config of another class when the service names its own config class', async () => {
    await expect(
      createServiceApp({
        service: 'client-intake',
        appModule: EmptyModule,
        entities: [],
        migrations: [],
        configClass: WiderConfig,
        config: loadConfig(ServiceConfig, {}),
        logger: false,
      }),
    ).rejects.toThrow(
      'client-intake reads WiderConfig: load its config with loadConfig(WiderConfig, env)',
    );
  });
});
