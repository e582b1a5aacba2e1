import { CONSUMED_EVENT_SUBJECTS, natsLinkOptionsFor, OPERATOR } from '@polku/bus-permissions';
import { durableName, NatsLink, rebuildProjection, streamNames } from '@polku/messaging';
import { openServiceDataSource } from '@polku/persistence';
import { DASHBOARDS_MIGRATIONS, DASHBOARDS_PROJECTION_TABLES } from '../src/database/schema';
import {
  dashboardsTestConfig,
  startDashboardsService,
  waitForConsumed,
  type DashboardsService,
} from './support/dashboards-service';
import { publishSealed, shuffled } from './support/envelopes';
import { expectedFacts, factRowsOf, pathEventsOf } from './support/fact-rows';
import { yearOfPaths } from './support/scenario';

const scenario = yearOfPaths();
const pathIds = Object.values(scenario.paths).map((path) => path.pathId);
const ids = scenario.events.map((event) => event.envelope.id);

async function snapshot(service: DashboardsService) {
  return {
    facts: await factRowsOf(service.dataSource, pathIds),
    events: await pathEventsOf(service.dataSource, pathIds),
  };
}

describe('the dashboards rebuilt by replay', () => {
  let live: Awaited<ReturnType<typeof snapshot>>;

  it('should hold the same rows when emptied and replayed from the stream', async () => {
    const config = dashboardsTestConfig();
    let service = await startDashboardsService(config);
    try {
      await publishSealed(config, scenario.events);
      await waitForConsumed(service.dataSource, ids);
      live = await snapshot(service);
    } finally {
      await service.close();
    }
    expect(live.facts).toEqual(expectedFacts(scenario.events, pathIds));
    expect(live.facts.length).toBeGreaterThanOrEqual(30);

    // The operator command's work (docs/dashboards.md): rebuild-projection --all-durables.
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
        // What --all-durables names: one durable per consumed subject.
        durables: CONSUMED_EVENT_SUBJECTS['dashboards'].map((subject) =>
          durableName('dashboards', subject),
        ),
        tables: [...DASHBOARDS_PROJECTION_TABLES],
      });
      expect(await dataSource.query('SELECT 1 FROM path_event')).toEqual([]);
      expect(await dataSource.query('SELECT 1 FROM dashboard_fact')).toEqual([]);
    } finally {
      await link.close();
      await dataSource.destroy();
    }

    service = await startDashboardsService(config);
    try {
      await waitForConsumed(service.dataSource, ids);
      expect(await snapshot(service)).toEqual(live);
    } finally {
      await service.close();
    }
  });

  it('should come to the same rows when the events arrive one by one in another order', async () => {
    const service = await startDashboardsService();
    try {
      for (const event of shuffled(scenario.events, 20261223)) {
        await publishSealed(service.config, [event]);
        await waitForConsumed(service.dataSource, [event.envelope.id]);
      }
      expect(await snapshot(service)).toEqual(live);
    } finally {
      await service.close();
    }
  });
});
