import {
  DASHBOARD_COMMANDS,
  DASHBOARD_VIEWS,
  type DashboardPage,
  type DashboardTable,
} from '@polku/contracts';
import { generateEventSet, Random, type EventSet } from '@polku/testing/dashboards';
import fc from 'fast-check';
import { DASHBOARDS_PROJECTION_TABLES } from '../src/database/schema';
import {
  dashboardsTestConfig,
  startDashboardsService,
  type DashboardsService,
} from './support/dashboards-service';
import { publishEvents, waitForProjected } from './support/event-feed';
import { factDifferences } from './support/oracle/fact-differences';
import { oracleFacts } from './support/oracle/oracle-facts';
import { askedFilters, viewsAgainstOracle } from './support/oracle/oracle-requests';
import { rebuildByReplay } from '@polku/testing';
import { DASHBOARDS_PROJECTION } from './support/rebuild';

// The dashboards against an oracle (docs/dashboards.md): random, realistic event sets published
// through JetStream in random order to the real service; every view asked over NATS as a manager
// must show what plain loops over the same events count. Replay a failure with the seed and
// path fast-check prints: DASHBOARDS_ORACLE_SEED=… DASHBOARDS_ORACLE_PATH=… (docs/testing.md).

const RUNS = Number(process.env.DASHBOARDS_ORACLE_RUNS ?? 3);
const SEED =
  process.env.DASHBOARDS_ORACLE_SEED === undefined
    ? undefined
    : Number(process.env.DASHBOARDS_ORACLE_SEED);
const PATH = process.env.DASHBOARDS_ORACLE_PATH;

const eventSets = fc.record({
  // Unbiased: two runs of one seed would share event ids, which JetStream drops as duplicates.
  seed: fc.noBias(fc.integer({ min: 1, max: 2 ** 31 - 1 })),
  paths: fc.integer({ min: 80, max: 160 }),
  orgs: fc.integer({ min: 4, max: 8 }),
  spanDays: fc.integer({ min: 200, max: 730 }),
  order: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  provider: fc.nat(),
});

type Drawn = typeof eventSets extends fc.Arbitrary<infer T> ? T : never;

/** The set drawn, in a random order of publication. */
function drawnSet(drawn: Drawn): { set: EventSet; order: EventSet['events'] } {
  const set = generateEventSet({ ...drawn, now: new Date() });
  const random = new Random(drawn.order);
  const order = [...set.events];
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return { set, order };
}

async function compare(service: DashboardsService, drawn: Drawn, set: EventSet) {
  const providers = set.orgs.filter((org) => org.kind === 'PROVIDER');
  const facts = oracleFacts(set.events);
  const asked = askedFilters(set, providers[drawn.provider % providers.length]);
  const result = await viewsAgainstOracle(
    (principal, query) => service.ask<DashboardTable>(DASHBOARD_COMMANDS.view, principal, query),
    facts,
    asked,
    set.today,
  );
  // The page is every view under the same filters, as each answers alone.
  const page = await service.ask<DashboardPage>(
    DASHBOARD_COMMANDS.page,
    asked[0].manager,
    asked[0].filters,
  );
  const pageProblems =
    JSON.stringify(page.views) === JSON.stringify(result.tables.slice(0, DASHBOARD_VIEWS.length))
      ? []
      : [`the page (${asked[0].name}) differs from its views asked one by one`];
  return { ...result, problems: [...result.problems, ...pageProblems], facts };
}

/** What a failed comparison says: the first differences, and the facts behind them. */
async function failure(service: DashboardsService, problems: string[], facts: object[]) {
  const behind = await factDifferences(service.dataSource, facts as never);
  return [
    `${problems.length} differences from the oracle, the first:`,
    ...problems.slice(0, 30),
    behind.length === 0 ? 'the projection keeps the facts the oracle derives' : 'facts:',
    ...behind,
  ].join('\n');
}

describe('the dashboards against an oracle over the same events', () => {
  it('should show every figure the oracle counts, and hide the same small cells', async () => {
    const service = await startDashboardsService(dashboardsTestConfig());
    const seeds = new Set<number>();
    try {
      await fc.assert(
        fc.asyncProperty(eventSets, async (drawn) => {
          fc.pre(!seeds.has(drawn.seed));
          seeds.add(drawn.seed);
          // A fresh projection for each set; the stream's earlier events stay consumed.
          await service.dataSource.query(`TRUNCATE ${DASHBOARDS_PROJECTION_TABLES.join(', ')}`);
          const { set, order } = drawnSet(drawn);
          await publishEvents(service.config, order);
          await waitForProjected(service.dataSource, order);
          const started = performance.now();
          const { problems, facts, tally } = await compare(service, drawn, set);
          if (process.env.DASHBOARDS_ORACLE_VERBOSE === 'true') {
            process.stdout.write(
              `${set.events.length} events, ${tally.shown} counts shown and ${tally.small} ` +
                `small cells compared in ${Math.round(performance.now() - started)} ms\n`,
            );
          }
          if (problems.length > 0) {
            throw new Error(await failure(service, problems, facts));
          }
          // Not an empty comparison: figures were shown and small cells hidden.
          expect(tally.shown).toBeGreaterThan(30);
          expect(tally.small).toBeGreaterThan(0);
        }),
        // No shrinking: a smaller set of the same seed has the same event ids, which JetStream
        // would drop as duplicates. The seed alone replays the run.
        {
          numRuns: RUNS,
          seed: SEED,
          ...(PATH === undefined ? {} : { path: PATH }),
          endOnFailure: true,
        },
      );
    } finally {
      await service.close();
    }
  }, 300_000);

  it('should answer the same after a rebuild by replay into empty tables', async () => {
    const config = dashboardsTestConfig();
    // One set, smaller: this test is about the replay, the other about the figures.
    const drawn: Drawn = {
      ...fc.sample(eventSets, { seed: SEED ?? 20261207, numRuns: 1 })[0],
      paths: 80,
    };
    const { set, order } = drawnSet(drawn);
    let service = await startDashboardsService(config);
    let live: { problems: string[]; tables: DashboardTable[] };
    try {
      await publishEvents(config, order);
      await waitForProjected(service.dataSource, order);
      live = await compare(service, drawn, set);
    } finally {
      await service.close();
    }
    await rebuildByReplay(config, DASHBOARDS_PROJECTION);
    service = await startDashboardsService(config);
    try {
      await waitForProjected(service.dataSource, order);
      const replayed = await compare(service, drawn, set);
      expect(replayed.tables).toEqual(live.tables);
      expect(replayed.problems).toEqual([]);
    } finally {
      await service.close();
    }
  }, 300_000);
});
