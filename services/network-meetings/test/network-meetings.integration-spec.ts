import { NetworkMeetingsConfig } from '@polku/config';
import { expectServiceStartsOnAFreshDatabase } from '@polku/testing';
import { AppModule } from '../src/app.module';
import { NETWORK_MEETINGS_ENTITIES, NETWORK_MEETINGS_MIGRATIONS } from '../src/database/schema';

describe('network-meetings service', () => {
  it('should create its database, apply its migrations and report up when started on an empty server', async () => {
    await expectServiceStartsOnAFreshDatabase({
      service: 'network-meetings',
      appModule: AppModule,
      entities: NETWORK_MEETINGS_ENTITIES,
      migrations: NETWORK_MEETINGS_MIGRATIONS,
      configClass: NetworkMeetingsConfig,
    });
  });
});
