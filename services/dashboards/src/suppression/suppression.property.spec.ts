import fc from 'fast-check';
import { SMALL_CELL_THRESHOLD } from '@polku/contracts';
import type { CellRef, RawCell, RawRow, RawTable } from './raw-table';
import { suppressTable } from './suppress-table';

// A view as the queries build one: rows of per-period counts in groups, each row's TOTAL, a
// subtotal row per group, the table's total row, and a share and a median following each row's
// TOTAL. Counts are mostly small, so that many cells are hidden. Each count is of some clients
// (1 to the count): a client may have several facts in a cell, and be in several cells of a sum.
/** A count and its clients: none of no facts, else 1 to the count. */
const cellOf = fc
  .record({ count: fc.nat({ max: 12 }), share: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ count, share }) => ({
    count,
    clients: count === 0 ? 0 : 1 + Math.floor(share * (count - 1)),
  }));

type Cell = { count: number; clients: number };

const gridOf = fc
  .record({
    periods: fc.integer({ min: 1, max: 5 }),
    groups: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
  })
  .chain(({ periods, groups }) =>
    fc.record({
      periods: fc.constant(periods),
      groups: fc.tuple(
        ...groups.map((size) =>
          fc.array(fc.array(cellOf, { minLength: periods, maxLength: periods }), {
            minLength: size,
            maxLength: size,
          }),
        ),
      ),
    }),
  );

type Grid = { periods: number; groups: Cell[][][] };

/**
 * The cell of a sum: its facts add up, its clients are at least those of its largest member
 * (every member's clients may be the same people) and at most all of them.
 */
const sum = (cells: readonly Cell[]): Cell => ({
  count: cells.reduce((a, b) => a + b.count, 0),
  clients: cells.reduce((a, b) => Math.max(a, b.clients), 0),
});
const columnSums = (rows: readonly Cell[][], width: number) =>
  Array.from({ length: width }, (_, c) => sum(rows.map((row) => row[c])));

function tableOf({ periods, groups }: Grid): RawTable {
  const width = periods + 1;
  const rowsOfCounts: { key: string; group: string; counts: Cell[] }[] = [];
  const members: number[][] = [];
  const subtotalRows: number[] = [];
  groups.forEach((rows, g) => {
    const withTotals = rows.map((row) => [...row, sum(row)]);
    const first = rowsOfCounts.length;
    withTotals.forEach((counts, i) => rowsOfCounts.push({ key: `r${i}`, group: `g${g}`, counts }));
    members.push(withTotals.map((_, i) => first + i));
    subtotalRows.push(rowsOfCounts.length);
    rowsOfCounts.push({ key: 'TOTAL', group: `g${g}`, counts: columnSums(withTotals, width) });
  });
  const tableCounts = columnSums(
    subtotalRows.map((r) => rowsOfCounts[r].counts),
    width,
  );
  const derived = (row: number | 'total', counts: Cell[]): RawCell[] => [
    {
      derived:
        tableCounts[periods].count === 0
          ? null
          : (100 * counts[periods].count) / tableCounts[periods].count,
      follows: [
        { row, column: periods },
        { row: 'total', column: periods },
      ],
      format: 'SHARE',
    },
    {
      derived: counts[periods].count === 0 ? null : 7,
      follows: [{ row, column: periods }],
      format: 'DAYS',
    },
  ];
  const rows: RawRow[] = rowsOfCounts.map(({ key, group, counts }, r) => ({
    key,
    group,
    cells: [...counts, ...derived(r, counts)],
  }));
  const all = (row: number | 'total'): CellRef[] =>
    Array.from({ length: width }, (_, column) => ({ row, column }));
  const at = (row: number | 'total', column: number): CellRef => ({ row, column });
  const constraints: CellRef[][] = [...rows.map((_, r) => all(r)), all('total')];
  for (let column = 0; column < width; column += 1) {
    members.forEach((group, g) =>
      constraints.push([...group, subtotalRows[g]].map((row) => at(row, column))),
    );
    constraints.push([...subtotalRows.map((row) => at(row, column)), at('total', column)]);
  }
  return {
    columns: [
      ...Array.from({ length: periods }, (_, p) => ({ key: `p${p}`, kind: 'PERIOD' as const })),
      { key: 'total', kind: 'TOTAL' },
      { key: 'share', kind: 'SHARE' },
      { key: 'medianDays', kind: 'MEDIAN_DAYS' },
    ],
    rows,
    total: {
      key: 'TOTAL',
      cells: [...tableCounts, ...derived('total', tableCounts)],
    },
    constraints,
  };
}

const rowAt = <T>(table: { rows: readonly T[]; total?: T }, row: number | 'total'): T =>
  row === 'total' ? table.total! : table.rows[row];

describe('suppression (property)', () => {
  it('should leave no sum with exactly one hidden member, no visible count of 1–4 clients and every shown figure as counted', () => {
    fc.assert(
      fc.property(gridOf, (grid) => {
        const raw = tableOf(grid);
        const shown = suppressTable(raw);
        for (const constraint of raw.constraints) {
          const hidden = constraint.filter(
            ({ row, column }) => rowAt(shown, row).cells[column].suppressed !== undefined,
          );
          expect(hidden.length).not.toBe(1);
        }
        const pairs = [...raw.rows.map((row, r) => [row, shown.rows[r]] as const)];
        pairs.push([raw.total!, shown.total!]);
        for (const [before, after] of pairs) {
          before.cells.forEach((cell, column) => {
            const out = after.cells[column];
            if ('count' in cell) {
              if (out.suppressed === undefined) {
                expect(out.value).toBe(cell.count);
                expect(cell.clients === 0 || cell.clients >= SMALL_CELL_THRESHOLD).toBe(true);
              } else {
                expect(out.value).toBeNull();
              }
            } else {
              const followedHidden = cell.follows.some(
                ({ row, column: c }) => rowAt(shown, row).cells[c].suppressed !== undefined,
              );
              expect(out.suppressed !== undefined).toBe(followedHidden);
              expect(out.value).toBe(followedHidden ? null : cell.derived);
            }
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('should hide the same cells every time it is given the same table', () => {
    fc.assert(
      fc.property(gridOf, (grid) => {
        expect(suppressTable(tableOf(grid))).toEqual(suppressTable(tableOf(grid)));
      }),
    );
  });
});
