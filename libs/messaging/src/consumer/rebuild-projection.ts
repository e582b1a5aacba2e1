import { jetstreamManager } from '@nats-io/jetstream';
import type { DataSource } from 'typeorm';
import type { NatsLink } from '../nats-link';

/** What rebuildProjection empties and replays. */
export interface RebuildProjectionOptions {
  readonly dataSource: DataSource;
  readonly link: NatsLink;
  readonly stream: string;
  /** The durable consumers that feed the projection. */
  readonly durables: readonly string[];
  /** The projection's tables, emptied before the replay. */
  readonly tables: readonly string[];
}

/**
 * Empties a projection and forgets what its consumers processed, so that on the next start
 * they replay the whole stream from the first event into the empty tables. Run it while the
 * service is stopped; a replay gives the same rows as live processing (handlers are
 * deterministic functions of the events).
 */
export async function rebuildProjection(options: RebuildProjectionOptions): Promise<void> {
  await options.dataSource.transaction(async (em) => {
    // One statement for every table: PostgreSQL truncates a table another one references by a
    // foreign key only together with it.
    const tables = options.tables.map((table) => `"${table.replace(/"/g, '""')}"`);
    if (tables.length > 0) {
      await em.query(`TRUNCATE TABLE ${tables.join(', ')}`);
    }
    await em.query('DELETE FROM inbox_message WHERE consumer = ANY($1)', [[...options.durables]]);
  });
  const jsm = await jetstreamManager(await options.link.connect());
  for (const durable of options.durables) {
    try {
      await jsm.consumers.delete(options.stream, durable);
    } catch (error) {
      if (!/not found/i.test(String(error))) {
        throw error;
      }
    }
  }
}
