import { setTimeout as sleep } from 'node:timers/promises';
import type { GatewayApi } from './driver/gateway-api';
import { inPool } from './simulation/pool';

/** The projections' lag after the last command: the shared timeline is one of them. */
const SETTLE_MS = 2_000;

/**
 * The events on each path's shared timeline (docs/meetings.md), counted by type, as the worker
 * who acted on the path last reads it: every service's events, the timers' included, as far as
 * that organisation may see them (nearly all: the client consented to it for every class the
 * generator uses).
 */
export async function countEvents(
  api: GatewayApi,
  paths: readonly { readonly pathId: string; readonly reader: string }[],
  concurrency: number,
): Promise<Record<string, number>> {
  await sleep(SETTLE_MS);
  const counts: Record<string, number> = {};
  await inPool(paths, concurrency, async ({ pathId, reader }) => {
    let cursor: string | undefined;
    do {
      const query = `limit=100${cursor === undefined ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
      const page = await api.call('GET', `/paths/${pathId}/timeline?${query}`, reader);
      if (page.status !== 200) {
        return;
      }
      for (const entry of page.body.items as { eventType: string }[]) {
        counts[entry.eventType] = (counts[entry.eventType] ?? 0) + 1;
      }
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor !== undefined);
  });
  return counts;
}
