import { Module } from '@nestjs/common';
import { WorkQueueConfigModule } from '../config/work-queue-config.module';
import { ClockModule } from '../shared/clock.module';
import { DigestMailer } from './digest-mailer';
import { DigestPoller } from './digest-poller';
import { DigestService } from './digest.service';

/**
 * The e-mail digest of the work queue: immediate (batched) or daily, counts and a link only
 * (docs/work-queue.md, "Notifications"). Off when SMTP_URL is empty.
 */
@Module({
  imports: [WorkQueueConfigModule, ClockModule],
  providers: [DigestMailer, DigestService, DigestPoller],
})
export class DigestModule {}
