import { lateFrom, laterOf } from './path-dates';

describe('path dates', () => {
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
