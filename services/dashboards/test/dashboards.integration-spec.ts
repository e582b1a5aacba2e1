import { expectServiceStartsOnAFreshDatabase } from '@polku/testing';
import { AppModule } from '../src/app.module';
import { DASHBOARDS_ENTITIES, DASHBOARDS_MIGRATIONS } from '../src/database/schema';

describe('dashboards service', () => {
  it('should create its database, apply its migrations and report up when started on an empty server', async () => {
    await expectServiceStartsOnAFreshDatabase({
      service: 'dashboards',
      appModule: AppModule,
      entities: DASHBOARDS_ENTITIES,
      migrations: DASHBOARDS_MIGRATIONS,
    });
  });
});
