import { addCalendarMonths, calendarDaysBetween, isIsoDate } from './calendar-months';

describe('addCalendarMonths', () => {
  it.each([
    ['2025-01-15', 3, '2025-04-15'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-12-01', 24, '2027-12-01'],
    ['2025-01-01', 0, '2025-01-01'],
  ])('should give %s plus %i months as %s', (date, n, expected) => {
    expect(addCalendarMonths(date, n)).toBe(expected);
  });

  it('should refuse a date that is not a calendar day', () => {
    expect(() => addCalendarMonths('2025-02-30', 1)).toThrow('not a calendar date');
  });
});

describe('calendarDaysBetween', () => {
  it.each([
    ['2025-03-29', '2025-03-31', 2],
    ['2025-10-25', '2025-10-27', 2],
    ['2024-02-28', '2024-03-01', 2],
    ['2025-01-10', '2025-01-01', -9],
  ])('should count %s to %s as %i days, whatever the clocks do', (a, b, days) => {
    expect(calendarDaysBetween(a, b)).toBe(days);
  });
});

describe('isIsoDate', () => {
  it.each(['2025-01-01', '2024-02-29'])('should accept %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each(['2025-02-29', '2025-1-01', '01.01.2025', '', 20250101, null])(
    'should refuse %j',
    (value) => {
      expect(isIsoDate(value)).toBe(false);
    },
  );
});
