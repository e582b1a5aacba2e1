import { DASHBOARD_MAX_RANGE_DAYS } from '@polku/contracts';
import { CommandValidationError } from '@polku/service-runtime';
import { addCalendarDays } from '@polku/timers';
import { resolveFilters } from './resolve-filters';

const today = '2026-06-17';

describe('resolveFilters', () => {
  it('should default to the organisation, months, and the 12 months up to today', () => {
    expect(resolveFilters({}, today)).toEqual({
      scope: 'ORGANISATION',
      period: 'MONTH',
      from: '2025-07-01',
      to: today,
      periods: [
        '2025-07-01',
        '2025-08-01',
        '2025-09-01',
        '2025-10-01',
        '2025-11-01',
        '2025-12-01',
        '2026-01-01',
        '2026-02-01',
        '2026-03-01',
        '2026-04-01',
        '2026-05-01',
        '2026-06-01',
      ],
      today,
    });
  });

  it('should count from the first day of the period containing from, and keep the filters', () => {
    const resolved = resolveFilters(
      {
        scope: 'REGION',
        period: 'QUARTER',
        from: '2026-02-14',
        to: '2026-05-31',
        municipality: '205',
        measureType: 'WORK_TRIAL',
        ageBand: 'AGE_25_29',
      },
      today,
    );
    expect(resolved).toMatchObject({
      scope: 'REGION',
      from: '2026-01-01',
      to: '2026-05-31',
      periods: ['2026-01-01', '2026-04-01'],
      municipality: '205',
      measureType: 'WORK_TRIAL',
      ageBand: 'AGE_25_29',
    });
  });

  it('should take the default from back from a given to', () => {
    expect(resolveFilters({ period: 'WEEK', to: '2026-03-04' }, today).from).toBe('2025-12-15');
  });

  it.each([
    ['a to after today', { to: '2026-06-18' }, /^to: must not be after today/],
    ['a from after to', { from: '2026-05-02', to: '2026-05-01' }, /^from: must not be after to/],
    [
      'a range longer than the longest',
      { from: addCalendarDays(today, -DASHBOARD_MAX_RANGE_DAYS - 1), to: today },
      /^from: the range/,
    ],
  ])('should refuse %s as a validation error', (_name, filters, message) => {
    const refusal = () => resolveFilters(filters, today);
    expect(refusal).toThrow(CommandValidationError);
    expect(refusal).toThrow(message);
  });

  it('should take a range of exactly the longest, and a single day', () => {
    const from = addCalendarDays(today, -DASHBOARD_MAX_RANGE_DAYS);
    expect(resolveFilters({ from, to: today, period: 'WEEK' }, today).to).toBe(today);
    expect(resolveFilters({ from: today, to: today }, today).periods).toEqual(['2026-06-01']);
  });
});
