import type { Principal } from '@polku/auth';
import { eventContractFor, type DataClass, type TimelineEntryView } from '@polku/contracts';
import type { DataSource } from 'typeorm';
import { waitFor } from '@polku/testing';
import type { PublishedEvent } from './three-party-path';

/** Waits until every published event of the path is on its timeline. */
export async function waitForTimeline(
  dataSource: DataSource,
  pathId: string,
  count: number,
): Promise<void> {
  await waitFor(
    async () => {
      const [row] = await dataSource.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM timeline_entry WHERE path_id = $1',
        [pathId],
      );
      return row.n >= count ? true : undefined;
    },
    { description: `${count} timeline entries of the path` },
  );
}

/** The data class an event's contract gives it. */
export function dataClassOf(event: PublishedEvent): DataClass {
  const contract = eventContractFor(event.subject);
  if (contract === undefined) {
    throw new Error(`no contract for ${event.subject}`);
  }
  return contract.dataClass;
}

/** The ids of a page's entries, in order. */
export const idsOf = (entries: readonly TimelineEntryView[]) => entries.map((e) => e.eventId);

/** Every page of a caller's timeline, following nextCursor to the end. */
export async function readWholeTimeline(
  ask: <T>(subject: string, principal: Principal, data: unknown) => Promise<T>,
  subject: string,
  principal: Principal,
  query: Record<string, unknown>,
): Promise<{ entries: TimelineEntryView[]; pages: number }> {
  const entries: TimelineEntryView[] = [];
  let cursor: string | null | undefined;
  let pages = 0;
  do {
    const page = await ask<{ items: TimelineEntryView[]; nextCursor: string | null }>(
      subject,
      principal,
      { ...query, ...(cursor ? { cursor } : {}) },
    );
    entries.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor);
  return { entries, pages };
}
