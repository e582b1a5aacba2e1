import { ActivationPlansConfig } from '@polku/config';
import { expectServiceStartsOnAFreshDatabase } from '@polku/testing';
import { AppModule } from '../src/app.module';
import { ACTIVATION_PLANS_ENTITIES, ACTIVATION_PLANS_MIGRATIONS } from '../src/database/schema';

describe('activation-plans service', () => {
  it('should create its database, apply its migrations and report up when started on an empty server', async () => {
    await expectServiceStartsOnAFreshDatabase({
      service: 'activation-plans',
      appModule: AppModule,
      entities: ACTIVATION_PLANS_ENTITIES,
      migrations: ACTIVATION_PLANS_MIGRATIONS,
      configClass: ActivationPlansConfig,
    });
  });
});
