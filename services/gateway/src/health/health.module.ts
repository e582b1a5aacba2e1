import { Module } from '@nestjs/common';
import { ServiceClientModule } from '../service-client/service-client.module';
import { HealthController } from './health.controller';
import { SystemHealthService } from './system-health.service';

@Module({
  imports: [ServiceClientModule],
  controllers: [HealthController],
  providers: [SystemHealthService],
})
export class HealthModule {}
