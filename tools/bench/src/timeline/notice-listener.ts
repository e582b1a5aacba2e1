import { TIMELINE_APPENDED_SUBJECT, type TimelineAppendedNotice } from '@polku/contracts';
import { natsLinkOptionsFor, TEST_TOOLS } from '@polku/bus-permissions';
import type { ServiceConfig } from '@polku/config';
import { NatsLink, namespacedSubject } from '@polku/messaging';

/** One timeline notice as the bench overheard it on core NATS. */
export interface HeardNotice {
  readonly position: bigint;
  readonly heardAt: number;
}

/**
 * Overhears network-meetings' TIMELINE_APPENDED notices (core NATS, the gateways' subject) as
 * the test tools' user, to split the live lag at the notice: projection and commit before it,
 * the gateway's hub and HTTP after it.
 */
export interface NoticeListener {
  /** When the first notice naming `pathId` at `position` or later was heard; undefined if none. */
  heardFor(pathId: string, position: bigint): number | undefined;
  readonly count: number;
  close(): Promise<void>;
}

export async function listenToNotices(config: ServiceConfig): Promise<NoticeListener> {
  const link = new NatsLink(natsLinkOptionsFor(config, TEST_TOOLS, 'polku-bench-notices'));
  const nc = await link.connect();
  const byPath = new Map<string, HeardNotice[]>();
  let count = 0;
  const subscription = nc.subscribe(
    namespacedSubject(config.NATS_NAMESPACE, TIMELINE_APPENDED_SUBJECT),
    {
      callback: (error, message) => {
        if (error) {
          return;
        }
        const heardAt = performance.timeOrigin + performance.now();
        count += 1;
        const notice = message.json<TimelineAppendedNotice>();
        for (const { pathId, position } of notice.paths) {
          const heard = byPath.get(pathId) ?? [];
          heard.push({ position: BigInt(position), heardAt });
          byPath.set(pathId, heard);
        }
      },
    },
  );
  return {
    heardFor(pathId, position) {
      // Notices of one path arrive in order of time; the first that covers the position counts.
      return byPath.get(pathId)?.find((heard) => heard.position >= position)?.heardAt;
    },
    get count() {
      return count;
    },
    async close() {
      subscription.unsubscribe();
      await link.close();
    },
  };
}
