import {
  dashboardsTestConfig,
  startDashboardsService,
  waitForConsumed,
  type DashboardsService,
} from './support/dashboards-service';
import { cellsCountedFromFacts, storedCells } from './support/cells';
import { expectedFacts, factRowsOf, pathEventsOf } from './support/fact-rows';
import { yearOfPaths } from './support/scenario';
import { publishSealed, rebuildByReplay, shuffled } from '@polku/testing';
import { DASHBOARDS_PROJECTION } from './support/rebuild';

const scenario = yearOfPaths();
const pathIds = Object.values(scenario.paths).map((path) => path.pathId);
const ids = scenario.events.map((event) => event.envelope.id);

async function snapshot(service: DashboardsService) {
  return {
    facts: await factRowsOf(service.dataSource, pathIds),
    events: await pathEventsOf(service.dataSource, pathIds),
    // Each test's database is its own, so every cell is the scenario's.
    cells: await storedCells(service.dataSource),
  };
}

describe('the dashboards rebuilt by replay', () => {
  let live: Awaited<ReturnType<typeof snapshot>>;
  let recounted: Awaited<ReturnType<typeof cellsCountedFromFacts>>;

  it('should hold the same rows when emptied and replayed from the stream', async () => {
    const config = dashboardsTestConfig();
    let service = await startDashboardsService(config);
    try {
      await publishSealed(config, scenario.events);
      await waitForConsumed(service.dataSource, ids);
      live = await snapshot(service);
      recounted = await cellsCountedFromFacts(service.dataSource);
    } finally {
      await service.close();
    }
    expect(live.facts).toEqual(expectedFacts(scenario.events, pathIds));
    expect(live.facts.length).toBeGreaterThanOrEqual(30);
    expect(live.cells.day.length + live.cells.month.length).toBeGreaterThanOrEqual(10);
    expect(live.cells.sliceDay.length + live.cells.sliceMonth.length).toBeGreaterThanOrEqual(10);
    expect(live.cells).toEqual(recounted);

    // The operator command's work (docs/dashboards.md): rebuild-projection --all-durables.
    expect(await rebuildByReplay(config, DASHBOARDS_PROJECTION)).toEqual({
      path_event: 0,
      dashboard_fact: 0,
      dashboard_day_cell: 0,
      dashboard_month_cell: 0,
      dashboard_slice_day_cell: 0,
      dashboard_slice_month_cell: 0,
    });

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
