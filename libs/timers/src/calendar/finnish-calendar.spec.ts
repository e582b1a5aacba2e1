import fc from 'fast-check';
import {
  addBusinessDays,
  businessDaysBetween,
  easterSunday,
  finnishNonWorkingDays,
  finnishPublicHolidays,
  isBusinessDay,
  isFinnishPublicHoliday,
} from './finnish-calendar';
import {
  addCalendarDays,
  dayNumber,
  finnishDateOf,
  InvalidIsoDateError,
  isoWeekday,
  startOfFinnishDay,
} from './iso-date';

// Expected dates written out by hand, not computed. Sources: the rules of the University of
// Helsinki Almanac Office ("Liputus- ja merkkipäivät", almanakka.helsinki.fi: Midsummer Day the
// Saturday 20–26 June, All Saints' Day the Saturday 31 Oct–6 Nov, Ascension Easter + 39, Whit
// Sunday Easter + 49) and the Finnish holiday list for 2026 published at
// https://logifie.com/pt/holidays/FI/2026 (Good Friday 3.4., Ascension 14.5., Whit Sunday 24.5.,
// Midsummer Eve 19.6., Midsummer Day 20.6., All Saints' Day 31.10.); Easter Sundays as in
// timeanddate.com's Easter table. Midsummer Eve and Christmas Eve: Annual Holidays Act 162/2005.
const MOVEABLE: Record<
  number,
  {
    goodFriday: string;
    easterSunday: string;
    easterMonday: string;
    ascension: string;
    whitSunday: string;
    midsummerEve: string;
    midsummerDay: string;
    allSaints: string;
  }
> = {
  2024: {
    goodFriday: '2024-03-29',
    easterSunday: '2024-03-31',
    easterMonday: '2024-04-01',
    ascension: '2024-05-09',
    whitSunday: '2024-05-19',
    midsummerEve: '2024-06-21',
    midsummerDay: '2024-06-22',
    allSaints: '2024-11-02',
  },
  2025: {
    goodFriday: '2025-04-18',
    easterSunday: '2025-04-20',
    easterMonday: '2025-04-21',
    ascension: '2025-05-29',
    whitSunday: '2025-06-08',
    midsummerEve: '2025-06-20',
    midsummerDay: '2025-06-21',
    allSaints: '2025-11-01',
  },
  2026: {
    goodFriday: '2026-04-03',
    easterSunday: '2026-04-05',
    easterMonday: '2026-04-06',
    ascension: '2026-05-14',
    whitSunday: '2026-05-24',
    midsummerEve: '2026-06-19',
    midsummerDay: '2026-06-20',
    allSaints: '2026-10-31',
  },
  2027: {
    goodFriday: '2027-03-26',
    easterSunday: '2027-03-28',
    easterMonday: '2027-03-29',
    ascension: '2027-05-06',
    whitSunday: '2027-05-16',
    midsummerEve: '2027-06-25',
    midsummerDay: '2027-06-26',
    allSaints: '2027-11-06',
  },
  2028: {
    goodFriday: '2028-04-14',
    easterSunday: '2028-04-16',
    easterMonday: '2028-04-17',
    ascension: '2028-05-25',
    whitSunday: '2028-06-04',
    midsummerEve: '2028-06-23',
    midsummerDay: '2028-06-24',
    allSaints: '2028-11-04',
  },
  2029: {
    goodFriday: '2029-03-30',
    easterSunday: '2029-04-01',
    easterMonday: '2029-04-02',
    ascension: '2029-05-10',
    whitSunday: '2029-05-20',
    midsummerEve: '2029-06-22',
    midsummerDay: '2029-06-23',
    allSaints: '2029-11-03',
  },
  2030: {
    goodFriday: '2030-04-19',
    easterSunday: '2030-04-21',
    easterMonday: '2030-04-22',
    ascension: '2030-05-30',
    whitSunday: '2030-06-09',
    midsummerEve: '2030-06-21',
    midsummerDay: '2030-06-22',
    allSaints: '2030-11-02',
  },
};

const YEARS = Object.keys(MOVEABLE).map(Number);

function expectedPublicHolidays(year: number): [string, string][] {
  const m = MOVEABLE[year];
  return [
    [`${year}-01-01`, "New Year's Day"],
    [`${year}-01-06`, 'Epiphany'],
    [m.goodFriday, 'Good Friday'],
    [m.easterSunday, 'Easter Sunday'],
    [m.easterMonday, 'Easter Monday'],
    [`${year}-05-01`, 'May Day'],
    [m.ascension, 'Ascension Day'],
    [m.whitSunday, 'Whit Sunday'],
    [m.midsummerDay, 'Midsummer Day'],
    [m.allSaints, "All Saints' Day"],
    [`${year}-12-06`, 'Independence Day'],
    [`${year}-12-25`, 'Christmas Day'],
    [`${year}-12-26`, 'Boxing Day'],
  ];
}

const isoDates = fc
  .integer({ min: dayNumber('2020-01-01'), max: dayNumber('2035-12-31') })
  .map((day) => addCalendarDays('1970-01-01', day));

describe('Finnish public holidays', () => {
  it.each(YEARS)('should list the 13 public holidays of %i on their known dates', (year) => {
    expect(finnishPublicHolidays(year).map((h) => [h.date, h.name])).toEqual(
      expectedPublicHolidays(year),
    );
  });

  it.each(YEARS)('should compute Easter Sunday %i by the Gregorian computus', (year) => {
    expect(easterSunday(year)).toBe(MOVEABLE[year].easterSunday);
  });

  it.each(YEARS)(
    'should add Midsummer Eve and Christmas Eve as unofficial non-working days in %i',
    (year) => {
      const eves = finnishNonWorkingDays(year).filter((h) => !h.official);
      expect(eves.map((h) => [h.date, h.name])).toEqual([
        [MOVEABLE[year].midsummerEve, 'Midsummer Eve'],
        [`${year}-12-24`, 'Christmas Eve'],
      ]);
      expect(finnishNonWorkingDays(year)).toHaveLength(15);
    },
  );

  it.each(YEARS)('should place every moveable day of %i on its weekday', (year) => {
    const m = MOVEABLE[year];
    expect(isoWeekday(m.goodFriday)).toBe(5);
    expect(isoWeekday(m.easterSunday)).toBe(7);
    expect(isoWeekday(m.easterMonday)).toBe(1);
    expect(isoWeekday(m.ascension)).toBe(4);
    expect(isoWeekday(m.whitSunday)).toBe(7);
    expect(isoWeekday(m.midsummerEve)).toBe(5);
    expect(isoWeekday(m.midsummerDay)).toBe(6);
    expect(isoWeekday(m.allSaints)).toBe(6);
  });

  it('should answer isFinnishPublicHoliday for holidays only, not for the eves', () => {
    for (const year of YEARS) {
      for (const [date] of expectedPublicHolidays(year)) {
        expect(isFinnishPublicHoliday(date)).toBe(true);
      }
      expect(isFinnishPublicHoliday(MOVEABLE[year].midsummerEve)).toBe(false);
      expect(isFinnishPublicHoliday(`${year}-12-24`)).toBe(false);
    }
    expect(isFinnishPublicHoliday('2025-03-12')).toBe(false);
  });

  it('should reject a date that is not YYYY-MM-DD or does not exist', () => {
    expect(() => isBusinessDay('2025-02-30')).toThrow(InvalidIsoDateError);
    expect(() => isFinnishPublicHoliday('2025-1-1')).toThrow(InvalidIsoDateError);
    expect(() => addBusinessDays('2025-13-01', 1)).toThrow(InvalidIsoDateError);
  });
});

describe('Finnish business days', () => {
  it('should treat weekends, holidays and the two eves as non-business days', () => {
    for (const year of YEARS) {
      for (const holiday of finnishNonWorkingDays(year)) {
        expect(isBusinessDay(holiday.date)).toBe(false);
      }
    }
    expect(isBusinessDay('2025-03-15')).toBe(false); // Saturday
    expect(isBusinessDay('2025-03-16')).toBe(false); // Sunday
    expect(isBusinessDay('2025-03-17')).toBe(true); // Monday
    expect(isBusinessDay('2025-12-23')).toBe(true); // Tuesday before Christmas Eve
    expect(isBusinessDay('2025-12-31')).toBe(true); // New Year's Eve is a working day
  });

  it('should skip Good Friday to Easter Monday when adding across Easter 2025', () => {
    // Thu 17.4. → (Fri 18.4. Good Friday, Sat, Sun, Mon 21.4. Easter Monday) → Tue 22.4.
    expect(addBusinessDays('2025-04-17', 1)).toBe('2025-04-22');
    expect(addBusinessDays('2025-04-16', 3)).toBe('2025-04-23');
    expect(addBusinessDays('2025-04-22', -1)).toBe('2025-04-17');
    expect(businessDaysBetween('2025-04-17', '2025-04-22')).toBe(1);
  });

  it('should skip Midsummer Eve when adding across Midsummer 2026', () => {
    // Thu 18.6. → (Fri 19.6. Eve, Sat 20.6. Midsummer Day, Sun) → Mon 22.6.
    expect(addBusinessDays('2026-06-18', 1)).toBe('2026-06-22');
    expect(addBusinessDays('2026-06-12', 10)).toBe('2026-06-29');
    expect(businessDaysBetween('2026-06-18', '2026-06-22')).toBe(1);
  });

  it('should skip Christmas and New Year when adding across the turn of 2025–2026', () => {
    // Tue 23.12. → (24.–26. Eve, Christmas, Boxing Day; weekend) → Mon 29.12.
    expect(addBusinessDays('2025-12-23', 1)).toBe('2025-12-29');
    // 29, 30, 31 Dec, (1 Jan holiday), 2 Jan, (weekend), 5 Jan, (6 Jan Epiphany), 7 Jan
    expect(addBusinessDays('2025-12-23', 6)).toBe('2026-01-07');
    expect(businessDaysBetween('2025-12-23', '2026-01-07')).toBe(6);
    expect(addBusinessDays('2026-01-07', -6)).toBe('2025-12-23');
  });

  it('should give 10 business days of hand-off acceptance across Easter 2026', () => {
    // Wed 1.4. + 10: 2, (3 Good Friday, 4, 5, 6 Easter Monday), 7, 8, 9, 10, 13, 14, 15, 16, 17
    expect(addBusinessDays('2026-04-01', 10)).toBe('2026-04-17');
  });

  it('should count back from the previous business day when going backwards', () => {
    expect(businessDaysBetween('2025-03-16', '2025-03-15')).toBe(0);
    expect(Object.is(businessDaysBetween('2025-03-16', '2025-03-15'), -0)).toBe(false);
    expect(businessDaysBetween('2025-03-17', '2025-03-14')).toBe(-1);
  });

  it('should count from the next business day when starting on a weekend', () => {
    expect(addBusinessDays('2025-03-15', 1)).toBe('2025-03-17');
    expect(addBusinessDays('2025-03-16', -1)).toBe('2025-03-14');
    expect(addBusinessDays('2025-03-15', 0)).toBe('2025-03-15');
    expect(businessDaysBetween('2025-03-15', '2025-03-16')).toBe(0);
  });

  it('should reject a fractional number of business days', () => {
    expect(() => addBusinessDays('2025-03-17', 1.5)).toThrow(RangeError);
  });

  it('should land on a business day when adding n ≠ 0 business days', () => {
    fc.assert(
      fc.property(
        isoDates,
        fc.integer({ min: -60, max: 60 }).filter((n) => n !== 0),
        (date, n) => isBusinessDay(addBusinessDays(date, n)),
      ),
    );
  });

  it('should count back the days it added: businessDaysBetween(a, addBusinessDays(a, n)) === n', () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: -60, max: 60 }), (date, n) => {
        expect(businessDaysBetween(date, addBusinessDays(date, n))).toBe(n);
      }),
    );
  });

  it('should be antisymmetric: businessDaysBetween(a, b) === -businessDaysBetween(b, a) when both are business days', () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: -400, max: 400 }), (a, offset) => {
        const b = addCalendarDays(a, offset);
        fc.pre(isBusinessDay(a) && isBusinessDay(b));
        expect(businessDaysBetween(a, b) + businessDaysBetween(b, a)).toBe(0);
      }),
    );
  });
});

describe('Finnish dates of instants', () => {
  it('should give the Helsinki date, not the UTC date, late in the UTC evening', () => {
    expect(finnishDateOf(new Date('2025-06-19T21:30:00Z'))).toBe('2025-06-20'); // 00:30 EEST
    expect(finnishDateOf(new Date('2025-12-31T21:59:59Z'))).toBe('2025-12-31'); // 23:59 EET
    expect(finnishDateOf(new Date('2025-12-31T22:00:00Z'))).toBe('2026-01-01');
  });

  it('should start a Finnish day at local midnight in summer and winter time', () => {
    expect(startOfFinnishDay('2025-06-20').toISOString()).toBe('2025-06-19T21:00:00.000Z');
    expect(startOfFinnishDay('2025-01-15').toISOString()).toBe('2025-01-14T22:00:00.000Z');
    // The days clocks change (30.3. and 26.10.2025) still begin at midnight.
    expect(startOfFinnishDay('2025-03-30').toISOString()).toBe('2025-03-29T22:00:00.000Z');
    expect(startOfFinnishDay('2025-03-31').toISOString()).toBe('2025-03-30T21:00:00.000Z');
    expect(startOfFinnishDay('2025-10-26').toISOString()).toBe('2025-10-25T21:00:00.000Z');
    expect(startOfFinnishDay('2025-10-27').toISOString()).toBe('2025-10-26T22:00:00.000Z');
  });

  it('should round-trip every date through startOfFinnishDay and finnishDateOf', () => {
    fc.assert(fc.property(isoDates, (date) => finnishDateOf(startOfFinnishDay(date)) === date));
  });
});
