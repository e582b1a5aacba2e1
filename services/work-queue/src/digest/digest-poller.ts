import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { WorkQueueConfig } from '@polku/config';
import { Clock } from '../shared/clock';
import { DigestMailer } from './digest-mailer';
import { DigestService } from './digest.service';

/**
 * Runs the digest every DIGEST_POLL_INTERVAL_MS on this replica, apart from event consumption:
 * a slow or failing SMTP server delays only the next round, never a projected event.
 */
@Injectable()
export class DigestPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DigestPoller.name);
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly config: WorkQueueConfig,
    private readonly mailer: DigestMailer,
    private readonly digest: DigestService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.mailer.enabled) {
      this.logger.log('SMTP_URL is not set: no work-queue digest is sent');
      return;
    }
    this.scheduleNext();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round;
  }

  private scheduleNext(): void {
    this.timer = setTimeout(() => {
      this.round = this.runRound().finally(() => {
        this.round = undefined;
        if (!this.stopped) {
          this.scheduleNext();
        }
      });
    }, this.config.DIGEST_POLL_INTERVAL_MS);
  }

  private async runRound(): Promise<void> {
    try {
      const { failed } = await this.digest.poll(this.clock.now());
      if (failed > 0) {
        this.logger.warn(`${failed} work-queue digests not sent; tried again on the next poll`);
      }
    } catch (error) {
      this.logger.error(`work-queue digest round failed: ${(error as Error).message}`);
    }
  }
}
