import { defaultFrom, periodStart, periodStarts } from './periods';

describe('periods', () => {
  it.each([
    ['WEEK', '2026-03-04', '2026-03-02'], // a Wednesday: its Monday
    ['WEEK', '2026-03-02', '2026-03-02'], // a Monday is its own week's start
    ['WEEK', '2026-03-08', '2026-03-02'], // a Sunday ends the ISO week
    ['WEEK', '2026-01-01', '2025-12-29'], // ISO week 1 of 2026 begins in 2025
    ['MONTH', '2026-02-28', '2026-02-01'],
    ['QUARTER', '2026-03-31', '2026-01-01'],
    ['QUARTER', '2026-04-01', '2026-04-01'],
    ['QUARTER', '2026-12-31', '2026-10-01'],
  ] as const)('should start the %s of %s on %s', (period, date, start) => {
    expect(periodStart(period, date)).toBe(start);
  });

  it('should list every period from the one containing from to the one containing to', () => {
    expect(periodStarts('MONTH', '2025-11-15', '2026-02-03')).toEqual([
      '2025-11-01',
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
    ]);
    expect(periodStarts('WEEK', '2026-03-08', '2026-03-09')).toEqual(['2026-03-02', '2026-03-09']);
    expect(periodStarts('QUARTER', '2026-02-10', '2026-02-11')).toEqual(['2026-01-01']);
  });

  it('should show 12 months, 12 weeks or 8 quarters up to to by default', () => {
    expect(defaultFrom('MONTH', '2026-12-15')).toBe('2026-01-01');
    expect(periodStarts('MONTH', defaultFrom('MONTH', '2026-12-15'), '2026-12-15')).toHaveLength(
      12,
    );
    expect(defaultFrom('WEEK', '2026-03-04')).toBe('2025-12-15');
    expect(periodStarts('WEEK', defaultFrom('WEEK', '2026-03-04'), '2026-03-04')).toHaveLength(12);
    expect(defaultFrom('QUARTER', '2026-05-20')).toBe('2024-07-01');
    expect(periodStarts('QUARTER', '2024-07-01', '2026-05-20')).toHaveLength(8);
  });
});
