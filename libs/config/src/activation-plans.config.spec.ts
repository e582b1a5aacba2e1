import { ActivationPlansConfig, DEFAULT_KTT_LEGAL_SOURCE } from './activation-plans.config';
import { ConfigError, loadConfig } from './load-config';

/** The error loadConfig threw, or a failure when it threw none. */
function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(ActivationPlansConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      expect(error.message).not.toMatch(/[\r\n]/);
      return error.problems;
    }
    throw error;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

const LAW_OF_2025 = {
  KTT_PERIOD_MIN_MONTHS: 3,
  KTT_PERIOD_MAX_MONTHS: 24,
  KTT_DAYS_PER_WEEK_MIN: 1,
  KTT_DAYS_PER_WEEK_MAX: 4,
  KTT_HOURS_PER_DAY_MIN: 4,
  KTT_LEGAL_SOURCE: DEFAULT_KTT_LEGAL_SOURCE,
  PLAN_REVIEW_INTERVAL_MONTHS: 6,
};

describe('ActivationPlansConfig', () => {
  it('should give the limits of the law as of 2025 and a 6-month review when the environment is empty', () => {
    const config = loadConfig(ActivationPlansConfig, {});

    expect(config).toBeInstanceOf(ActivationPlansConfig);
    expect(config).toMatchObject(LAW_OF_2025);
    expect(config.DATABASE_POOL_MAX).toBe(10);
  });

  it('should load the same defaults when NODE_ENV is production', () => {
    const ownVerifyKey = 'test-prod:MCowBQYDK2VwAyEAH1ApcNA4SiCe/5EFvEL4/s6UK19rGOCDGaa07/dC7os=';
    expect(
      loadConfig(ActivationPlansConfig, {
        NODE_ENV: 'production',
        INTERNAL_TOKEN_VERIFY_KEYS: ownVerifyKey,
      }),
    ).toMatchObject(LAW_OF_2025);
  });

  it('should take new limits from the environment when the law changes', () => {
    const config = loadConfig(ActivationPlansConfig, {
      KTT_PERIOD_MAX_MONTHS: '36',
      KTT_DAYS_PER_WEEK_MAX: '5',
      KTT_LEGAL_SOURCE: 'Act 189/2001 as amended by Act 999/2027',
    });

    expect(config).toMatchObject({
      KTT_PERIOD_MAX_MONTHS: 36,
      KTT_DAYS_PER_WEEK_MAX: 5,
      KTT_LEGAL_SOURCE: 'Act 189/2001 as amended by Act 999/2027',
    });
  });

  it('should accept a minimum equal to its maximum', () => {
    const config = loadConfig(ActivationPlansConfig, {
      KTT_PERIOD_MIN_MONTHS: '12',
      KTT_PERIOD_MAX_MONTHS: '12',
      KTT_DAYS_PER_WEEK_MIN: '3',
      KTT_DAYS_PER_WEEK_MAX: '3',
    });

    expect(config.KTT_PERIOD_MIN_MONTHS).toBe(config.KTT_PERIOD_MAX_MONTHS);
  });

  it('should refuse with one line naming both variables when the period minimum is above its maximum', () => {
    expect(problemsOf({ KTT_PERIOD_MIN_MONTHS: '25' })).toEqual([
      'KTT_PERIOD_MIN_MONTHS must not be more than KTT_PERIOD_MAX_MONTHS (25 > 24 months)',
    ]);
  });

  it('should refuse with one line naming both variables when the days-a-week minimum is above its maximum', () => {
    expect(problemsOf({ KTT_DAYS_PER_WEEK_MIN: '3', KTT_DAYS_PER_WEEK_MAX: '2' })).toEqual([
      'KTT_DAYS_PER_WEEK_MIN must not be more than KTT_DAYS_PER_WEEK_MAX (3 > 2 days)',
    ]);
  });

  it.each([
    [
      'KTT_PERIOD_MIN_MONTHS',
      '0',
      'KTT_PERIOD_MIN_MONTHS must be a whole number from 1 to 60, got 0',
    ],
    [
      'KTT_PERIOD_MAX_MONTHS',
      '61',
      'KTT_PERIOD_MAX_MONTHS must be a whole number from 1 to 60, got 61',
    ],
    [
      'KTT_DAYS_PER_WEEK_MIN',
      '0',
      'KTT_DAYS_PER_WEEK_MIN must be a whole number from 1 to 7, got 0',
    ],
    [
      'KTT_DAYS_PER_WEEK_MAX',
      '8',
      'KTT_DAYS_PER_WEEK_MAX must be a whole number from 1 to 7, got 8',
    ],
    [
      'KTT_HOURS_PER_DAY_MIN',
      '25',
      'KTT_HOURS_PER_DAY_MIN must be a whole number from 1 to 24, got 25',
    ],
    [
      'KTT_HOURS_PER_DAY_MIN',
      '3.5',
      'KTT_HOURS_PER_DAY_MIN must be a whole number from 1 to 24, got "3.5"',
    ],
    [
      'PLAN_REVIEW_INTERVAL_MONTHS',
      '0',
      'PLAN_REVIEW_INTERVAL_MONTHS must be a whole number from 1 to 24, got 0',
    ],
    ['KTT_LEGAL_SOURCE', '', 'KTT_LEGAL_SOURCE must be one line of 1 to 200 characters'],
    ['KTT_LEGAL_SOURCE', 'Act\n189', 'KTT_LEGAL_SOURCE must be one line of 1 to 200 characters'],
  ])('should refuse %s with one line when it is %j', (name, value, problem) => {
    expect(problemsOf({ [name]: value })).toEqual([problem]);
  });

  it('should report only the range, not the order, when a minimum is not a number', () => {
    expect(problemsOf({ KTT_PERIOD_MIN_MONTHS: 'three' })).toEqual([
      'KTT_PERIOD_MIN_MONTHS must be a whole number from 1 to 60, got "three"',
    ]);
  });
});
