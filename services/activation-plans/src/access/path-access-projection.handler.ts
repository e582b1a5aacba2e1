import {
  ACTIVATION_PLAN_AGREED_V1,
  ACTIVATION_PLAN_REVISED_V1,
  HANDOFF_DECLINED_V1,
  HANDOFF_PROPOSED_V1,
} from '@polku/contracts';
import { pathAccessProjectionHandler } from '@polku/path-access';

/** The access projection's subjects this handler leaves to others, and why. */
export const ACCESS_SUBJECTS_PROJECTED_ELSEWHERE: readonly string[] = [
  // This service records its plan parties itself, in the transaction that changes them
  // (recordPlanParties), so access follows a plan at once instead of after a round trip.
  ACTIVATION_PLAN_AGREED_V1.subject,
  ACTIVATION_PLAN_REVISED_V1.subject,
  // The path stage projection consumes these (one durable per subject) and projects access too.
  HANDOFF_PROPOSED_V1.subject,
  HANDOFF_DECLINED_V1.subject,
];

/**
 * This service's access projection: referrals, consents, hand-offs and ownership of each path,
 * in batches, and each path's client reference.
 */
export const PathAccessProjectionHandler = pathAccessProjectionHandler({
  except: ACCESS_SUBJECTS_PROJECTED_ELSEWHERE,
  recordClientRefs: true,
});
