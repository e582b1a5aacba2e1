import { Module } from '@nestjs/common';
import { IntakePathFacts } from '../access/intake-path-facts';

/** client-intake's own access facts about a path, for every feature that checks access. */
@Module({
  providers: [IntakePathFacts],
  exports: [IntakePathFacts],
})
export class IntakePathAccessModule {}
