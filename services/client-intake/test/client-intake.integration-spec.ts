import { ClientIntakeConfig } from '@polku/config';
import { expectServiceStartsOnAFreshDatabase } from '@polku/testing';
import { AppModule } from '../src/app.module';
import { CLIENT_INTAKE_ENTITIES, CLIENT_INTAKE_MIGRATIONS } from '../src/database/schema';

describe('client-intake service', () => {
  it('should create its database, apply its migrations and report up when started on an empty server', async () => {
    await expectServiceStartsOnAFreshDatabase({
      service: 'client-intake',
      appModule: AppModule,
      entities: CLIENT_INTAKE_ENTITIES,
      migrations: CLIENT_INTAKE_MIGRATIONS,
      configClass: ClientIntakeConfig,
    });
  });
});
