import { Module } from '@nestjs/common';
import { IntakePathAccessProjectionHandler } from '../access/path-access-projection.handler';
import { IntakePathFacts } from '../access/intake-path-facts';

/**
 * client-intake's own access facts about a path, for every feature that checks access; and the
 * projection of other services' events those facts read.
 */
@Module({
  controllers: [IntakePathAccessProjectionHandler],
  providers: [IntakePathFacts],
  exports: [IntakePathFacts],
})
export class IntakePathAccessModule {}
