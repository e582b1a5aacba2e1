import { Module } from '@nestjs/common';
import { PathsModule } from '../paths/paths.module';
import { UnclearPathsHandler } from './unclear-paths.handler';
import { UnclearPathsService } from './unclear-paths.service';

/** Reviewing unclear paths; the review-due timer is in timers/. */
@Module({
  imports: [PathsModule],
  controllers: [UnclearPathsHandler],
  providers: [UnclearPathsService],
})
export class UnclearPathsModule {}
