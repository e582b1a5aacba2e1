import { cellsFor, factSource, monthCellsApart, wholeMonths } from './fact-source';
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
    expect(cellsFor(region)).toEqual({ day: 'dashboard_day_cell', month: 'dashboard_month_cell' });
    expect(cellsFor({ ...region, orgId: 'an-organisation' })).toBeUndefined();
    expect(cellsFor({ ...region, measureType: 'WORK_TRIAL' })).toBeUndefined();
    expect(cellsFor({ ...region, municipality: '205', ageBand: 'AGE_25_29' })).toBeUndefined();
  });

  it('should count a municipality or an age band from its slice of the cells', () => {
    const slices = { day: 'dashboard_slice_day_cell', month: 'dashboard_slice_month_cell' };
    expect(cellsFor({ ...region, municipality: '205' })).toEqual({
      ...slices,
      slice: 'municipality:205',
    });
    expect(cellsFor({ ...region, ageBand: 'AGE_25_29' })).toEqual({
      ...slices,
      slice: 'age_band:AGE_25_29',
    });
    const params = new SqlParams();
    const sql = factSource(params, { ...region, municipality: '205' }, ['EXIT'], {
      kindWholes: true,
    });
    expect(sql).toContain('FROM dashboard_slice_day_cell');
    expect(params.values).toContain('municipality:205');
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

  it('should give a percentile view its cells and the facts beside them apart, each with its own parameters', () => {
    const cellParams = new SqlParams();
    const factParams = new SqlParams();
    const apart = monthCellsApart(cellParams, factParams, region, ['LINK']);
    expect(apart?.cells).toContain('FROM dashboard_month_cell');
    expect(apart?.cells).not.toContain('dashboard_fact');
    expect(apart?.facts.match(/FROM dashboard_fact/g)).toHaveLength(2);
    expect(cellParams.values).toEqual([['LINK'], '2026-01-01', '2026-11-01']);
    expect(factParams.values).toEqual([
      'LINK',
      '2026-01-01',
      '2026-11-30',
      'LINK',
      '2026-12-01',
      '2026-12-06',
    ]);
  });

  it('should not part cells from facts where the cells cannot count the view', () => {
    const apart = (context: ViewContext, kinds: string[]) =>
      monthCellsApart(new SqlParams(), new SqlParams(), context, kinds);
    expect(apart({ ...region, orgId: 'an-organisation' }, ['LINK'])).toBeUndefined();
    expect(apart(region, ['EXIT'])).toBeUndefined();
    expect(apart({ ...region, from: '2026-12-01' }, ['LINK'])).toBeUndefined();
  });
});
