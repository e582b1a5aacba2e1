import {
  dailyDigestDue,
  dueDigestDay,
  finnishHourOf,
  immediateSentBefore,
} from './digest-schedule-rules';

const at = (iso: string) => new Date(iso);

describe('finnishHourOf', () => {
  it('should read two hours ahead of UTC in winter and three in summer', () => {
    expect(finnishHourOf(at('2027-01-15T05:00:00Z'))).toBe(7);
    expect(finnishHourOf(at('2027-07-15T04:00:00Z'))).toBe(7);
  });

  it('should read 23 just before a Finnish midnight, not 24', () => {
    expect(finnishHourOf(at('2027-01-15T21:59:59Z'))).toBe(23);
    expect(finnishHourOf(at('2027-01-15T22:00:00Z'))).toBe(0);
  });
});

describe('dueDigestDay', () => {
  it('should be due from 07:00 Finnish time in winter, not a second before', () => {
    expect(dueDigestDay(at('2027-01-15T04:59:59Z'), 7)).toBeUndefined();
    expect(dueDigestDay(at('2027-01-15T05:00:00Z'), 7)).toBe('2027-01-15');
  });

  it('should be due from 07:00 Finnish summer time, an hour earlier in UTC', () => {
    expect(dueDigestDay(at('2027-07-15T03:59:59Z'), 7)).toBeUndefined();
    expect(dueDigestDay(at('2027-07-15T04:00:00Z'), 7)).toBe('2027-07-15');
  });

  it('should be due at 04:00 on the spring day whose 03:00 hour does not exist when the hour is 3', () => {
    // 2027-03-28: Finnish clocks go from 03:00 EET straight to 04:00 EEST (01:00 UTC).
    expect(dueDigestDay(at('2027-03-28T00:59:59Z'), 3)).toBeUndefined();
    expect(dueDigestDay(at('2027-03-28T01:00:00Z'), 3)).toBe('2027-03-28');
  });

  it('should keep 07:00 on the spring day itself, one hour earlier in UTC than the day before', () => {
    expect(dueDigestDay(at('2027-03-27T04:30:00Z'), 7)).toBeUndefined();
    expect(dueDigestDay(at('2027-03-28T04:00:00Z'), 7)).toBe('2027-03-28');
  });

  it('should name the same day during both 03:00 hours of the autumn day when the hour is 3', () => {
    // 2027-10-31: 04:00 EEST (01:00 UTC) goes back to 03:00 EET; 03:00–04:00 happens twice.
    expect(dueDigestDay(at('2027-10-31T00:00:00Z'), 3)).toBe('2027-10-31');
    expect(dueDigestDay(at('2027-10-31T01:30:00Z'), 3)).toBe('2027-10-31');
  });

  it('should take the Finnish date, not the UTC one, late in the evening', () => {
    // 23:30 UTC on the 15th is 01:30 on the 16th in Finland (winter): before the hour there.
    expect(dueDigestDay(at('2027-01-15T23:30:00Z'), 1)).toBe('2027-01-16');
    expect(dueDigestDay(at('2027-01-15T23:30:00Z'), 7)).toBeUndefined();
  });
});

describe('dailyDigestDue', () => {
  it('should be due for a user never sent one', () => {
    expect(dailyDigestDue(null, '2027-10-31')).toBe(true);
  });

  it('should not be due again for a day already settled, even in the repeated autumn hour', () => {
    const day = dueDigestDay(at('2027-10-31T00:10:00Z'), 3) as string;
    const again = dueDigestDay(at('2027-10-31T01:10:00Z'), 3) as string;
    expect(dailyDigestDue(day, again)).toBe(false);
  });

  it('should be due on the next day after a settled day', () => {
    expect(dailyDigestDue('2027-10-31', '2027-11-01')).toBe(true);
  });
});

describe('immediateSentBefore', () => {
  it('should let a mail go when the last one is a full batch window old and not a second earlier', () => {
    const now = at('2027-01-15T10:00:00Z');
    const cutoff = immediateSentBefore(now, 300);
    expect(cutoff.toISOString()).toBe('2027-01-15T09:55:00.000Z');
    expect(at('2027-01-15T09:55:00Z') <= cutoff).toBe(true);
    expect(at('2027-01-15T09:55:01Z') <= cutoff).toBe(false);
  });
});
