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
