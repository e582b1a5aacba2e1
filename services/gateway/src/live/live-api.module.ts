import { Module } from '@nestjs/common';
import { PathAccessModule } from '../access/path-access.module';
import { ServiceClientModule } from '../service-client/service-client.module';
import { LiveAudit } from './live-audit';
import { LiveController } from './live.controller';
import { LiveHub } from './live-hub';
import { LiveStreamOpener } from './live-stream.opener';
import { LiveTimelineFetcher } from './live-timeline.fetcher';

/** Live updates (SSE) of timelines and meeting views, and the meeting view (docs/meetings.md). */
@Module({
  imports: [ServiceClientModule, PathAccessModule],
  controllers: [LiveController],
  providers: [LiveHub, LiveTimelineFetcher, LiveAudit, LiveStreamOpener],
})
export class LiveApiModule {}
