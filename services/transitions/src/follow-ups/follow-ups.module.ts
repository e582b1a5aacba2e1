import { Module } from '@nestjs/common';
import { PathsModule } from '../paths/paths.module';
import { FollowUpsHandler } from './follow-ups.handler';
import { FollowUpsService } from './follow-ups.service';

/** Completing the follow-ups an exit scheduled; their due and missed timers are in timers/. */
@Module({
  imports: [PathsModule],
  controllers: [FollowUpsHandler],
  providers: [FollowUpsService],
})
export class FollowUpsModule {}
