import { findAnotherPathDueDate } from './referrer-task-rules';

describe('findAnotherPathDueDate', () => {
  it('should skip the weekends when counting business days from a Monday', () => {
    expect(
      findAnotherPathDueDate({
        declinedAt: new Date('2026-03-02T10:00:00Z'),
        businessDays: 10,
      }),
    ).toBe('2026-03-16');
  });

  it('should count from the Finnish date when it is already the next day in Finland', () => {
    // 22:30 UTC on Thursday is 00:30 on Friday in Helsinki (UTC+2 in winter).
    expect(
      findAnotherPathDueDate({
        declinedAt: new Date('2026-03-05T22:30:00Z'),
        businessDays: 1,
      }),
    ).toBe('2026-03-09');
  });

  it('should take the number of business days it is given when the policy changes', () => {
    expect(
      findAnotherPathDueDate({
        declinedAt: new Date('2026-03-02T10:00:00Z'),
        businessDays: 5,
      }),
    ).toBe('2026-03-09');
  });
});
