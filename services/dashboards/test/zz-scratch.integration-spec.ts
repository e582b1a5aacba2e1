import { generateEventSet } from '@polku/testing/dashboards';
import { provisionTestBus } from '@polku/testing';
import { dashboardsTestConfig, startDashboardsService } from './support/dashboards-service';
import { publishEvents, waitForProjected } from './support/event-feed';
import { factDifferences } from './support/oracle/fact-differences';
import { oracleFacts } from './support/oracle/oracle-facts';

it('scratch', async () => {
  const config = dashboardsTestConfig();
  await provisionTestBus(config);
  const service = await startDashboardsService(config);
  try {
    for (const seed of (process.env.SEEDS ?? '1').split(',').map(Number)) {
      await service.dataSource.query('TRUNCATE path_event, dashboard_fact');
      const set = generateEventSet({
        seed,
        paths: Number(process.env.PATHS ?? 300),
        orgs: 6,
        validate: false,
      });
      await publishEvents(config, set.events);
      await waitForProjected(service.dataSource, set.events);
      const diffs = await factDifferences(service.dataSource, oracleFacts(set.events), 8);
      console.log(`seed ${seed}: ${set.events.length} events\n${diffs.join('\n')}`);
    }
  } finally {
    await service.close();
  }
}, 900000);
