import 'reflect-metadata';
import { NetworkMeetingsConfig } from '@polku/config';
import { bootstrapService } from '@polku/service-runtime';
import { AppModule } from './app.module';
import { NETWORK_MEETINGS_ENTITIES, NETWORK_MEETINGS_MIGRATIONS } from './database/schema';

void bootstrapService({
  service: 'network-meetings',
  appModule: AppModule,
  entities: NETWORK_MEETINGS_ENTITIES,
  migrations: NETWORK_MEETINGS_MIGRATIONS,
  configClass: NetworkMeetingsConfig,
});
