import type { DataSource } from 'typeorm';

/**
 * Which of `ids` the durables `consumers` are done with: handled (an inbox row) or given up on
 * (a dead-letter row, so nothing will wait for it for ever). The inbox part is a lookup by its
 * primary key (consumer, message_id); dead letters are few in a healthy system.
 */
const PROCESSED_AMONG = `
  SELECT message_id FROM inbox_message WHERE consumer = ANY($1::text[]) AND message_id = ANY($2::text[])
  UNION
  SELECT message_id FROM dead_letter WHERE consumer = ANY($1::text[]) AND message_id = ANY($2::text[])`;

/** The ids among `ids` that one of `consumers` has processed, in this service's database. */
export async function processedEventIds(
  dataSource: DataSource,
  { consumers, ids }: { readonly consumers: readonly string[]; readonly ids: readonly string[] },
): Promise<Set<string>> {
  if (consumers.length === 0 || ids.length === 0) {
    return new Set();
  }
  const rows = await dataSource.query<{ message_id: string }[]>(PROCESSED_AMONG, [consumers, ids]);
  return new Set(rows.map((row) => row.message_id));
}
