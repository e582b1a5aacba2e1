import { natsLinkOptionsFor, OPERATOR } from '@polku/bus-permissions';
import type { ServiceConfig } from '@polku/config';
import type { ServiceName } from '@polku/contracts';
import { durableName, NatsLink, rebuildProjection, streamNames } from '@polku/messaging';
import { openServiceDataSource, type ServicePersistenceOptions } from '@polku/persistence';

/** What a service's projection is made of, for {@link rebuildByReplay}. */
export interface ReplayedProjection {
  readonly service: ServiceName;
  readonly migrations: ServicePersistenceOptions['migrations'];
  /** The subjects whose durables are deleted: `--all-durables` names every consumed one. */
  readonly subjects: readonly string[];
  /** The projection's tables, emptied for the replay. */
  readonly tables: readonly string[];
}

/**
 * The operator's `rebuild-projection` with the service stopped (docs/runbook.md): the
 * projection's tables emptied and its durables deleted, so that the next start provisions them
 * again and replays the whole stream. Answers how many rows each table holds afterwards (all
 * 0 when it worked), for the test to say so.
 */
export async function rebuildByReplay(
  config: ServiceConfig,
  projection: ReplayedProjection,
): Promise<Record<string, number>> {
  const { service } = projection;
  const dataSource = await openServiceDataSource({
    service,
    config,
    entities: [],
    migrations: projection.migrations,
  });
  // Deleting durables is for the operator's NATS user only (docs/security.md).
  const link = new NatsLink(natsLinkOptionsFor(config, OPERATOR, 'polku-test-rebuild'));
  try {
    await rebuildProjection({
      dataSource,
      link,
      stream: streamNames(config.NATS_NAMESPACE).events,
      durables: projection.subjects.map((subject) => durableName(service, subject)),
      tables: [...projection.tables],
    });
    const rowsLeft: Record<string, number> = {};
    for (const table of projection.tables) {
      const [{ rows }] = await dataSource.query<{ rows: number }[]>(
        `SELECT count(*)::int AS rows FROM "${table}"`,
      );
      rowsLeft[table] = rows;
    }
    return rowsLeft;
  } finally {
    await link.close();
    await dataSource.destroy();
  }
}
