import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { addCalendarDays } from '@polku/timers';
import { FactPreviousDays1766500400000 } from '../src/database/migrations/1766500400000-fact-previous-days';
import { startDashboardsService, type DashboardsService } from './support/dashboards-service';
import { factRowsOf } from './support/fact-rows';
import { fact, seedFacts } from './support/facts';

// The migration that added the previous days fills them for the facts already stored. Its SQL
// must give every fact the same days the projection gives it (services/dashboards/src/
// projection/facts/client-marks.ts), or a region-wide view would count clients wrongly until a
// rebuild: facts are written by the projection, the days taken away and filled again by the
// migration (down, then up), and every row must be as it was.

/** Kinds with their own groups, and one without, with categories the contracts do not list. */
const KINDS = [
  { kind: 'EXIT', categories: ['STUDIES', 'SICK_LEAVE', 'OPEN_LABOUR_MARKET', 'NOT_LISTED'] },
  {
    kind: 'DECLINE',
    categories: ['REFERRAL:NO_CAPACITY', 'REFERRAL:OTHER', 'HANDOFF:OTHER', 'OTHER'],
  },
  { kind: 'FOLLOW_UP_STATUS', categories: ['STUDIES', 'MISSED'] },
  { kind: 'FOLLOW_UP', categories: ['DONE', 'MISSED'] },
  { kind: 'WAIT', categories: ['SERVICE', 'MEASURE'] },
  { kind: 'ANSWER_DELAY', categories: ['REFERRAL', 'HANDOFF'] },
] as const;

const draftArbitrary = fc.record({
  kind: fc.nat({ max: KINDS.length - 1 }),
  category: fc.nat({ max: 3 }),
  detail: fc.constantFrom(null, '1', '3', 'LABOUR_MARKET', 'ACCEPTED'),
  // Few days and paths: several facts of a path in a row, a group and a kind, on one day too.
  day: fc.nat({ max: 6 }),
  path: fc.nat({ max: 3 }),
  // Upper and lower case: code-unit order is not a locale's.
  key: fc.constantFrom('a', 'B', 'c', 'D', 'e1', 'E2'),
});

describe('dashboards: the previous days the migration fills', () => {
  let service: DashboardsService;

  beforeAll(async () => {
    service = await startDashboardsService();
    // A production database may order text by a language's rules (here the test server's is
    // C.UTF-8): the fill must not depend on it.
    await service.dataSource.query(
      'ALTER TABLE dashboard_fact ALTER COLUMN fact_key TYPE text COLLATE "fi-x-icu"',
    );
  });

  afterAll(async () => {
    await service?.close();
  });

  it('should fill every fact’s previous days as the projection writes them', async () => {
    const migration = new FactPreviousDays1766500400000();
    const filled = { row: 0, group: 0, kind: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(draftArbitrary, { minLength: 1, maxLength: 60 }),
        async (drafts) => {
          await service.dataSource.query(
            `TRUNCATE dashboard_fact, dashboard_day_cell, dashboard_month_cell,
                      dashboard_slice_day_cell, dashboard_slice_month_cell`,
          );
          const paths = Array.from({ length: 4 }, () => randomUUID());
          const facts = drafts.map((draft, at) => {
            const { kind, categories } = KINDS[draft.kind];
            return fact({
              pathId: paths[draft.path],
              factKey: `${draft.key}${at}`,
              kind,
              category: categories[draft.category % categories.length],
              detail: draft.detail,
              factDate: addCalendarDays('2025-03-01', draft.day),
              orgId: paths[0],
            });
          });
          await seedFacts(service.dataSource, facts);
          const projected = await factRowsOf(service.dataSource, paths);
          for (const row of projected) {
            filled.row += row.prevInRow === null ? 0 : 1;
            filled.group += row.prevInGroup === null ? 0 : 1;
            filled.kind += row.prevInKind === null ? 0 : 1;
          }

          const queryRunner = service.dataSource.createQueryRunner();
          try {
            await migration.down(queryRunner);
            await migration.up(queryRunner);
          } finally {
            await queryRunner.release();
          }

          expect(await factRowsOf(service.dataSource, paths)).toEqual(projected);
        },
      ),
      { numRuns: 25 },
    );
    // The runs had previous days to fill at every level, not only NULLs.
    expect(Object.values(filled).every((count) => count > 0)).toBe(true);
  });
});
