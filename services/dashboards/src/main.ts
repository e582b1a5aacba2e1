import 'reflect-metadata';
import { bootstrapService } from '@polku/service-runtime';
import { AppModule } from './app.module';
import { DASHBOARDS_ENTITIES, DASHBOARDS_MIGRATIONS } from './database/schema';

void bootstrapService({
  service: 'dashboards',
  appModule: AppModule,
  entities: DASHBOARDS_ENTITIES,
  migrations: DASHBOARDS_MIGRATIONS,
});
