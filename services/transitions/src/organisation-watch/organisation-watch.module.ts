import { Module } from '@nestjs/common';
import { LostPathsModule } from '../lost-paths/lost-paths.module';
import { PathEngineModule } from '../path-engine/path-engine.module';
import { FundingEndingService } from './funding-ending.service';
import { OrganisationWatchHandler } from './organisation-watch.handler';

/**
 * What team leads and managers watch over for their own organisation: its lost paths, and
 * announcing that its funding ends (every open path it is accountable for must be re-homed).
 */
@Module({
  imports: [PathEngineModule, LostPathsModule],
  controllers: [OrganisationWatchHandler],
  providers: [FundingEndingService],
})
export class OrganisationWatchModule {}
