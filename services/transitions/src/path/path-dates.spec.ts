import { addCalendarMonths, calendarDaysBetween, isIsoDate, lateFrom, laterOf } from './path-dates';

describe('path dates', () => {
  it('should add calendar months, clamping to the end of a shorter month', () => {
    expect(addCalendarMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addCalendarMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addCalendarMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addCalendarMonths('2027-11-15', 3)).toBe('2028-02-15');
    expect(addCalendarMonths('2027-03-01', -1)).toBe('2027-02-01');
  });

  it('should count calendar days either way', () => {
    expect(calendarDaysBetween('2027-02-27', '2027-03-01')).toBe(2);
    expect(calendarDaysBetween('2027-03-01', '2027-02-27')).toBe(-2);
    // Across the spring daylight-saving change in Finland (28 March 2027).
    expect(calendarDaysBetween('2027-03-27', '2027-03-29')).toBe(2);
  });

  it('should tell real days from other strings', () => {
    expect(isIsoDate('2027-02-28')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('27-02-28')).toBe(false);
    expect(isIsoDate(20270228)).toBe(false);
    expect(() => addCalendarMonths('2027-02-30', 1)).toThrow('not a calendar date');
  });

  it('should make a step late from the start of the day after its due date and grace', () => {
    expect(lateFrom('2027-03-05')).toBe('2027-03-06');
    // Five business days after Thursday 25 March 2027 skip Good Friday and Easter Monday.
    expect(lateFrom('2027-03-25', 5)).toBe('2027-04-06');
  });

  it('should pick the later of two days', () => {
    expect(laterOf('2027-03-01', '2027-02-28')).toBe('2027-03-01');
    expect(laterOf('2027-02-28', '2027-03-01')).toBe('2027-03-01');
  });
});
