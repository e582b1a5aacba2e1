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
    for (const table of options.tables) {
      await em.query(`TRUNCATE TABLE "${table.replace(/"/g, '""')}"`);
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
