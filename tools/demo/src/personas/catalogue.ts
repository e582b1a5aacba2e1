import type { Persona } from './persona';
import { everythingTried } from './everything-tried';
import { immigrantIntegration } from './immigrant-integration';
import { longTermUnemployed } from './long-term-unemployed';
import { mentalHealthCoaching } from './mental-health-coaching';
import { nearRetirement } from './near-retirement';
import { paySubsidyUsedUp } from './pay-subsidy-used-up';
import { skilledNoLocalJobs } from './skilled-no-local-jobs';
import { studyBridge } from './study-bridge';
import { substanceRelapse } from './substance-relapse';
import { youngDropout } from './young-dropout';

/** The ten personas of docs/domain.md §9, in its order. */
export const PERSONAS: readonly Persona[] = [
  youngDropout,
  longTermUnemployed,
  nearRetirement,
  mentalHealthCoaching,
  immigrantIntegration,
  substanceRelapse,
  paySubsidyUsedUp,
  skilledNoLocalJobs,
  everythingTried,
  studyBridge,
];
