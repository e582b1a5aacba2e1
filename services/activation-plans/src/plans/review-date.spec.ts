import {
  agreedReviewDate,
  defaultReviewDate,
  reviewOverdueDate,
  reviewTimersAreReplaced,
  revisedReviewDate,
} from './review-date';

const TODAY = '2026-11-24';

describe('defaultReviewDate', () => {
  it.each([
    ['2026-11-24', 6, '2027-05-24'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-12-31', 12, '2027-12-31'],
  ])('should give %s plus %i calendar months as %s', (today, months, expected) => {
    expect(defaultReviewDate(today, months)).toBe(expected);
  });
});

describe('agreedReviewDate', () => {
  it('should be the configured interval from today when none is asked for', () => {
    expect(agreedReviewDate({ requested: undefined, today: TODAY, intervalMonths: 6 })).toBe(
      '2027-05-24',
    );
  });

  it.each([TODAY, '2027-06-01'])('should keep %s when it is not before today', (requested) => {
    expect(agreedReviewDate({ requested, today: TODAY, intervalMonths: 6 })).toBe(requested);
  });

  it('should refuse a date before today with VALIDATION_FAILED', () => {
    expect(() =>
      agreedReviewDate({ requested: '2026-11-23', today: TODAY, intervalMonths: 6 }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }) as Error);
  });
});

describe('revisedReviewDate', () => {
  const base = { current: '2027-06-01', today: TODAY, intervalMonths: 6 } as const;

  it('should keep the current date when none is asked for and the reason is not a scheduled review', () => {
    expect(revisedReviewDate({ ...base, requested: undefined, reasonCategory: 'TRANSITION' })).toBe(
      '2027-06-01',
    );
  });

  it('should set the next review the interval from today when none is asked for at a scheduled review', () => {
    expect(
      revisedReviewDate({ ...base, requested: undefined, reasonCategory: 'SCHEDULED_REVIEW' }),
    ).toBe('2027-05-24');
  });

  it('should keep a current date that has passed when the caller sends it back unchanged', () => {
    const current = '2026-10-01';
    expect(
      revisedReviewDate({ ...base, current, requested: current, reasonCategory: 'OTHER' }),
    ).toBe(current);
  });

  it('should replace a current date that has come when a scheduled review sends it back', () => {
    expect(
      revisedReviewDate({
        ...base,
        current: TODAY,
        requested: TODAY,
        reasonCategory: 'SCHEDULED_REVIEW',
      }),
    ).toBe('2027-05-24');
  });

  it('should keep a future current date at an early scheduled review that sends it back', () => {
    expect(
      revisedReviewDate({
        ...base,
        requested: '2027-06-01',
        reasonCategory: 'SCHEDULED_REVIEW',
      }),
    ).toBe('2027-06-01');
  });

  it('should take a new date asked for when it is not before today', () => {
    expect(
      revisedReviewDate({ ...base, requested: '2027-09-01', reasonCategory: 'CLIENT_REQUEST' }),
    ).toBe('2027-09-01');
  });

  it('should refuse a new date before today with VALIDATION_FAILED', () => {
    expect(() =>
      revisedReviewDate({ ...base, requested: '2026-11-01', reasonCategory: 'OTHER' }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }) as Error);
  });
});

describe('reviewTimersAreReplaced', () => {
  it('should replace the timers when the date moved', () => {
    expect(
      reviewTimersAreReplaced({
        current: '2027-06-01',
        next: '2027-09-01',
        reasonCategory: 'OTHER',
      }),
    ).toBe(true);
  });

  it('should replace the timers at a scheduled review even when the date stays', () => {
    expect(
      reviewTimersAreReplaced({
        current: '2027-06-01',
        next: '2027-06-01',
        reasonCategory: 'SCHEDULED_REVIEW',
      }),
    ).toBe(true);
  });

  it('should keep the timers when the date stays and the reason is not a scheduled review', () => {
    expect(
      reviewTimersAreReplaced({
        current: '2027-06-01',
        next: '2027-06-01',
        reasonCategory: 'TRANSITION',
      }),
    ).toBe(false);
  });
});

describe('reviewOverdueDate', () => {
  it.each([
    // Tuesday + 10 business days: two weeks later.
    ['2027-06-01', 10, '2027-06-15'],
    // Midsummer Eve and Day 2027 (Fri 25, Sat 26 June) are skipped.
    ['2027-06-21', 5, '2027-06-29'],
    // Over New Year and Epiphany: 1 and 6 January 2027 are not business days.
    ['2026-12-30', 5, '2027-01-08'],
  ])('should give %s plus %i business days as %s', (reviewDate, grace, expected) => {
    expect(reviewOverdueDate(reviewDate, grace)).toBe(expected);
  });
});
