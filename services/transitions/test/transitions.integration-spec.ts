import { TransitionsConfig } from '@polku/config';
import { expectServiceStartsOnAFreshDatabase } from '@polku/testing';
import { AppModule } from '../src/app.module';
import { TRANSITIONS_ENTITIES, TRANSITIONS_MIGRATIONS } from '../src/database/schema';

describe('transitions service', () => {
  it('should create its database, apply its migrations and report up when started on an empty server', async () => {
    await expectServiceStartsOnAFreshDatabase({
      service: 'transitions',
      appModule: AppModule,
      entities: TRANSITIONS_ENTITIES,
      migrations: TRANSITIONS_MIGRATIONS,
      configClass: TransitionsConfig,
    });
  });
});
