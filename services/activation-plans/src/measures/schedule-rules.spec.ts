import { ActivationPlansConfig, DEFAULT_KTT_LEGAL_SOURCE, loadConfig } from '@polku/config';
import { MEASURE_TYPES, type MeasureType } from '@polku/contracts';
import { addCalendarDays } from '@polku/timers';
import fc from 'fast-check';
import { lastDayOfPeriod } from './calendar-months';
import {
  legalParametersOf,
  validateMeasureSchedule,
  type LegalParameters,
  type MeasureSchedule,
  type ScheduleRule,
} from './schedule-rules';

const LAW_OF_2025: LegalParameters = legalParametersOf(loadConfig(ActivationPlansConfig, {}));
const KTT: MeasureType = 'REHABILITATIVE_WORK_ACTIVITY';
const START = '2025-03-01';

/** A KTT schedule that keeps every limit: 3 to 24 months, 1 to 4 days, at least 4 hours. */
function kttSchedule(overrides: Partial<MeasureSchedule> = {}): MeasureSchedule {
  return {
    measureType: KTT,
    startDate: START,
    plannedEndDate: '2025-08-31',
    daysPerWeek: 3,
    hoursPerDay: 4,
    ...overrides,
  };
}

/** The last day of a period of `months` months starting on START. */
const lastDayOf = (months: number) => lastDayOfPeriod(START, months);

function rulesBroken(schedule: MeasureSchedule, rules = LAW_OF_2025): ScheduleRule[] {
  return validateMeasureSchedule(schedule, rules).map((violation) => violation.rule);
}

describe('legalParametersOf', () => {
  it('should give the limits of the law as of 2025 when the configuration has its defaults', () => {
    expect(LAW_OF_2025).toEqual({
      rehabilitativeWorkActivity: {
        periodMinMonths: 3,
        periodMaxMonths: 24,
        daysPerWeekMin: 1,
        daysPerWeekMax: 4,
        hoursPerDayMin: 4,
        legalSource: DEFAULT_KTT_LEGAL_SOURCE,
      },
      planReviewIntervalMonths: 6,
    });
  });

  it('should follow the configuration when the law changes', () => {
    const rules = legalParametersOf(
      loadConfig(ActivationPlansConfig, {
        KTT_DAYS_PER_WEEK_MAX: '5',
        KTT_LEGAL_SOURCE: 'Act 189/2001 as amended by Act 999/2027',
        PLAN_REVIEW_INTERVAL_MONTHS: '12',
      }),
    );

    expect(rulesBroken(kttSchedule({ daysPerWeek: 5 }), rules)).toEqual([]);
    expect(validateMeasureSchedule(kttSchedule({ daysPerWeek: 6 }), rules)).toEqual([
      expect.objectContaining({
        rule: 'KTT_DAYS_PER_WEEK_MAX',
        legalSource: 'Act 189/2001 as amended by Act 999/2027',
      }),
    ]);
    expect(rules.planReviewIntervalMonths).toBe(12);
  });
});

describe('validateMeasureSchedule', () => {
  it('should find no violation when a KTT schedule keeps every limit', () => {
    expect(validateMeasureSchedule(kttSchedule(), LAW_OF_2025)).toEqual([]);
  });

  describe('KTT period', () => {
    it('should pass when the period is exactly 3 months', () => {
      expect(lastDayOf(3)).toBe('2025-05-31');
      expect(rulesBroken(kttSchedule({ plannedEndDate: lastDayOf(3) }))).toEqual([]);
    });

    it('should fail KTT_PERIOD_MIN with the length in words when the period is one day short of 3 months', () => {
      expect(
        validateMeasureSchedule(kttSchedule({ plannedEndDate: '2025-05-30' }), LAW_OF_2025),
      ).toEqual([
        {
          rule: 'KTT_PERIOD_MIN',
          field: 'plannedEndDate',
          message:
            'A period of rehabilitative work activity is at least 3 months (Act 189/2001 as amended by Act 142/2015); this one is 2 months and 30 days.',
          legalSource: 'Act 189/2001 as amended by Act 142/2015',
        },
      ]);
    });

    it('should say "2 months and 10 days" when the period is that long', () => {
      const [violation] = validateMeasureSchedule(
        kttSchedule({ plannedEndDate: '2025-05-10' }),
        LAW_OF_2025,
      );

      expect(violation.message).toContain('this one is 2 months and 10 days.');
    });

    it('should pass when the period is exactly 24 months', () => {
      expect(lastDayOf(24)).toBe('2027-02-28');
      expect(rulesBroken(kttSchedule({ plannedEndDate: lastDayOf(24) }))).toEqual([]);
    });

    it('should fail KTT_PERIOD_MAX when the period is one day over 24 months', () => {
      expect(
        validateMeasureSchedule(kttSchedule({ plannedEndDate: '2027-03-01' }), LAW_OF_2025),
      ).toEqual([
        {
          rule: 'KTT_PERIOD_MAX',
          field: 'plannedEndDate',
          message:
            'A period of rehabilitative work activity is at most 24 months at a time (Act 189/2001 as amended by Act 142/2015); this one is 24 months and 1 day.',
          legalSource: 'Act 189/2001 as amended by Act 142/2015',
        },
      ]);
    });

    it('should count a period from the 31st to the end of a shorter month as whole months', () => {
      const schedule = kttSchedule({ startDate: '2025-01-31', plannedEndDate: '2025-04-30' });

      expect(rulesBroken(schedule)).toEqual([]);
      expect(rulesBroken({ ...schedule, plannedEndDate: '2025-04-29' })).toEqual([
        'KTT_PERIOD_MIN',
      ]);
    });
  });

  describe('KTT days a week', () => {
    it.each([1, 4])('should pass when there are %i days a week', (daysPerWeek) => {
      expect(rulesBroken(kttSchedule({ daysPerWeek }))).toEqual([]);
    });

    it('should fail KTT_DAYS_PER_WEEK_MAX when there are 5 days a week', () => {
      expect(validateMeasureSchedule(kttSchedule({ daysPerWeek: 5 }), LAW_OF_2025)).toEqual([
        {
          rule: 'KTT_DAYS_PER_WEEK_MAX',
          field: 'daysPerWeek',
          message:
            'Rehabilitative work activity is arranged on at most 4 days a week (Act 189/2001 as amended by Act 142/2015); this schedule has 5 days.',
          legalSource: 'Act 189/2001 as amended by Act 142/2015',
        },
      ]);
    });

    it('should fail KTT_DAYS_PER_WEEK_MIN when a configured minimum of 2 days is not met', () => {
      const rules: LegalParameters = {
        ...LAW_OF_2025,
        rehabilitativeWorkActivity: {
          ...LAW_OF_2025.rehabilitativeWorkActivity,
          daysPerWeekMin: 2,
        },
      };

      expect(validateMeasureSchedule(kttSchedule({ daysPerWeek: 1 }), rules)).toEqual([
        expect.objectContaining({
          rule: 'KTT_DAYS_PER_WEEK_MIN',
          message: expect.stringContaining('at least 2 days a week') as unknown,
        }),
      ]);
    });

    it('should give only the plain range message when there are 0 days a week', () => {
      expect(rulesBroken(kttSchedule({ daysPerWeek: 0 }))).toEqual(['DAYS_PER_WEEK_RANGE']);
    });
  });

  describe('KTT hours a day', () => {
    it('should pass when a day is 4 hours', () => {
      expect(rulesBroken(kttSchedule({ hoursPerDay: 4 }))).toEqual([]);
    });

    it('should pass when a day is longer than 4 hours (the sources give no maximum)', () => {
      expect(rulesBroken(kttSchedule({ hoursPerDay: 8 }))).toEqual([]);
    });

    it('should fail KTT_HOURS_PER_DAY_MIN when a day is 3.5 hours', () => {
      expect(validateMeasureSchedule(kttSchedule({ hoursPerDay: 3.5 }), LAW_OF_2025)).toEqual([
        {
          rule: 'KTT_HOURS_PER_DAY_MIN',
          field: 'hoursPerDay',
          message:
            'A day of rehabilitative work activity is at least 4 hours (Act 189/2001 as amended by Act 142/2015); this schedule has 3.5 hours.',
          legalSource: 'Act 189/2001 as amended by Act 142/2015',
        },
      ]);
    });
  });

  describe('checks for every measure', () => {
    it('should pass when the planned end is the start day of a one-day work trial', () => {
      const schedule = kttSchedule({
        measureType: 'WORK_TRIAL',
        plannedEndDate: START,
        daysPerWeek: 5,
      });

      expect(rulesBroken(schedule)).toEqual([]);
    });

    it('should fail END_BEFORE_START, and no period rule, when the end is the day before the start', () => {
      expect(
        validateMeasureSchedule(kttSchedule({ plannedEndDate: '2025-02-28' }), LAW_OF_2025),
      ).toEqual([
        {
          rule: 'END_BEFORE_START',
          field: 'plannedEndDate',
          message: 'The planned end date 2025-02-28 is before the start date 2025-03-01.',
          legalSource: null,
        },
      ]);
    });

    it.each([
      ['2025-02-30', 'startDate', 'START_DATE_INVALID'],
      ['1.3.2025', 'startDate', 'START_DATE_INVALID'],
      ['2025-13-01', 'plannedEndDate', 'PLANNED_END_DATE_INVALID'],
    ] as const)('should fail when %j is given as %s', (value, field, rule) => {
      const violations = validateMeasureSchedule(kttSchedule({ [field]: value }), LAW_OF_2025);

      expect(violations).toEqual([
        expect.objectContaining({
          rule,
          field,
          message: expect.stringContaining(JSON.stringify(value)) as unknown,
        }),
      ]);
    });

    it.each([
      [1, []],
      [7, []],
      [0, ['DAYS_PER_WEEK_RANGE']],
      [8, ['DAYS_PER_WEEK_RANGE']],
      [2.5, ['DAYS_PER_WEEK_RANGE']],
      [Number.NaN, ['DAYS_PER_WEEK_RANGE']],
    ])('should judge %p days a week of a work trial as %j', (daysPerWeek, expected) => {
      expect(rulesBroken(kttSchedule({ measureType: 'WORK_TRIAL', daysPerWeek }))).toEqual(
        expected,
      );
    });

    it.each([
      [0.5, []],
      [24, []],
      [0, ['HOURS_PER_DAY_RANGE']],
      [-1, ['HOURS_PER_DAY_RANGE']],
      [24.5, ['HOURS_PER_DAY_RANGE']],
      [Number.POSITIVE_INFINITY, ['HOURS_PER_DAY_RANGE']],
    ])('should judge %p hours a day of pay-subsidised work as %j', (hoursPerDay, expected) => {
      expect(rulesBroken(kttSchedule({ measureType: 'PAY_SUBSIDISED_WORK', hoursPerDay }))).toEqual(
        expected,
      );
    });

    it('should report every broken rule at once, in field order', () => {
      expect(
        rulesBroken(kttSchedule({ plannedEndDate: '2025-03-31', daysPerWeek: 5, hoursPerDay: 2 })),
      ).toEqual(['KTT_PERIOD_MIN', 'KTT_DAYS_PER_WEEK_MAX', 'KTT_HOURS_PER_DAY_MIN']);
    });

    it.each(MEASURE_TYPES.filter((type) => type !== KTT))(
      'should apply no KTT limit when the measure is %s',
      (measureType: MeasureType) => {
        const schedule = kttSchedule({
          measureType,
          plannedEndDate: '2028-01-01',
          daysPerWeek: 5,
          hoursPerDay: 2,
        });

        expect(rulesBroken(schedule)).toEqual([]);
      },
    );
  });

  describe('property', () => {
    // Any day from 2000 to 2029, with month ends (where month arithmetic goes wrong) often.
    const anyDay = fc
      .integer({ min: 0, max: 365 * 30 })
      .map((offset) => addCalendarDays('2000-01-01', offset));
    const monthEnd = fc
      .tuple(fc.integer({ min: 2000, max: 2029 }), fc.integer({ min: 1, max: 12 }))
      .map(([year, month]) =>
        addCalendarDays(
          `${year + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`,
          -1,
        ),
      );
    const day = fc.oneof(anyDay, monthEnd);

    it('should find no violation when a KTT schedule is generated inside every limit', () => {
      fc.assert(
        fc.property(
          day,
          fc.integer({ min: 3, max: 24 }),
          fc.integer({ min: 0, max: 31 }),
          fc.integer({ min: 1, max: 4 }),
          fc.double({ min: 4, max: 24, noNaN: true }),
          (startDate, months, extraDays, daysPerWeek, hoursPerDay) => {
            const shortest = lastDayOfPeriod(startDate, 3);
            // Somewhere between the shortest and the longest period, both allowed.
            const candidate = addCalendarDays(lastDayOfPeriod(startDate, months), extraDays);
            const longest = lastDayOfPeriod(startDate, 24);
            const plannedEndDate =
              candidate > longest ? longest : candidate < shortest ? shortest : candidate;
            const schedule = {
              measureType: KTT,
              startDate,
              plannedEndDate,
              daysPerWeek,
              hoursPerDay,
            };

            expect(validateMeasureSchedule(schedule, LAW_OF_2025)).toEqual([]);
          },
        ),
        { numRuns: 500 },
      );
    });

    it('should name a KTT period rule when the last day is moved one day outside a limit', () => {
      fc.assert(
        fc.property(day, fc.boolean(), (startDate, tooShort) => {
          const months = tooShort ? 3 : 24;
          const exact = lastDayOfPeriod(startDate, months);
          const plannedEndDate = addCalendarDays(exact, tooShort ? -1 : 1);
          const base = { measureType: KTT, startDate, daysPerWeek: 2, hoursPerDay: 5 } as const;

          expect(rulesBroken({ ...base, plannedEndDate: exact })).toEqual([]);
          expect(rulesBroken({ ...base, plannedEndDate })).toEqual([
            tooShort ? 'KTT_PERIOD_MIN' : 'KTT_PERIOD_MAX',
          ]);
        }),
        { numRuns: 500 },
      );
    });
  });
});
