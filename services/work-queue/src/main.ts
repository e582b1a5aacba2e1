import 'reflect-metadata';
import { WorkQueueConfig } from '@polku/config';
import { bootstrapService } from '@polku/service-runtime';
import { AppModule } from './app.module';
import { WORK_QUEUE_ENTITIES, WORK_QUEUE_MIGRATIONS } from './database/schema';

void bootstrapService({
  service: 'work-queue',
  appModule: AppModule,
  configClass: WorkQueueConfig,
  entities: WORK_QUEUE_ENTITIES,
  migrations: WORK_QUEUE_MIGRATIONS,
});
