import { Module } from '@nestjs/common';
import { LostPathsMetric } from './lost-paths.metric';
import { LostPathsService } from './lost-paths.service';

/**
 * Lost paths (should be none): the list team leads and managers see (organisation-watch/) and
 * the metric, both counted by the machine's own rule.
 */
@Module({
  providers: [LostPathsService, LostPathsMetric],
  exports: [LostPathsService],
})
export class LostPathsModule {}
