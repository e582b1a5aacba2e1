import {
  DESTINATION_CATEGORIES_BY_GROUP,
  type AgeBand,
  type DestinationCategory,
  type DestinationGroup,
  type ExitDestination,
  type HandoffDeclineReasonCategory,
  type MeasureType,
  type ReferralDeclineReasonCategory,
  type WaitingForCategory,
} from '@polku/contracts';
import type { Random } from './random';

// How often each coded value occurs in a synthetic event set: rough shapes from docs/domain.md
// (most clients leave to unemployment, about a tenth to the open labour market; the long-term
// unemployed and the middle-aged are the largest groups), not statistics.

export const AGE_BAND_WEIGHTS: Readonly<Record<AgeBand, number>> = {
  UNDER_18: 2,
  AGE_18_24: 18,
  AGE_25_29: 14,
  AGE_30_39: 20,
  AGE_40_49: 18,
  AGE_50_59: 20,
  AGE_60_OR_OVER: 8,
};

/** Kainuu's municipalities by size (Kajaani the largest), one from elsewhere, and none recorded. */
export const MUNICIPALITY_WEIGHTS: Readonly<Record<string, number>> = {
  '205': 40,
  '765': 12,
  '290': 10,
  '777': 9,
  '578': 5,
  '620': 4,
  '105': 3,
  '697': 2,
  '091': 3,
  NONE: 5,
};

export const MEASURE_TYPE_WEIGHTS: Readonly<Record<MeasureType, number>> = {
  REHABILITATIVE_WORK_ACTIVITY: 35,
  SOCIAL_WELFARE_WORK_ACTIVITY: 8,
  WORK_TRIAL: 15,
  PAY_SUBSIDISED_WORK: 12,
  KELA_JOB_COACHING: 6,
  LABOUR_MARKET_TRAINING: 8,
  WORK_COACHING: 12,
  OTHER: 4,
};

export const DESTINATION_WEIGHTS: Readonly<Record<DestinationCategory, number>> = {
  PENSION: 4,
  PENSION_INVESTIGATION: 3,
  UNEMPLOYED_JOBSEEKER: 30,
  HEALTH_CARE_TREATMENT: 6,
  SICK_LEAVE: 4,
  REHABILITATION_PERIOD: 5,
  STUDIES: 14,
  UNCLEAR_PATH: 8,
  OPEN_LABOUR_MARKET: 10,
  SUPPORTED_EMPLOYMENT: 10,
  ANOTHER_VTM_MEASURE: 6,
  RETURNED_TO_VTM: 1,
};

export const REFERRAL_DECLINE_WEIGHTS: Readonly<Record<ReferralDeclineReasonCategory, number>> = {
  NO_CAPACITY: 40,
  NOT_SUITABLE_MEASURE: 25,
  CLIENT_DID_NOT_ATTEND: 15,
  OUTSIDE_AREA: 10,
  OTHER: 10,
};

export const HANDOFF_DECLINE_WEIGHTS: Readonly<Record<HandoffDeclineReasonCategory, number>> = {
  NO_CAPACITY: 35,
  NOT_SUITABLE: 25,
  CLIENT_DECLINED: 15,
  MISSING_FUNDING: 15,
  OTHER: 10,
};

export const WAITING_FOR_WEIGHTS: Readonly<Record<WaitingForCategory, number>> = {
  HEALTH_CARE_ASSESSMENT: 20,
  MENTAL_HEALTH_SERVICE: 20,
  SUBSTANCE_ABUSE_SERVICE: 8,
  DEBT_COUNSELLING: 10,
  BENEFIT_DECISION: 20,
  HOUSING: 7,
  PROVIDER_PLACE: 10,
  OTHER: 5,
};

/** The group a destination category belongs to (Table 7 in docs/domain.md). */
export function groupOfCategory(category: DestinationCategory): DestinationGroup {
  const groups = Object.keys(DESTINATION_CATEGORIES_BY_GROUP) as DestinationGroup[];
  return groups.find((group) =>
    (DESTINATION_CATEGORIES_BY_GROUP[group] as readonly string[]).includes(category),
  ) as DestinationGroup;
}

/** A whole destination: group, category and, for studies and supported employment, a kind. */
export function destinationOf(random: Random, category: DestinationCategory): ExitDestination {
  const group = groupOfCategory(category);
  if (category === 'STUDIES' && random.chance(0.8)) {
    return { group, category, subType: random.pick(['DEGREE_STUDIES', 'APPRENTICESHIP'] as const) };
  }
  if (category === 'SUPPORTED_EMPLOYMENT' && random.chance(0.8)) {
    return {
      group,
      category,
      subType: random.pick(['PAY_SUBSIDISED_WORK', 'WORK_TRIAL', 'KELA_JOB_COACHING'] as const),
    };
  }
  return { group, category };
}

/** A destination drawn from {@link DESTINATION_WEIGHTS}, optionally leaving some out. */
export function randomDestination(
  random: Random,
  except: readonly DestinationCategory[] = [],
): ExitDestination {
  const weights = Object.fromEntries(
    Object.entries(DESTINATION_WEIGHTS).filter(
      ([category]) => !except.includes(category as DestinationCategory),
    ),
  ) as Record<DestinationCategory, number>;
  return destinationOf(random, random.weighted(weights));
}
