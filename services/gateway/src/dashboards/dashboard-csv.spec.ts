import type { DashboardCell, DashboardTable } from '@polku/contracts';
import { parse } from 'csv-parse/sync';
import { dashboardCsv, dashboardCsvFileName, formulaSafe } from './dashboard-csv';

const count = (value: number): DashboardCell => ({ value, display: String(value) });
const small: DashboardCell = { value: null, display: '<5', suppressed: 'SMALL_CELL' };
const secondary: DashboardCell = { value: null, display: '..', suppressed: 'SECONDARY' };

const table: DashboardTable = {
  view: 'destinations',
  scope: 'ORGANISATION',
  orgId: '6f1c0c1e-4f0e-4b7e-9a53-1d6f4c1b2a10',
  period: 'MONTH',
  from: '2026-01-01',
  to: '2026-02-28',
  filters: {},
  columns: [
    { key: '2026-01-01', kind: 'PERIOD' },
    { key: '2026-02-01', kind: 'PERIOD' },
    { key: 'total', kind: 'TOTAL' },
  ],
  rows: [
    { key: 'OPEN_LABOUR_MARKET', group: 'LABOUR_MARKET', cells: [count(7), small, secondary] },
    { key: 'Työkokeilu; jatko', group: 'EDUCATION', cells: [count(0), count(12), count(12)] },
  ],
  total: { key: 'TOTAL', cells: [count(9), count(15), count(24)] },
  asOf: '2026-03-01',
};

/** The CSV as csv-parse reads it: the BOM removed, `;` between cells. */
function parsed(csv: string): string[][] {
  return parse(csv, { bom: true, delimiter: ';' }) as string[][];
}

describe('a dashboard table as CSV', () => {
  it('should have a header of the row columns and column keys, a line per row and the total last', () => {
    expect(parsed(dashboardCsv(table))).toEqual([
      ['key', 'group', 'from', 'to', '2026-01-01', '2026-02-01', 'total'],
      ['OPEN_LABOUR_MARKET', 'LABOUR_MARKET', '', '', '7', '<5', '..'],
      ['Työkokeilu; jatko', 'EDUCATION', '', '', '0', '12', '12'],
      ['TOTAL', '', '', '', '9', '15', '24'],
    ]);
  });

  it('should start with a UTF-8 byte order mark and end its lines with CRLF', () => {
    const csv = dashboardCsv(table);
    expect(csv.startsWith('\uFEFFkey;group;from;to;')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(5);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('should quote a cell holding the separator and keep ä and ö as they are', () => {
    expect(dashboardCsv(table)).toContain('"Työkokeilu; jatko";EDUCATION');
  });

  it('should write a flows link with its from and to, and no total row when the table has none', () => {
    const flows: DashboardTable = {
      ...table,
      view: 'flows',
      columns: [
        { key: 'total', kind: 'TOTAL' },
        { key: 'medianDays', kind: 'MEDIAN_DAYS' },
      ],
      rows: [
        {
          key: 'REFERRAL>INTAKE',
          group: 'REFERRAL',
          from: 'REFERRAL',
          to: 'INTAKE',
          cells: [count(31), count(9)],
        },
      ],
      total: undefined,
    };
    expect(parsed(dashboardCsv(flows))).toEqual([
      ['key', 'group', 'from', 'to', 'total', 'medianDays'],
      ['REFERRAL>INTAKE', 'REFERRAL', 'REFERRAL', 'INTAKE', '31', '9'],
    ]);
  });

  it('should refuse a row whose cells do not match the columns rather than shift figures', () => {
    const broken = { ...table, rows: [{ key: 'X', cells: [count(1)] }] };
    expect(() => dashboardCsv(broken)).toThrow(/row X has 1 cells for 3 columns/);
  });

  it('should neutralise a cell a spreadsheet would run as a formula', () => {
    const evil: DashboardTable = {
      ...table,
      rows: [
        { key: '=HYPERLINK("http://x")', group: '@SUM(A1)', cells: [count(1), count(2), count(3)] },
      ],
      total: undefined,
    };
    expect(parsed(dashboardCsv(evil))[1]?.slice(0, 2)).toEqual([
      '\'=HYPERLINK("http://x")',
      "'@SUM(A1)",
    ]);
  });
});

describe('a cell made formula-safe', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+cmd', "'+cmd"],
    ['-2+3+cmd|', "'-2+3+cmd|"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
  ])('should put an apostrophe before %j', (cell, safe) => {
    expect(formulaSafe(cell)).toBe(safe);
  });

  it.each(['-2', '+1', '-1.5', '0', '12', '<5', '..', 'OPEN_LABOUR_MARKET', 'Työkokeilu', ''])(
    'should leave %j as it is',
    (cell) => {
      expect(formulaSafe(cell)).toBe(cell);
    },
  );
});

describe('the CSV file name', () => {
  it('should name the view and the range the table covers', () => {
    expect(dashboardCsvFileName(table)).toBe('polku-destinations-2026-01-01-2026-02-28.csv');
  });

  it('should never let an answer break out of the header’s quotes', () => {
    expect(dashboardCsvFileName({ ...table, to: '2026"\r\nx' })).toBe(
      'polku-destinations-2026-01-01-2026___x.csv',
    );
  });
});
