import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MEETING_COMMANDS, type TimelineSinceReply } from '@polku/contracts';
import { RemoteServiceError } from '@polku/messaging';
import { ServiceCommandBus } from '../service-client/service-command-bus';
import type { LiveFetchResult, LiveSubscription } from './live-subscriber';

/** Entries asked for in one fetch; when that many come, the subscriber fetches again at once. */
export const LIVE_FETCH_LIMIT = 100;

/** Service answers that mean the subscriber may no longer see the path: the stream ends. */
const ACCESS_ENDED = new Set(['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED']);

/**
 * What decides which entries a fetch answers: the path, the position, the meeting filter and
 * who asks as the access policy sees a person — the organisation and the roles
 * (decidePathAccess and the timeline's visibility rule read nothing else of a principal).
 */
function sightKeyOf(subscription: LiveSubscription, afterPosition: string): string {
  const { principal } = subscription;
  return JSON.stringify([
    subscription.pathId,
    afterPosition,
    principal.orgId,
    principal.orgRole,
    [...principal.roles].sort(),
    subscription.visibleToAllOf ?? null,
  ]);
}

/**
 * Asks network-meetings for a subscriber's entries, each time with a freshly signed internal
 * token for that subscriber's principal: the service checks the path access on every fetch, so
 * a stream never shows what its subscriber could not read over REST at that moment. Streams that
 * would ask the same at the same time (a meeting's screens, colleagues of one organisation on
 * one path) share one fetch in flight: its answer is the same for each of them, and each push
 * is still decided and audited for its own subscriber (LiveAudit).
 */
@Injectable()
export class LiveTimelineFetcher {
  private readonly inFlight = new Map<string, Promise<LiveFetchResult>>();

  constructor(private readonly bus: ServiceCommandBus) {}

  /** The entries after `afterPosition`; `requestId` names the fetch in the audit and the logs. */
  after(
    subscription: LiveSubscription,
    afterPosition: string,
    requestId: string = randomUUID(),
  ): Promise<LiveFetchResult> {
    const key = sightKeyOf(subscription, afterPosition);
    const shared = this.inFlight.get(key);
    if (shared !== undefined) {
      return shared;
    }
    const fetch = this.fetchOnce(subscription, afterPosition, requestId).finally(() =>
      this.inFlight.delete(key),
    );
    this.inFlight.set(key, fetch);
    return fetch;
  }

  private async fetchOnce(
    subscription: LiveSubscription,
    afterPosition: string,
    requestId: string,
  ): Promise<LiveFetchResult> {
    try {
      const reply = await this.bus.send<TimelineSinceReply>(
        MEETING_COMMANDS.timelineSince,
        {
          pathId: subscription.pathId,
          afterPosition,
          limit: LIVE_FETCH_LIMIT,
          ...(subscription.visibleToAllOf === undefined
            ? {}
            : { visibleToAllOf: subscription.visibleToAllOf }),
        },
        // A notice announced what is there: no need to wait for the caller's own writes.
        { requestId, principal: subscription.principal, awaitOwnWrites: false },
      );
      if (reply.gapTooLarge) {
        return { kind: 'gap', newest: await this.newest(subscription) };
      }
      return {
        kind: 'entries',
        entries: reply.entries,
        more: reply.entries.length >= LIVE_FETCH_LIMIT,
      };
    } catch (error) {
      return accessEnded(error) ? { kind: 'gone' } : { kind: 'failed' };
    }
  }

  /**
   * The newest position the subscriber can see, where a new stream starts and a reset goes on
   * from; '0' on an empty timeline. An error is thrown on: the caller answers it.
   */
  async newest(subscription: LiveSubscription): Promise<string> {
    const page = await this.bus.send<{ items: readonly { position: string }[] }>(
      MEETING_COMMANDS.listTimeline,
      { pathId: subscription.pathId, limit: 1, order: 'desc' },
      { requestId: randomUUID(), principal: subscription.principal },
    );
    return page.items[0]?.position ?? '0';
  }
}

/** Whether a service's error says the caller may not (or no longer) see the path. */
export function accessEnded(error: unknown): boolean {
  return error instanceof RemoteServiceError && ACCESS_ENDED.has(error.body.code);
}
