import { Module } from '@nestjs/common';
import { PathEngineModule } from '../path-engine/path-engine.module';
import { PathCommandService } from './path-command.service';
import { PathsHandler } from './paths.handler';

/**
 * A path as callers see it (getPath), and PathCommandService, through which every feature's
 * command on one path runs: access check, decision and answer in one transaction.
 */
@Module({
  imports: [PathEngineModule],
  controllers: [PathsHandler],
  providers: [PathCommandService],
  exports: [PathCommandService],
})
export class PathsModule {}
