import { cellsCanCount, factSource, wholeMonths } from './fact-source';
import { SqlParams } from './fact-sql';
import type { ViewContext } from './view-context';

const region: ViewContext = {
  scope: 'REGION',
  period: 'MONTH',
  from: '2026-01-01',
  to: '2026-12-06',
  periods: [],
  today: '2026-12-06',
};

describe('wholeMonths', () => {
  it('should give the months a range covers from their first day to their last', () => {
    expect(wholeMonths('2026-01-01', '2026-12-06')).toEqual({
      first: '2026-01-01',
      last: '2026-11-01',
      end: '2026-11-30',
    });
  });

  it('should leave out a month the range starts or ends inside', () => {
    expect(wholeMonths('2025-12-29', '2026-03-31')).toEqual({
      first: '2026-01-01',
      last: '2026-03-01',
      end: '2026-03-31',
    });
    expect(wholeMonths('2024-02-05', '2024-03-28')).toBeUndefined();
  });

  it('should count February of a leap year whole to its 29th', () => {
    expect(wholeMonths('2024-02-01', '2024-02-29')).toEqual({
      first: '2024-02-01',
      last: '2024-02-01',
      end: '2024-02-29',
    });
    expect(wholeMonths('2024-02-01', '2024-02-28')).toBeUndefined();
  });
});

describe('factSource', () => {
  it('should count from the cells only in REGION scope without a filter they do not keep', () => {
    expect(cellsCanCount(region)).toBe(true);
    expect(cellsCanCount({ ...region, orgId: 'an-organisation' })).toBe(false);
    expect(cellsCanCount({ ...region, municipality: '205' })).toBe(false);
    expect(cellsCanCount({ ...region, measureType: 'WORK_TRIAL' })).toBe(false);
    expect(cellsCanCount({ ...region, ageBand: 'AGE_25_29' })).toBe(false);
  });

  it('should read month cells and the facts around them for the percentile kinds', () => {
    const sql = factSource(new SqlParams(), region, ['LINK'], { kindWholes: false });
    expect(sql).toContain('FROM dashboard_month_cell');
    expect(sql).not.toContain('dashboard_day_cell');
    // The whole months' unmarked facts, and the days of December up to today.
    expect(sql.match(/FROM dashboard_fact/g)).toHaveLength(2);
  });

  it('should refuse kinds of both grains in one source', () => {
    expect(() =>
      factSource(new SqlParams(), region, ['LINK', 'EXIT'], { kindWholes: true }),
    ).toThrow(/mix day and month cells/);
  });
});
