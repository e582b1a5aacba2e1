import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { TIMELINE_APPENDED_SUBJECT, type TimelineAppendedNotice } from '@polku/contracts';
import { ServiceConfig } from '@polku/config';
import { NatsLink, namespacedSubject } from '@polku/messaging';
import { serviceDatabaseName, urlWithDatabase } from '@polku/persistence';
import { NoticeCoalescer, parseTimelineAppended } from './notice-coalescer';
import { PgListener } from './pg-listener';

/** The channel projectTimeline notifies on, once per path, when its transaction commits. */
export const TIMELINE_APPENDED_CHANNEL = 'timeline_appended';

/**
 * Long enough to gather the notifications of one consumer batch (they arrive together at its
 * commit), short enough to stay a small part of the 250 ms event-to-screen budget.
 */
export const NOTICE_WINDOW_MS = 15;

/**
 * Relays `timeline_appended` notifications to the gateways as {@link TIMELINE_APPENDED_SUBJECT}
 * notices on core NATS (docs/meetings.md, "Live updates"). A notice carries no client data;
 * each gateway asks `timelineSince` per subscriber under that subscriber's access check. Core
 * NATS, not JetStream: a lost notice is made good by the gateway's periodic catch-up, and an
 * old one is worth nothing.
 */
@Injectable()
export class TimelineNoticeRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TimelineNoticeRelay.name);
  private readonly listener: PgListener;
  private readonly coalescer: NoticeCoalescer;
  private readonly subject: string;

  constructor(
    config: ServiceConfig,
    private readonly link: NatsLink,
  ) {
    this.subject = namespacedSubject(config.NATS_NAMESPACE, TIMELINE_APPENDED_SUBJECT);
    this.coalescer = new NoticeCoalescer(NOTICE_WINDOW_MS, (notice) => this.publish(notice));
    this.listener = new PgListener({
      url: urlWithDatabase(
        config.DATABASE_URL,
        serviceDatabaseName(config.DATABASE_NAME_PREFIX, 'network-meetings'),
      ),
      channel: TIMELINE_APPENDED_CHANNEL,
      applicationName: 'polku-network-meetings-live',
      minBackoffMs: 100,
      maxBackoffMs: 5_000,
      onNotification: (payload) => {
        const appended = parseTimelineAppended(payload);
        if (appended !== undefined) {
          this.coalescer.add(appended);
        }
      },
    });
  }

  /** Whether LISTEN holds now. */
  get isListening(): boolean {
    return this.listener.isListening;
  }

  onApplicationBootstrap(): void {
    this.listener.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.listener.stop();
    this.coalescer.flushNow();
  }

  private publish(notice: TimelineAppendedNotice): void {
    try {
      // Buffered by the client while NATS reconnects; the gateway's catch-up covers the rest.
      this.link.nc.publish(this.subject, JSON.stringify(notice));
    } catch (error) {
      this.logger.warn(
        `timeline notice for ${notice.paths.length} path(s) not published: ${String(error)}`,
      );
    }
  }
}
