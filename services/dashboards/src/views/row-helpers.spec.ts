import { orderedKeys, seriesByKey, sumCounts, withGroupTotals } from './row-helpers';

describe('row helpers', () => {
  it('should order known keys first, then unknown ones alphabetically', () => {
    expect(orderedKeys(['B', 'A', 'C'], ['Z', 'A', 'Y'], true)).toEqual(['B', 'A', 'C', 'Y', 'Z']);
    expect(orderedKeys(['B', 'A', 'C'], ['Z', 'A', 'Y'], false)).toEqual(['A', 'Y', 'Z']);
  });

  it('should take counts and clients per row and period, the TOTAL from the range’s record', () => {
    const series = seriesByKey(
      ['2025-01-01', '2025-02-01'],
      [
        { row: 'a', period: '2025-01-01', n: 2, clients: 1 },
        { row: 'a', period: '2025-02-01', n: 3, clients: 2 },
        { row: 'b', period: '2025-02-01', n: 7, clients: 7 },
        // One client in both periods is one client of the row's TOTAL.
        { row: 'a', period: null, n: 5, clients: 2 },
        { row: 'b', period: null, n: 7, clients: 7 },
      ],
      (r) => r.row,
      (r) => r.period,
    );
    expect(Object.fromEntries(series)).toEqual({
      a: { counts: [2, 3, 5], clients: [1, 2, 2] },
      b: { counts: [0, 7, 7], clients: [0, 7, 7] },
    });
  });

  it('should refuse a count outside the periods rather than lose it from the total', () => {
    expect(() =>
      seriesByKey(
        ['2025-01-01'],
        [{ period: '2024-12-01', n: 1, clients: 1 }],
        () => 'a',
        (r) => r.period,
      ),
    ).toThrow(/outside the periods/);
  });

  it('should append a subtotal row to each group, its clients its own, and bind it to its rows', () => {
    const { rows, subtotals, sums } = withGroupTotals(
      [
        {
          group: 'G1',
          rows: [
            { key: 'a', counts: [1, 2], clients: [1, 2] },
            { key: 'b', counts: [3, 4], clients: [3, 4] },
          ],
          subtotal: { clients: [3, 5] },
        },
        {
          group: 'G2',
          rows: [{ key: 'c', counts: [5, 6], clients: [5, 6] }],
          subtotal: { clients: [5, 6], medianDays: 9 },
        },
      ],
      2,
    );
    expect(rows).toEqual([
      { key: 'a', group: 'G1', counts: [1, 2], clients: [1, 2], shareOf: 2 },
      { key: 'b', group: 'G1', counts: [3, 4], clients: [3, 4], shareOf: 2 },
      { key: 'TOTAL', group: 'G1', counts: [4, 6], clients: [3, 5] },
      { key: 'c', group: 'G2', counts: [5, 6], clients: [5, 6], shareOf: 4 },
      { key: 'TOTAL', group: 'G2', counts: [5, 6], clients: [5, 6], medianDays: 9 },
    ]);
    expect(subtotals).toEqual([2, 4]);
    expect(sums).toEqual([
      { total: 2, members: [0, 1] },
      { total: 4, members: [3] },
    ]);
    expect(
      sumCounts(
        [
          [1, 2],
          [3, 4],
        ],
        2,
      ),
    ).toEqual([4, 6]);
  });
});
