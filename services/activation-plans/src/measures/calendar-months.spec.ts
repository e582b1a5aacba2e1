import { lastDayOfPeriod, lastsAtLeast, lastsAtMost, periodLength } from './calendar-months';

describe('periodLength', () => {
  it.each([
    ['2025-01-01', '2025-03-31', { months: 3, days: 0 }],
    ['2025-01-15', '2025-04-14', { months: 3, days: 0 }],
    ['2025-01-01', '2025-03-30', { months: 2, days: 30 }],
    ['2025-03-01', '2025-05-10', { months: 2, days: 10 }],
    ['2025-01-01', '2025-01-01', { months: 0, days: 1 }],
    ['2025-01-01', '2026-12-31', { months: 24, days: 0 }],
    ['2025-01-01', '2027-01-01', { months: 24, days: 1 }],
    ['2024-02-29', '2025-02-27', { months: 11, days: 30 }],
    ['2024-02-29', '2025-02-28', { months: 12, days: 0 }],
    ['2025-01-31', '2025-02-28', { months: 1, days: 0 }],
    ['2025-01-31', '2025-02-27', { months: 0, days: 28 }],
    ['2025-11-30', '2026-02-28', { months: 3, days: 0 }],
    ['2025-11-30', '2026-02-27', { months: 2, days: 29 }],
  ])('should count %s to %s, both included, as %j', (start, lastDay, expected) => {
    expect(periodLength(start, lastDay)).toEqual(expected);
  });
});

describe('lastDayOfPeriod', () => {
  it.each([
    ['2025-01-15', 3, '2025-04-14'],
    ['2025-01-01', 3, '2025-03-31'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-03-01', 24, '2027-02-28'],
  ])('should end a period from %s of %i months on %s', (start, n, expected) => {
    expect(lastDayOfPeriod(start, n)).toBe(expected);
    expect(periodLength(start, expected)).toEqual({ months: n, days: 0 });
  });
});

describe('lastsAtLeast and lastsAtMost', () => {
  it('should count 15 January to 14 April as exactly three months', () => {
    expect(lastsAtLeast({ start: '2025-01-15', lastDay: '2025-04-14' }, 3)).toBe(true);
    expect(lastsAtMost({ start: '2025-01-15', lastDay: '2025-04-14' }, 3)).toBe(true);
    expect(lastsAtLeast({ start: '2025-01-15', lastDay: '2025-04-13' }, 3)).toBe(false);
    expect(lastsAtMost({ start: '2025-01-15', lastDay: '2025-04-15' }, 3)).toBe(false);
  });
});
