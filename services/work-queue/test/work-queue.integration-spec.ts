import { WorkQueueConfig } from '@polku/config';
import { expectServiceStartsOnAFreshDatabase } from '@polku/testing';
import { AppModule } from '../src/app.module';
import { WORK_QUEUE_ENTITIES, WORK_QUEUE_MIGRATIONS } from '../src/database/schema';

describe('work-queue service', () => {
  it('should create its database, apply its migrations and report up when started on an empty server', async () => {
    await expectServiceStartsOnAFreshDatabase({
      service: 'work-queue',
      appModule: AppModule,
      entities: WORK_QUEUE_ENTITIES,
      migrations: WORK_QUEUE_MIGRATIONS,
      configClass: WorkQueueConfig,
    });
  });
});
