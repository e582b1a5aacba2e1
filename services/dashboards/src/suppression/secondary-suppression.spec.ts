import { suppressCounts as suppressCells } from './secondary-suppression';

/** Cells of one fact per client unless `clients` says otherwise. */
const suppressCounts = (
  counts: readonly number[],
  constraints: readonly (readonly number[])[],
  clients: readonly number[] = counts,
) =>
  suppressCells(
    counts.map((count, i) => ({ count, clients: clients[i] })),
    constraints,
  );

describe('suppressCounts', () => {
  it('should hide counts of 1 to 4 as small cells and show 0 and 5 or more', () => {
    expect(suppressCounts([0, 1, 4, 5, 120], [])).toEqual([
      undefined,
      'SMALL_CELL',
      'SMALL_CELL',
      undefined,
      undefined,
    ]);
  });

  it('should hide a cell of 1 to 4 clients whatever the number of their facts', () => {
    // Six escalations of two clients, and five of five clients.
    expect(suppressCounts([6, 5, 40], [], [2, 5, 4])).toEqual([
      'SMALL_CELL',
      undefined,
      'SMALL_CELL',
    ]);
  });

  it('should choose the partner of a small cell by its count of facts, which the sum adds', () => {
    // 6 facts of 2 clients beside 7 of 7 and 9 of 5: the 7 is the smallest count left.
    const marks = suppressCounts([6, 9, 7, 22], [[0, 1, 2, 3]], [2, 5, 7, 12]);
    expect(marks).toEqual(['SMALL_CELL', undefined, 'SECONDARY', undefined]);
  });

  it('should hide the smallest other non-zero member of a sum with exactly one hidden cell', () => {
    // 3 + 0 + 9 + 6 = 18: the 3 alone could be recovered as 18 - 9 - 6.
    const marks = suppressCounts([3, 0, 9, 6, 18], [[0, 1, 2, 3, 4]]);
    expect(marks).toEqual(['SMALL_CELL', undefined, undefined, 'SECONDARY', undefined]);
  });

  it('should take the first of equal candidates, so the same table always hides the same cells', () => {
    const marks = suppressCounts([2, 7, 7, 16], [[0, 1, 2, 3]]);
    expect(marks).toEqual(['SMALL_CELL', 'SECONDARY', undefined, undefined]);
  });

  it('should leave a sum with two hidden members as it is', () => {
    expect(suppressCounts([2, 3, 10, 15], [[0, 1, 2, 3]])).toEqual([
      'SMALL_CELL',
      'SMALL_CELL',
      undefined,
      undefined,
    ]);
  });

  it('should follow a hidden cell from its row into its column until no sum has one', () => {
    // rows: [2, 8 | 10], [6, 9 | 15]; total row [8, 17 | 25]
    const cells = [2, 8, 10, 6, 9, 15, 8, 17, 25];
    const rows = [
      [0, 1, 2],
      [3, 4, 5],
      [6, 7, 8],
    ];
    const columns = [
      [0, 3, 6],
      [1, 4, 7],
      [2, 5, 8],
    ];
    const marks = suppressCounts(cells, [...rows, ...columns]);
    // The 2 hides the 8 beside it (row); then the column of the 2 hides the 6, and the column of
    // the 8 hides the 9, whose row already has the 6.
    expect(marks).toEqual([
      'SMALL_CELL',
      'SECONDARY',
      undefined,
      'SECONDARY',
      'SECONDARY',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('should hide a total that is itself small together with another member', () => {
    expect(suppressCounts([0, 3, 0, 3], [[0, 1, 2, 3]])).toEqual([
      undefined,
      'SMALL_CELL',
      undefined,
      'SMALL_CELL',
    ]);
  });
});
