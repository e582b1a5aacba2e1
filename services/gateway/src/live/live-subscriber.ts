import type { Principal } from '@polku/auth';
import type { TimelineEntryView } from '@polku/contracts';
import { sseComment, sseMessage } from './sse-framing';

/** What one fetch of the entries after a position found. */
export type LiveFetchResult =
  | {
      readonly kind: 'entries';
      readonly entries: readonly TimelineEntryView[];
      /** More may follow: fetch again at once. */
      readonly more: boolean;
    }
  /** Too many entries follow: the client reloads; the stream goes on from `newest`. */
  | { readonly kind: 'gap'; readonly newest: string }
  /** The subscriber may no longer see the path (the service answered 404). */
  | { readonly kind: 'gone' }
  /** The service did not answer: the next notice or heartbeat tries again. */
  | { readonly kind: 'failed' };

/** Where a subscriber's messages go: the open HTTP response. */
export interface LiveSink {
  write(chunk: string): void;
  close(): void;
}

/** What a subscriber needs of the hub: fetching under its principal, and the audit. */
export interface LiveSubscriberPort {
  fetchAfter(subscriber: LiveSubscriber, afterPosition: string): Promise<LiveFetchResult>;
  /**
   * Records the read before the entries leave. `refused`: access ended, send nothing and end;
   * `failed`: the audit could not be written, send nothing now and try again later.
   */
  audit(
    subscriber: LiveSubscriber,
    entries: readonly TimelineEntryView[],
  ): Promise<'recorded' | 'refused' | 'failed'>;
  closed(subscriber: LiveSubscriber): void;
}

/** Who subscribed to what. */
export interface LiveSubscription {
  readonly pathId: string;
  readonly principal: Principal;
  /** The SSE route's template, for the audit. */
  readonly route: string;
  /** The HTTP request that opened the stream. */
  readonly requestId: string;
  readonly correlationId: string | null;
  /** Meeting mode: only entries every one of these organisations may see. */
  readonly visibleToAllOf?: readonly string[];
  /** When the bearer token the stream was opened with expires (ms since the epoch). */
  readonly expiresAt?: number;
}

function isAfter(a: string, b: string): boolean {
  return BigInt(a) > BigInt(b);
}

/**
 * One open live stream. Notices only poke it; it fetches what follows its last position under
 * its own principal, with at most one fetch in flight: pokes during a fetch make one more
 * fetch after it, never a second one beside it, so entries leave in order and exactly once.
 */
export class LiveSubscriber {
  private inFlight: Promise<void> | undefined;
  private again = false;
  private ended = false;

  constructor(
    readonly subscription: LiveSubscription,
    private position: string,
    private readonly sink: LiveSink,
    private readonly port: LiveSubscriberPort,
  ) {}

  /** The last position sent (or resumed from). */
  get lastPosition(): string {
    return this.position;
  }

  get isOpen(): boolean {
    return !this.ended;
  }

  /** Whether a notice up to `position` may hold something this subscriber has not had. */
  isBehind(position: string): boolean {
    return isAfter(position, this.position);
  }

  /** Something may have been appended: fetch it, now or right after the fetch in flight. */
  poke(): Promise<void> {
    if (this.ended || this.expired()) {
      return Promise.resolve();
    }
    if (this.inFlight !== undefined) {
      this.again = true;
      return this.inFlight;
    }
    this.inFlight = this.drain().finally(() => {
      this.inFlight = undefined;
      // A poke between the drain's last check and now would otherwise be lost.
      if (this.again) {
        void this.poke();
      }
    });
    return this.inFlight;
  }

  heartbeat(): void {
    if (!this.ended && !this.expired()) {
      this.sink.write(sseComment('heartbeat'));
    }
  }

  /**
   * Ends the stream once the token it was opened with has expired: a stream reads for its
   * caller no longer than a request could. The client reconnects with a fresh token.
   */
  private expired(): boolean {
    const { expiresAt } = this.subscription;
    if (expiresAt === undefined || Date.now() < expiresAt) {
      return false;
    }
    this.end('token-expired');
    return true;
  }

  /** Sends `event: end` and closes: the subscriber may no longer see the path. */
  end(reason: string): void {
    if (this.ended) {
      return;
    }
    this.sink.write(sseMessage({ event: 'end', data: { reason } }));
    this.close();
  }

  /** Closes without a word (the client went away, or the gateway stops). */
  close(): void {
    if (this.ended) {
      return;
    }
    this.ended = true;
    this.sink.close();
    this.port.closed(this);
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      if (this.expired()) {
        return;
      }
      const result = await this.port.fetchAfter(this, this.position);
      if (this.ended) {
        return;
      }
      switch (result.kind) {
        case 'gone':
          this.end('no-access');
          return;
        case 'failed':
          return;
        case 'gap':
          this.position = isAfter(result.newest, this.position) ? result.newest : this.position;
          this.sink.write(
            sseMessage({ id: this.position, event: 'reset', data: { position: this.position } }),
          );
          break;
        case 'entries':
          if (!(await this.push(result.entries))) {
            // Not sent (the audit failed or refused): the next poke fetches the same again.
            return;
          }
          if (result.more) {
            this.again = true;
          }
          break;
      }
    } while (this.again && !this.ended);
  }

  /** Audits and sends the entries not sent yet; false when nothing could be sent. */
  private async push(entries: readonly TimelineEntryView[]): Promise<boolean> {
    const fresh = entries.filter((entry) => isAfter(entry.position, this.position));
    if (fresh.length === 0) {
      return true;
    }
    const audited = await this.port.audit(this, fresh);
    if (audited === 'refused') {
      this.end('no-access');
    }
    if (audited !== 'recorded' || this.ended) {
      return false;
    }
    for (const entry of fresh) {
      this.sink.write(sseMessage({ id: entry.position, event: 'entry', data: entry }));
      this.position = entry.position;
    }
    return true;
  }
}
