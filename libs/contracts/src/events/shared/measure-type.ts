/**
 * The measures a client can be referred to or take part in (docs/domain.md §1.2, §10.2 S3). Work
 * practice and working-life coaching merged into the work trial in 2013 and are not offered.
 */
export const MEASURE_TYPES = [
  'REHABILITATIVE_WORK_ACTIVITY',
  'SOCIAL_WELFARE_WORK_ACTIVITY',
  'WORK_TRIAL',
  'PAY_SUBSIDISED_WORK',
  'KELA_JOB_COACHING',
  'LABOUR_MARKET_TRAINING',
  'WORK_COACHING',
  'OTHER',
] as const;

/** One of {@link MEASURE_TYPES}. */
export type MeasureType = (typeof MEASURE_TYPES)[number];
