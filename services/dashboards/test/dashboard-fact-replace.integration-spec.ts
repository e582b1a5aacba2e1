import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { replaceFacts } from '../src/projection/dashboard-fact.repository';
import type { MarkedFactRow } from '../src/projection/facts/client-marks';
import { cellsCountedFromFacts, storedCells } from './support/cells';
import { startDashboardsService, type DashboardsService } from './support/dashboards-service';
import { factRowsOf } from './support/fact-rows';

const ORG = randomUUID();

function factOf(pathId: string, key: string, changes: Partial<MarkedFactRow> = {}) {
  const row: MarkedFactRow = {
    pathId,
    factKey: key,
    kind: 'STATE_TIME',
    factDate: '2026-03-02',
    orgId: ORG,
    municipality: '205',
    ageBand: 'AGE_25_29',
    measureType: 'WORK_TRIAL',
    category: 'ACTIVE',
    detail: null,
    days: 12,
    dueDate: null,
    soloInCategory: true,
    soloInKind: false,
    prevInRow: null,
    prevInGroup: null,
    prevInKind: null,
  };
  return { ...row, ...changes };
}

/** Each stored fact's row version (xmin): unchanged when the fact was not written again. */
async function rowVersions(dataSource: DataSource, pathIds: readonly string[]) {
  const rows = await dataSource.query<{ key: string; xmin: string }[]>(
    `SELECT path_id || '/' || fact_key AS key, xmin::text AS xmin
       FROM dashboard_fact WHERE path_id = ANY($1::uuid[])`,
    [[...pathIds]],
  );
  return new Map(rows.map((row) => [row.key, row.xmin]));
}

describe('replacing the facts of a path', () => {
  let service: DashboardsService;
  const replace = (pathIds: string[], facts: MarkedFactRow[]) =>
    service.dataSource.transaction((em) => replaceFacts(em, pathIds, facts));

  beforeAll(async () => {
    service = await startDashboardsService();
  });

  afterAll(async () => {
    await service.close();
  });

  it('should leave the path exactly as folded, and write only the facts that changed', async () => {
    const [path, other] = [randomUUID(), randomUUID()].sort();
    const before = [
      factOf(path, 'kept'),
      factOf(path, 'days-changed'),
      factOf(path, 'detail-set'),
      factOf(path, 'mark-changed'),
      factOf(path, 'previous-set'),
      factOf(path, 'due-cleared', { kind: 'NOW_HANDOFF', dueDate: '2026-03-09', days: null }),
      factOf(path, 'taken-back'),
      factOf(other, 'kept'),
    ];
    await replace([path, other], before);
    const versionsBefore = await rowVersions(service.dataSource, [path, other]);

    const after = [
      factOf(path, 'added', { kind: 'EXIT', category: 'STUDIES' }),
      factOf(path, 'days-changed', { days: 13 }),
      factOf(path, 'detail-set', { detail: 'ESCALATED' }),
      factOf(path, 'mark-changed', { soloInCategory: false }),
      factOf(path, 'previous-set', { prevInRow: '2026-02-27', prevInKind: '2026-02-27' }),
      factOf(path, 'due-cleared', { kind: 'NOW_HANDOFF', dueDate: null, days: null }),
      factOf(path, 'kept'),
    ];
    await replace([path], after);

    expect(await factRowsOf(service.dataSource, [path])).toEqual(
      [...after].sort((a, b) => (a.factKey < b.factKey ? -1 : 1)),
    );
    const versionsAfter = await rowVersions(service.dataSource, [path, other]);
    const rewritten = [...versionsAfter.keys()].filter(
      (key) => versionsBefore.get(key) !== versionsAfter.get(key),
    );
    expect(rewritten.sort()).toEqual(
      ['added', 'days-changed', 'detail-set', 'due-cleared', 'mark-changed', 'previous-set'].map(
        (key) => `${path}/${key}`,
      ),
    );
    // Another path's facts are not the replaced paths' business.
    expect(await factRowsOf(service.dataSource, [other])).toEqual([factOf(other, 'kept')]);
  });

  it('should take every fact of a path back when its fold has none', async () => {
    const path = randomUUID();
    await replace([path], [factOf(path, 'a'), factOf(path, 'b')]);

    await replace([path], []);

    expect(await factRowsOf(service.dataSource, [path])).toEqual([]);
  });

  it('should write nothing when the fold made the same facts again', async () => {
    const path = randomUUID();
    const facts = [factOf(path, 'a'), factOf(path, 'b', { detail: null, dueDate: null })];
    await replace([path], facts);
    const versions = await rowVersions(service.dataSource, [path]);

    await replace([path], facts);

    expect(await rowVersions(service.dataSource, [path])).toEqual(versions);
  });

  it('should keep the region cells equal to the facts as they are added, changed and taken back', async () => {
    const [path, other] = [randomUUID(), randomUUID()].sort();
    const link = { kind: 'LINK' as const, category: 'PLAN>MEASURE_1:WORK_TRIAL' };
    const steps: MarkedFactRow[][] = [
      [
        factOf(path, 'stay'),
        factOf(path, 'stay-2', { soloInCategory: false, factDate: '2026-03-31' }),
        factOf(path, 'link', { ...link, factDate: '2026-03-30' }),
        factOf(path, 'exit', { kind: 'EXIT', category: 'STUDIES', days: null, soloInKind: true }),
        factOf(path, 'open', { kind: 'NOW_OPEN', category: 'REFERRED', days: null }),
      ],
      // The path moves on: a state's days grow, a link moves a month, the open state changes.
      [
        factOf(path, 'stay', { days: 40 }),
        factOf(path, 'link', { ...link, factDate: '2026-04-01' }),
        factOf(path, 'exit', { kind: 'EXIT', category: 'STUDIES', days: null, soloInKind: true }),
        factOf(path, 'open', { kind: 'NOW_OPEN', category: 'IN_MEASURE', days: null }),
      ],
    ];
    // The earlier tests' facts share this database: they are the cells to come back to.
    const before = await storedCells(service.dataSource);
    await replace([other], [factOf(other, 'stay'), factOf(other, 'link', link)]);
    for (const facts of steps) {
      await replace([path], facts);
      expect(await storedCells(service.dataSource)).toEqual(
        await cellsCountedFromFacts(service.dataSource),
      );
    }
    const cells = await storedCells(service.dataSource);
    // The moved facts left no empty cell behind.
    expect(cells.month.some((cell) => cell.endsWith(',0)'))).toBe(false);
    expect(cells.day.some((cell) => cell.endsWith(',0)'))).toBe(false);
    expect(cells.sliceMonth.some((cell) => cell.endsWith(',0)'))).toBe(false);
    expect(cells.sliceDay.some((cell) => cell.endsWith(',0)'))).toBe(false);
    // Each fact counted in its municipality's and its age band's slice too.
    expect(cells.sliceDay.filter((cell) => cell.startsWith('(municipality:205,'))).toHaveLength(
      cells.day.length,
    );
    expect(cells.sliceMonth.filter((cell) => cell.startsWith('(age_band:AGE_25_29,'))).toHaveLength(
      cells.month.length,
    );
    expect(cells.day.some((cell) => cell.includes('REFERRED'))).toBe(false);

    await replace([path, other], []);
    expect(await storedCells(service.dataSource)).toEqual(before);
  });
});
