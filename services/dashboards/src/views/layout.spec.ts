import { rawTableOf, shareOf, type Layout } from './layout';

describe('rawTableOf', () => {
  const layout: Layout = {
    periods: ['2025-01-01', '2025-02-01'],
    extras: ['MEDIAN_DAYS', 'SHARE'],
    rows: [
      { key: 'a', counts: [1, 2, 3], clients: [1, 1, 1], medianDays: 4, shareOf: 'total' },
      { key: 'b', counts: [5, 0, 5], clients: [5, 0, 5], medianDays: null, shareOf: 'total' },
    ],
    total: { key: 'TOTAL', counts: [6, 2, 8], clients: [5, 1, 5], shareOf: 'total' },
    sums: [{ total: 'total', members: [0, 1] }],
  };

  it('should lay out the period columns, the TOTAL and the extras in that order', () => {
    expect(rawTableOf(layout).columns).toEqual([
      { key: '2025-01-01', kind: 'PERIOD' },
      { key: '2025-02-01', kind: 'PERIOD' },
      { key: 'total', kind: 'TOTAL' },
      { key: 'medianDays', kind: 'MEDIAN_DAYS' },
      { key: 'share', kind: 'SHARE' },
    ]);
  });

  it('should bind each row’s periods to its TOTAL and each column’s rows to the total row', () => {
    const { constraints } = rawTableOf(layout);
    const at = (row: number | 'total', column: number) => ({ row, column });
    expect(constraints).toEqual([
      [at(0, 0), at(0, 1), at(0, 2)],
      [at(1, 0), at(1, 1), at(1, 2)],
      [at('total', 0), at('total', 1), at('total', 2)],
      [at(0, 0), at(1, 0), at('total', 0)],
      [at(0, 1), at(1, 1), at('total', 1)],
      [at(0, 2), at(1, 2), at('total', 2)],
    ]);
  });

  it('should make medians follow their row’s TOTAL and shares that and the whole’s TOTAL', () => {
    const [a] = rawTableOf(layout).rows;
    expect(a.cells.slice(3)).toEqual([
      { derived: 4, follows: [{ row: 0, column: 2 }], format: 'DAYS' },
      {
        derived: 37.5,
        follows: [
          { row: 0, column: 2 },
          { row: 'total', column: 2 },
        ],
        format: 'SHARE',
      },
    ]);
  });

  it('should bind no periods in a view without them', () => {
    const { constraints } = rawTableOf({
      periods: [],
      extras: [],
      rows: [{ key: 'a', counts: [3], clients: [3] }],
      sums: [],
    });
    expect(constraints).toEqual([]);
  });

  it('should refuse a row whose counts do not match the periods', () => {
    expect(() =>
      rawTableOf({ ...layout, rows: [{ key: 'a', counts: [1, 2], clients: [1, 2] }] }),
    ).toThrow(/row a has 2 counts/);
  });

  it('should give every count cell its clients, what primary suppression looks at', () => {
    const [a] = rawTableOf(layout).rows;
    // Row a: 3 facts of one client, 1 in January and 2 in February.
    expect(a.cells.slice(0, 3)).toEqual([
      { count: 1, clients: 1 },
      { count: 2, clients: 1 },
      { count: 3, clients: 1 },
    ]);
  });

  it('should give shares in per cent with one decimal, and none of nothing', () => {
    expect(shareOf(1, 3)).toBe(33.3);
    expect(shareOf(2, 3)).toBe(66.7);
    expect(shareOf(0, 0)).toBeNull();
  });
});
