import { withClientMarks } from './client-marks';
import type { DashboardFactRow } from './fact-row';

function fact(pathId: string, kind: 'LINK' | 'EXIT', category: string, key: string) {
  return { pathId, factKey: key, kind, category } as DashboardFactRow;
}

const marks = (facts: DashboardFactRow[]) =>
  withClientMarks(facts).map((marked) => [
    marked.factKey,
    marked.soloInCategory,
    marked.soloInKind,
  ]);

describe('the client marks of facts', () => {
  it('should mark a fact solo only when its path has no other fact of its category or kind', () => {
    expect(
      marks([
        fact('p1', 'LINK', 'PLAN>MEASURE_1', 'a'),
        fact('p1', 'LINK', 'MEASURE_1>DEST', 'b'),
        fact('p1', 'LINK', 'MEASURE_1>DEST', 'c'),
        fact('p1', 'EXIT', 'STUDIES', 'd'),
      ]),
    ).toEqual([
      ['a', true, false],
      ['b', false, false],
      ['c', false, false],
      ['d', true, true],
    ]);
  });

  it('should count each path apart', () => {
    expect(marks([fact('p1', 'EXIT', 'STUDIES', 'a'), fact('p2', 'EXIT', 'STUDIES', 'b')])).toEqual(
      [
        ['a', true, true],
        ['b', true, true],
      ],
    );
  });
});

describe('the previous days of facts', () => {
  const dated = (
    pathId: string,
    kind: DashboardFactRow['kind'],
    category: string,
    detail: string | null,
    factDate: string,
    key: string,
  ) => ({ pathId, factKey: key, kind, category, detail, factDate }) as DashboardFactRow;
  const previous = (facts: DashboardFactRow[]) =>
    withClientMarks(facts).map((marked) => [
      marked.factKey,
      marked.prevInRow,
      marked.prevInGroup,
      marked.prevInKind,
    ]);

  it('should give each fact the day of its path’s previous fact in its row, group and kind', () => {
    expect(
      previous([
        dated('p1', 'FOLLOW_UP_STATUS', 'STUDIES', '3', '2025-03-01', 'c'),
        dated('p1', 'FOLLOW_UP_STATUS', 'STUDIES', '1', '2025-03-01', 'a'),
        dated('p1', 'FOLLOW_UP_STATUS', 'STUDIES', '1', '2025-09-10', 'd'),
        dated('p1', 'FOLLOW_UP_STATUS', 'SICK_LEAVE', '1', '2025-10-01', 'e'),
        dated('p2', 'FOLLOW_UP_STATUS', 'STUDIES', '1', '2025-04-01', 'f'),
      ]),
    ).toEqual([
      ['c', null, null, '2025-03-01'],
      ['a', null, null, null],
      ['d', '2025-03-01', '2025-03-01', '2025-03-01'],
      ['e', null, '2025-09-10', '2025-09-10'],
      ['f', null, null, null],
    ]);
  });

  it('should order a path’s facts of one day by key, the later one following the earlier', () => {
    expect(
      previous([
        dated('p1', 'FOLLOW_UP', 'DONE', null, '2025-05-02', 'b'),
        dated('p1', 'FOLLOW_UP', 'DONE', null, '2025-05-02', 'a'),
        dated('p1', 'FOLLOW_UP', 'MISSED', null, '2025-05-01', 'z'),
      ]),
    ).toEqual([
      ['b', '2025-05-02', '2025-05-02', '2025-05-02'],
      ['a', null, '2025-05-01', '2025-05-01'],
      ['z', null, null, null],
    ]);
  });

  it('should group exits by their Table 7 group and declines by their party', () => {
    expect(
      previous([
        dated('p1', 'EXIT', 'STUDIES', 'OUTSIDE_LABOUR_MARKET', '2025-01-01', 'a'),
        dated('p1', 'EXIT', 'SICK_LEAVE', 'OUTSIDE_LABOUR_MARKET', '2025-02-01', 'b'),
        dated('p1', 'EXIT', 'OPEN_LABOUR_MARKET', 'LABOUR_MARKET', '2025-03-01', 'c'),
        dated('p1', 'DECLINE', 'REFERRAL:NO_CAPACITY', null, '2025-01-01', 'd'),
        dated('p1', 'DECLINE', 'HANDOFF:NO_CAPACITY', null, '2025-02-01', 'e'),
        dated('p1', 'DECLINE', 'REFERRAL:OTHER', null, '2025-03-01', 'f'),
      ]),
    ).toEqual([
      ['a', null, null, null],
      ['b', null, '2025-01-01', '2025-01-01'],
      ['c', null, null, '2025-02-01'],
      ['d', null, null, null],
      ['e', null, null, '2025-01-01'],
      ['f', null, '2025-01-01', '2025-02-01'],
    ]);
  });
});
