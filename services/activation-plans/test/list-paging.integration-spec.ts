import { encodeCursor, PLAN_COMMANDS } from '@polku/contracts';
import { MEASURES_SORT } from '../src/measures/measure.repository';
import { agreePlanBody, daysFromToday, startMeasureBody } from './support/plan-bodies';
import { startPlansService, type PlansService } from './support/plans-service';
import { seedPath, type SeededPath } from './support/seeded-path';

// Every list of activation-plans pages (issue 15): walked page by page through the real
// service on NATS and PostgreSQL, the pages are disjoint and together the whole list in its
// order; a limit above 100 and a cursor of another list are refused before any SQL runs.
const LIMIT = 2;

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

describe('paging of the lists of activation-plans', () => {
  let service: PlansService;
  let path: SeededPath;
  /** A path of its own for the measures: each one ends and the plan is revised before the next. */
  let measuresPath: SeededPath;

  beforeAll(async () => {
    service = await startPlansService();
    path = await seedPath(service.dataSource);
    measuresPath = await seedPath(service.dataSource);
    for (const seeded of [path, measuresPath]) {
      await service.ask(PLAN_COMMANDS.agreePlan, seeded.employmentAuthority, {
        pathId: seeded.pathId,
        body: agreePlanBody(seeded),
      });
    }
  });

  afterAll(async () => {
    await service.close();
  });

  async function allPages<T>(
    subject: string,
    { limit = LIMIT, of = path }: { limit?: number; of?: SeededPath } = {},
  ): Promise<Page<T>[]> {
    const pages: Page<T>[] = [];
    let cursor: string | undefined;
    do {
      const page = await service.ask<Page<T>>(subject, of.provider, {
        pathId: of.pathId,
        limit,
        ...(cursor === undefined ? {} : { cursor }),
      });
      pages.push(page);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined && pages.length < 50);
    return pages;
  }

  /** The pages hold at most LIMIT items each, none twice, and end with a null cursor. */
  function keysOf<T>(pages: readonly Page<T>[], key: (item: T) => string): string[] {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      expect(page.items.length).toBeLessThanOrEqual(LIMIT);
    }
    expect(pages.at(-1)?.nextCursor).toBeNull();
    const keys = pages.flatMap((page) => page.items.map(key));
    expect(new Set(keys).size).toBe(keys.length);
    return keys;
  }

  it('should page the measures of a path oldest first, disjoint and complete', async () => {
    const started: string[] = [];
    for (const [index, startDate] of ['2027-01-11', '2027-02-08', '2027-03-08'].entries()) {
      // One measure runs at a time, and the plan is revised for the next step in between.
      if (index > 0) {
        await service.ask(PLAN_COMMANDS.endMeasure, measuresPath.provider, {
          pathId: measuresPath.pathId,
          id: started[index - 1],
          expectedVersion: 1,
          body: { endDate: startDate, endReason: 'COMPLETED' },
        });
        await service.ask(PLAN_COMMANDS.revisePlan, measuresPath.employmentAuthority, {
          pathId: measuresPath.pathId,
          expectedVersion: index,
          body: {
            ...agreePlanBody(measuresPath),
            reviewDate: daysFromToday(100 + index),
            reasonCategory: 'TRANSITION',
          },
        });
      }
      const measure = await service.ask<{ measureId: string }>(
        PLAN_COMMANDS.startMeasure,
        measuresPath.provider,
        { pathId: measuresPath.pathId, body: startMeasureBody({ startDate }) },
      );
      started.push(measure.measureId);
    }

    const pages = await allPages<{ measureId: string }>(PLAN_COMMANDS.listMeasures, {
      of: measuresPath,
    });

    expect(keysOf(pages, (item) => item.measureId)).toEqual(started);
    // What the caller is not covered for is named on every page.
    expect(pages.every((page) => Array.isArray((page as { withheld?: unknown }).withheld))).toBe(
      true,
    );
  });

  it('should page the statements soonest due first, ties by request time, disjoint and complete', async () => {
    const requested: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const statement = await service.ask<{ statementId: string }>(
        PLAN_COMMANDS.requestStatement,
        path.employmentAuthority,
        { pathId: path.pathId, body: { kind: 'STATEMENT' } },
      );
      requested.push(statement.statementId);
    }

    const pages = await allPages<{ statementId: string }>(PLAN_COMMANDS.listStatements);

    // All due the same day: the request time orders them.
    expect(keysOf(pages, (item) => item.statementId)).toEqual(requested);
  });

  it('should page the plan history oldest version first, each diffed against the one before', async () => {
    for (const expectedVersion of [1, 2]) {
      await service.ask(PLAN_COMMANDS.revisePlan, path.employmentAuthority, {
        pathId: path.pathId,
        expectedVersion,
        body: {
          ...agreePlanBody(path),
          reviewDate: daysFromToday(100 + expectedVersion),
          reasonCategory: 'CLIENT_REQUEST',
        },
      });
    }

    const pages = await allPages<{ version: number; diff: unknown[] }>(
      PLAN_COMMANDS.getPlanHistory,
    );
    const whole = await service.ask<Page<{ version: number; diff: unknown[] }>>(
      PLAN_COMMANDS.getPlanHistory,
      path.provider,
      { pathId: path.pathId, limit: 100 },
    );

    expect(keysOf(pages, (item) => String(item.version))).toEqual(['1', '2', '3']);
    // Version 3 opens the second page: its diff is still against version 2.
    expect(pages.flatMap((page) => page.items)).toEqual(whole.items);
    expect(pages[0]).toMatchObject({ currentVersion: 3 });
  });

  it.each([
    ['measures', PLAN_COMMANDS.listMeasures],
    ['statements', PLAN_COMMANDS.listStatements],
    ['plan history', PLAN_COMMANDS.getPlanHistory],
  ])('should refuse the %s with limit 101, and without a limit', async (_name, subject) => {
    for (const limit of [101, undefined, 0]) {
      expect(
        await service.askError(subject, path.provider, { pathId: path.pathId, limit }),
      ).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });

  it('should refuse a cursor of another list, and a crafted position, as invalid cursors', async () => {
    const measuresPage = await service.ask<Page<unknown>>(
      PLAN_COMMANDS.listMeasures,
      measuresPath.provider,
      {
        pathId: measuresPath.pathId,
        limit: 1,
      },
    );
    const crafted = encodeCursor({ key: 'yesterday', id: "1' OR '1'='1" }, { sort: MEASURES_SORT });

    for (const [subject, cursor] of [
      [PLAN_COMMANDS.listStatements, measuresPage.nextCursor],
      [PLAN_COMMANDS.getPlanHistory, measuresPage.nextCursor],
      [PLAN_COMMANDS.listMeasures, crafted],
    ] as const) {
      expect(
        await service.askError(subject, path.provider, { pathId: path.pathId, limit: 5, cursor }),
      ).toMatchObject({ code: 'INVALID_CURSOR' });
    }
  });
});
