import { CONSUMED_EVENT_SUBJECTS, natsLinkOptionsFor, OPERATOR } from '@polku/bus-permissions';
import type { ServiceConfig } from '@polku/config';
import { durableName, NatsLink, rebuildProjection, streamNames } from '@polku/messaging';
import { openServiceDataSource } from '@polku/persistence';
import { DASHBOARDS_MIGRATIONS, DASHBOARDS_PROJECTION_TABLES } from '../../src/database/schema';

/**
 * The operator command's work with the service stopped (docs/dashboards.md, "Rebuild"):
 * `rebuild-projection --all-durables` with the projection's tables. The next start provisions
 * the durables again and replays the whole stream into the empty tables.
 */
export async function rebuildByReplay(config: ServiceConfig): Promise<void> {
  const dataSource = await openServiceDataSource({
    service: 'dashboards',
    config,
    entities: [],
    migrations: DASHBOARDS_MIGRATIONS,
  });
  const link = new NatsLink(natsLinkOptionsFor(config, OPERATOR, 'polku-test-rebuild'));
  try {
    await rebuildProjection({
      dataSource,
      link,
      stream: streamNames(config.NATS_NAMESPACE).events,
      durables: CONSUMED_EVENT_SUBJECTS.dashboards.map((subject) =>
        durableName('dashboards', subject),
      ),
      tables: [...DASHBOARDS_PROJECTION_TABLES],
    });
  } finally {
    await link.close();
    await dataSource.destroy();
  }
}
