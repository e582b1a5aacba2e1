import 'reflect-metadata';
import { ActivationPlansConfig } from '@polku/config';
import { bootstrapService } from '@polku/service-runtime';
import { AppModule } from './app.module';
import { ACTIVATION_PLANS_ENTITIES, ACTIVATION_PLANS_MIGRATIONS } from './database/schema';

void bootstrapService({
  service: 'activation-plans',
  appModule: AppModule,
  entities: ACTIVATION_PLANS_ENTITIES,
  migrations: ACTIVATION_PLANS_MIGRATIONS,
  configClass: ActivationPlansConfig,
});
