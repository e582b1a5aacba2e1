import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  DASHBOARD_COMMANDS,
  DESTINATION_CATEGORIES_BY_GROUP,
  type DashboardPeriod,
  type DashboardScope,
  type DashboardTable,
  type DashboardViewName,
} from '@polku/contracts';
import { addCalendarDays } from '@polku/timers';
import { periodStart } from '../src/filters/periods';
import { startDashboardsService, type DashboardsService } from './support/dashboards-service';
import {
  factsOfCell,
  percentileDisc,
  problemOfCount,
  type RowOfFact,
} from './support/expected-figures';
import { fact, person, seedFacts, type Fact } from './support/facts';

// Every figure a view shows equals the same figure counted directly from the facts, over random
// fact sets, periods and filters: the SQL (bucketing, filters, scope) against a plain count. The
// facts fall on a few paths, so that a client has several facts in a cell, a row or a whole, and
// a cell is hidden as small by its clients, not its facts. REGION scope without a filter is
// counted from the region's cells (services/dashboards/src/views/fact-source.ts), with one
// from the facts themselves.
const groupOfDestination = (category: string) =>
  Object.entries(DESTINATION_CATEGORIES_BY_GROUP).find(([, categories]) =>
    (categories as readonly string[]).includes(category),
  )![0];
const prefix = (category: string) => category.split(':')[0];

const VIEWS: readonly {
  readonly view: DashboardViewName;
  readonly kind: string;
  readonly categories: readonly string[];
  /** The details a fact may have (none when not given), drawn apart from its category. */
  readonly details?: readonly string[];
  readonly rowOf: RowOfFact;
}[] = [
  {
    view: 'destinations',
    kind: 'EXIT',
    categories: ['OPEN_LABOUR_MARKET', 'PENSION', 'STUDIES', 'RETURNED_TO_VTM'],
    rowOf: (one) => ({ group: groupOfDestination(one.category), key: one.category }),
  },
  {
    view: 'decline-reasons',
    kind: 'DECLINE',
    categories: ['REFERRAL:NO_CAPACITY', 'REFERRAL:OTHER', 'HANDOFF:NOT_SUITABLE'],
    rowOf: (one) => ({ group: prefix(one.category), key: one.category.split(':')[1] }),
  },
  {
    view: 'follow-ups',
    kind: 'FOLLOW_UP',
    categories: ['DONE', 'MISSED', 'OPEN'],
    rowOf: (one) => ({ key: one.category }),
  },
  {
    view: 'overdue-trends',
    kind: 'OVERDUE',
    categories: ['FollowUpMissed', 'HandoffEscalated:MANAGER'],
    rowOf: (one) => ({ group: prefix(one.category), key: one.category }),
  },
  {
    view: 'time-in-step',
    kind: 'STATE_TIME',
    categories: ['INTAKE', 'IN_MEASURE'],
    rowOf: (one) => ({ key: one.category }),
  },
  {
    // An answer delay's row is its answer within its category: finer than the category.
    view: 'waiting',
    kind: 'ANSWER_DELAY',
    categories: ['REFERRAL', 'HANDOFF'],
    details: ['ACCEPTED', 'DECLINED'],
    rowOf: (one) => ({ group: `${one.category}_ANSWER`, key: one.detail! }),
  },
  {
    view: 'goal-attainment',
    kind: 'GAS',
    categories: ['-1', '0', '+2'],
    rowOf: (one) => ({ key: one.category }),
  },
];

const FIRST_DAY = '2025-01-01';
const MUNICIPALITIES = ['205', '290'] as const;
const AGE_BANDS = ['AGE_18_24', 'AGE_25_29', 'AGE_30_39'] as const;

/** A fact as fast-check draws it; the organisations are the run's own (see below). */
const draftArbitrary = fc.record({
  view: fc.nat({ max: VIEWS.length - 1 }),
  category: fc.nat({ max: 3 }),
  day: fc.nat({ max: 200 }),
  mine: fc.boolean(),
  days: fc.nat({ max: 60 }),
  // Most facts on three paths: cells of many facts and few clients.
  path: fc.oneof(
    { arbitrary: fc.nat({ max: 2 }), weight: 3 },
    { arbitrary: fc.nat({ max: 40 }), weight: 1 },
  ),
});

type Draft = typeof draftArbitrary extends fc.Arbitrary<infer T> ? T : never;

function factOf(draft: Draft, mine: string, other: string, paths: readonly string[]): Fact {
  const { kind, categories, details } = VIEWS[draft.view];
  return fact({
    pathId: paths[draft.path],
    kind,
    category: categories[draft.category % categories.length],
    detail:
      details === undefined
        ? null
        : details[Math.floor(draft.category / categories.length) % details.length],
    factDate: addCalendarDays(FIRST_DAY, draft.day),
    orgId: draft.mine ? mine : other,
    // A path's facts all have its municipality and age band, as the projection gives them (from the
    // path's latest intake: services/dashboards/src/projection/facts/fact-row.ts).
    municipality: MUNICIPALITIES[draft.path % MUNICIPALITIES.length],
    ageBand: AGE_BANDS[draft.path % AGE_BANDS.length],
    days: draft.days,
  });
}

/** Each run's facts are asked for in both scopes, with and without a filter. */
const ASKED: readonly { scope: DashboardScope; municipality?: string; ageBand?: string }[] = [
  { scope: 'ORGANISATION' },
  { scope: 'ORGANISATION', municipality: '205' },
  { scope: 'REGION' },
  // A slice's cells (docs/adr/0022-slice-cells.md), and both filters: the facts alone.
  { scope: 'REGION', municipality: '205' },
  { scope: 'REGION', ageBand: 'AGE_25_29' },
  { scope: 'REGION', municipality: '205', ageBand: 'AGE_30_39' },
];

/** Every cell of a view's table against the facts it counts: the count, or the percentile. */
function expectFigures(
  table: DashboardTable,
  ofKind: readonly Fact[],
  rowOf: RowOfFact,
  period: DashboardPeriod,
): void {
  const rows = [
    ...table.rows.map((row) => ({ row, ref: { group: row.group, key: row.key } })),
    ...(table.total ? [{ row: table.total, ref: 'total' as const }] : []),
  ];
  for (const { row, ref } of rows) {
    row.cells.forEach((cell, column) => {
      const kindOfColumn = table.columns[column].kind;
      const cellFacts = factsOfCell(table, ofKind, rowOf, ref, column, period);
      const where = `${table.scope} ${table.view} ${JSON.stringify(ref)} ${table.columns[column].key}`;
      if (kindOfColumn === 'PERIOD' || kindOfColumn === 'TOTAL') {
        expect({ where, problem: problemOfCount(cell, cellFacts) }).toEqual({
          where,
          problem: undefined,
        });
      } else if (kindOfColumn !== 'SHARE' && cell.suppressed === undefined) {
        const p = kindOfColumn === 'MEDIAN_DAYS' ? 0.5 : 0.9;
        const days = cellFacts.map((one) => one.days!);
        expect({ where, value: cell.value }).toEqual({ where, value: percentileDisc(days, p) });
      }
    });
  }
}

describe('dashboards: every figure as counted from the facts (property)', () => {
  let service: DashboardsService;

  beforeAll(async () => {
    service = await startDashboardsService();
  });

  afterAll(async () => {
    await service?.close();
  });

  it('should show each count, median and 90th percentile as the facts give them, or hide it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          drafts: fc.array(draftArbitrary, { maxLength: 250, size: 'medium' }),
          period: fc.constantFrom<DashboardPeriod>('WEEK', 'MONTH', 'QUARTER'),
          from: fc.nat({ max: 60 }).map((day) => addCalendarDays(FIRST_DAY, day)),
          to: fc.nat({ max: 60 }).map((day) => addCalendarDays(FIRST_DAY, 140 + day)),
        }),
        async ({ drafts, period, from, to }) => {
          // A REGION answer counts every fact of the database: only this run's are kept.
          await service.dataSource.query(
            `TRUNCATE dashboard_fact, dashboard_day_cell, dashboard_month_cell,
                      dashboard_slice_day_cell, dashboard_slice_month_cell`,
          );
          // Every run counts an organisation of its own, beside another one's facts.
          const orgId = randomUUID();
          const other = randomUUID();
          const paths = Array.from({ length: 41 }, () => randomUUID());
          const mine = drafts.map((draft) => factOf(draft, orgId, other, paths));
          await seedFacts(service.dataSource, mine);
          const first = periodStart(period, from);
          for (const { scope, municipality, ageBand } of ASKED) {
            const counted = mine.filter(
              (one: Fact) =>
                (scope === 'REGION' || one.orgId === orgId) &&
                one.factDate >= first &&
                one.factDate <= to &&
                (municipality === undefined || one.municipality === municipality) &&
                (ageBand === undefined || one.ageBand === ageBand),
            );
            for (const { view, kind, rowOf } of VIEWS) {
              const table = await service.ask<DashboardTable>(
                DASHBOARD_COMMANDS.view,
                person(orgId, 'MANAGER'),
                {
                  view,
                  scope,
                  period,
                  from,
                  to,
                  ...(municipality ? { municipality } : {}),
                  ...(ageBand ? { ageBand } : {}),
                },
              );
              expectFigures(
                table,
                counted.filter((one) => one.kind === kind),
                rowOf,
                period,
              );
            }
          }
        },
      ),
      { numRuns: 10 },
    );
  });
});
