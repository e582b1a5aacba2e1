import 'reflect-metadata';
import { ClientIntakeConfig } from '@polku/config';
import { bootstrapService } from '@polku/service-runtime';
import { AppModule } from './app.module';
import { CLIENT_INTAKE_ENTITIES, CLIENT_INTAKE_MIGRATIONS } from './database/schema';

void bootstrapService({
  service: 'client-intake',
  appModule: AppModule,
  entities: CLIENT_INTAKE_ENTITIES,
  migrations: CLIENT_INTAKE_MIGRATIONS,
  configClass: ClientIntakeConfig,
});
