import { randomUUID } from 'node:crypto';
import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Subscription } from '@nats-io/transport-node';
import { GatewayConfig } from '@polku/config';
import {
  TIMELINE_APPENDED_SUBJECT,
  type TimelineAppendedNotice,
  type TimelineEntryView,
} from '@polku/contracts';
import { NatsLink, namespacedSubject } from '@polku/messaging';
import { LiveAudit } from './live-audit';
import {
  type LiveFetchResult,
  type LiveSink,
  LiveSubscriber,
  type LiveSubscriberPort,
  type LiveSubscription,
} from './live-subscriber';
import { LiveTimelineFetcher } from './live-timeline.fetcher';

/** How often the hub looks for streams whose heartbeat is due. */
const HEARTBEAT_CHECK_MS = 250;

/** The user a stream counts against: the same user id of another issuer is another user. */
function userKeyOf(subscription: LiveSubscription): string {
  return `${subscription.principal.issuer}\u0000${subscription.principal.userId}`;
}

/** A notice's paths, or none when the message is not one. */
function noticePaths(text: string): TimelineAppendedNotice['paths'] {
  try {
    const notice = JSON.parse(text) as Partial<TimelineAppendedNotice>;
    return Array.isArray(notice.paths)
      ? notice.paths.filter(
          (path) => typeof path?.pathId === 'string' && /^\d{1,19}$/.test(String(path.position)),
        )
      : [];
  } catch {
    return [];
  }
}

/**
 * The gateway's open live streams (docs/meetings.md, "Live updates"). It listens to
 * TIMELINE_APPENDED_SUBJECT and pokes the subscribers of each path a notice names; each
 * subscriber then fetches under its own principal. Every LIVE_HEARTBEAT_SECONDS each stream
 * gets a heartbeat and a catch-up fetch, which also makes good a notice lost on the way and
 * checks access again while nothing happens on the path.
 */
@Injectable()
export class LiveHub
  implements OnApplicationBootstrap, BeforeApplicationShutdown, LiveSubscriberPort
{
  private readonly logger = new Logger(LiveHub.name);
  private readonly byPath = new Map<string, Set<LiveSubscriber>>();
  private readonly perUser = new Map<string, number>();
  /** The id of each subscriber's fetch in flight: the audit row and the service's log share it. */
  private readonly fetchIds = new WeakMap<LiveSubscriber, string>();
  private heartbeat: NodeJS.Timeout | undefined;
  /**
   * When each stream's next heartbeat is due: counted from its own opening, so the catch-up
   * fetches of many streams spread over the interval instead of arriving at once.
   */
  private readonly beatDue = new Map<LiveSubscriber, number>();
  private notices: Subscription | undefined;
  private stopped = false;

  constructor(
    private readonly config: GatewayConfig,
    private readonly link: NatsLink,
    private readonly fetcher: LiveTimelineFetcher,
    private readonly liveAudit: LiveAudit,
  ) {}

  onApplicationBootstrap(): void {
    this.heartbeat = setInterval(() => this.tick(), HEARTBEAT_CHECK_MS);
    this.heartbeat.unref();
    void this.listen();
  }

  beforeApplicationShutdown(): void {
    this.stopped = true;
    clearInterval(this.heartbeat);
    this.notices?.unsubscribe();
    for (const subscribers of [...this.byPath.values()]) {
      for (const subscriber of [...subscribers]) {
        subscriber.close();
      }
    }
  }

  /** Open streams now, for tests and health. */
  get size(): number {
    let count = 0;
    for (const subscribers of this.byPath.values()) {
      count += subscribers.size;
    }
    return count;
  }

  /** Whether the user may open one more stream. */
  hasRoomFor(subscription: LiveSubscription): boolean {
    return (this.perUser.get(userKeyOf(subscription)) ?? 0) < this.config.LIVE_SUBSCRIBERS_PER_USER;
  }

  /** Registers a stream that has had everything up to `position`, and catches it up. */
  open(subscription: LiveSubscription, position: string, sink: LiveSink): LiveSubscriber {
    const subscriber = new LiveSubscriber(subscription, position, sink, this);
    const key = userKeyOf(subscription);
    this.perUser.set(key, (this.perUser.get(key) ?? 0) + 1);
    let subscribers = this.byPath.get(subscription.pathId);
    if (subscribers === undefined) {
      subscribers = new Set();
      this.byPath.set(subscription.pathId, subscribers);
    }
    subscribers.add(subscriber);
    // Heartbeats keep real intervals: performance.now(), which a simulated clock leaves alone.
    this.beatDue.set(subscriber, performance.now() + this.heartbeatMs);
    void subscriber.poke();
    return subscriber;
  }

  /** Pokes the subscribers of every path of a notice that are behind its position. */
  onNotice(paths: TimelineAppendedNotice['paths']): void {
    for (const { pathId, position } of paths) {
      for (const subscriber of this.byPath.get(pathId) ?? []) {
        if (subscriber.isBehind(position)) {
          void subscriber.poke();
        }
      }
    }
  }

  fetchAfter(subscriber: LiveSubscriber, afterPosition: string): Promise<LiveFetchResult> {
    const requestId = randomUUID();
    this.fetchIds.set(subscriber, requestId);
    return this.fetcher.after(subscriber.subscription, afterPosition, requestId);
  }

  async audit(
    subscriber: LiveSubscriber,
    entries: readonly TimelineEntryView[],
  ): Promise<'recorded' | 'refused' | 'failed'> {
    try {
      const allowed = await this.liveAudit.recordPush(
        subscriber.subscription,
        entries,
        this.fetchIds.get(subscriber) ?? randomUUID(),
      );
      return allowed ? 'recorded' : 'refused';
    } catch (error) {
      this.logger.error(`live push not audited, not sent: ${String(error)}`);
      return 'failed';
    }
  }

  closed(subscriber: LiveSubscriber): void {
    this.beatDue.delete(subscriber);
    const { pathId } = subscriber.subscription;
    const subscribers = this.byPath.get(pathId);
    if (subscribers?.delete(subscriber) !== true) {
      return;
    }
    if (subscribers.size === 0) {
      this.byPath.delete(pathId);
    }
    const key = userKeyOf(subscriber.subscription);
    const left = (this.perUser.get(key) ?? 1) - 1;
    if (left > 0) {
      this.perUser.set(key, left);
    } else {
      this.perUser.delete(key);
    }
  }

  /** Heartbeats and catches up the streams whose heartbeat is due (`now`: performance.now()). */
  tick(now: number = performance.now()): void {
    for (const [subscriber, due] of this.beatDue) {
      if (due <= now) {
        this.beatDue.set(subscriber, now + this.heartbeatMs);
        subscriber.heartbeat();
        void subscriber.poke();
      }
    }
  }

  private get heartbeatMs(): number {
    return this.config.LIVE_HEARTBEAT_SECONDS * 1_000;
  }

  private async listen(): Promise<void> {
    const connection = await this.link.connect();
    if (this.stopped) {
      return;
    }
    // A core NATS subscription: the client renews it after every reconnect by itself.
    this.notices = connection.subscribe(
      namespacedSubject(this.config.NATS_NAMESPACE, TIMELINE_APPENDED_SUBJECT),
      {
        callback: (error, message) => {
          if (error === null) {
            this.onNotice(noticePaths(message.string()));
          }
        },
      },
    );
  }
}
