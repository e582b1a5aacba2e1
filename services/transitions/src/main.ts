import 'reflect-metadata';
import { TransitionsConfig } from '@polku/config';
import { bootstrapService } from '@polku/service-runtime';
import { AppModule } from './app.module';
import { TRANSITIONS_ENTITIES, TRANSITIONS_MIGRATIONS } from './database/schema';
import { parkedEventsCommand } from './parking/parked-events.command';

void bootstrapService({
  service: 'transitions',
  appModule: AppModule,
  entities: TRANSITIONS_ENTITIES,
  migrations: TRANSITIONS_MIGRATIONS,
  configClass: TransitionsConfig,
  serviceCommands: { 'parked-events': parkedEventsCommand },
});
