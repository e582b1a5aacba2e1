import { Module } from '@nestjs/common';
import { PathEngineModule } from '../path-engine/path-engine.module';
import { PathsModule } from '../paths/paths.module';
import { WaitsHandler } from './waits.handler';
import { WaitsService } from './waits.service';

/** Recording waits and their end; a wait past its threshold is raised by its timer (timers/). */
@Module({
  imports: [PathEngineModule, PathsModule],
  controllers: [WaitsHandler],
  providers: [WaitsService],
})
export class WaitsModule {}
