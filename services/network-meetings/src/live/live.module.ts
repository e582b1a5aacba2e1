import { Module } from '@nestjs/common';
import { TimelineNoticeRelay } from './timeline-notice.relay';

/** Tells the gateways, over core NATS, which paths' timelines grew (docs/meetings.md). */
@Module({ providers: [TimelineNoticeRelay] })
export class LiveModule {}
