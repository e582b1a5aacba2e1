import type { Weighted } from '../random/seeded-random';
import type { Destination } from './steps';

// The exit destinations of Table 7 (docs/domain.md §3.7) the personas use, by a short key.

export const DESTINATIONS = {
  UNEMPLOYED: { group: 'OUTSIDE_LABOUR_MARKET', category: 'UNEMPLOYED_JOBSEEKER' },
  PENSION: { group: 'OUTSIDE_LABOUR_MARKET', category: 'PENSION' },
  PENSION_INVESTIGATION: { group: 'OUTSIDE_LABOUR_MARKET', category: 'PENSION_INVESTIGATION' },
  HEALTH_CARE: { group: 'OUTSIDE_LABOUR_MARKET', category: 'HEALTH_CARE_TREATMENT' },
  SICK_LEAVE: { group: 'OUTSIDE_LABOUR_MARKET', category: 'SICK_LEAVE' },
  REHABILITATION: { group: 'OUTSIDE_LABOUR_MARKET', category: 'REHABILITATION_PERIOD' },
  DEGREE_STUDIES: {
    group: 'OUTSIDE_LABOUR_MARKET',
    category: 'STUDIES',
    subType: 'DEGREE_STUDIES',
  },
  LABOUR_MARKET_TRAINING: {
    group: 'OUTSIDE_LABOUR_MARKET',
    category: 'STUDIES',
    subType: 'LABOUR_MARKET_TRAINING',
  },
  APPRENTICESHIP: {
    group: 'OUTSIDE_LABOUR_MARKET',
    category: 'STUDIES',
    subType: 'APPRENTICESHIP',
  },
  INTEGRATION_TRAINING: {
    group: 'OUTSIDE_LABOUR_MARKET',
    category: 'STUDIES',
    subType: 'INTEGRATION_TRAINING',
  },
  SELF_MOTIVATED_STUDIES: {
    group: 'OUTSIDE_LABOUR_MARKET',
    category: 'STUDIES',
    subType: 'SELF_MOTIVATED_STUDIES',
  },
  UNCLEAR: { group: 'OUTSIDE_LABOUR_MARKET', category: 'UNCLEAR_PATH' },
  OPEN_LABOUR_MARKET: { group: 'LABOUR_MARKET', category: 'OPEN_LABOUR_MARKET' },
  PAY_SUBSIDY: {
    group: 'LABOUR_MARKET',
    category: 'SUPPORTED_EMPLOYMENT',
    subType: 'PAY_SUBSIDISED_WORK',
  },
  WORK_TRIAL: { group: 'LABOUR_MARKET', category: 'SUPPORTED_EMPLOYMENT', subType: 'WORK_TRIAL' },
  KELA_JOB_COACHING: {
    group: 'LABOUR_MARKET',
    category: 'SUPPORTED_EMPLOYMENT',
    subType: 'KELA_JOB_COACHING',
  },
  ANOTHER_VTM_MEASURE: { group: 'CONTINUATION', category: 'ANOTHER_VTM_MEASURE' },
} as const satisfies Record<string, Destination>;

export type DestinationKey = keyof typeof DESTINATIONS;

export function destination(key: DestinationKey): Destination {
  return { ...DESTINATIONS[key] };
}

export function isUnclear(value: Destination): boolean {
  return value.category === 'UNCLEAR_PATH';
}

/**
 * Where a persona's clients go, in Kajaani (the larger municipality) and in the smaller ones:
 * the source's "about a third" and "almost all" to unemployment (docs/dashboards.md).
 */
export interface DestinationTable {
  readonly larger: Weighted<DestinationKey>;
  readonly smaller: Weighted<DestinationKey>;
}
