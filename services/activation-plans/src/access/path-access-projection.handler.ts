import { ACTIVATION_PLAN_AGREED_V1, ACTIVATION_PLAN_REVISED_V1 } from '@polku/contracts';
import { pathAccessProjectionHandler } from '@polku/path-access';

/**
 * This service's access projection: referrals, consents, hand-offs and ownership of each path,
 * in batches, and each path's client reference. The two plan events are not consumed: this
 * service records its plan parties itself, in the transaction that changes them
 * (recordPlanParties), so access follows a plan at once instead of after a round trip through
 * the stream.
 */
export const PathAccessProjectionHandler = pathAccessProjectionHandler({
  except: [ACTIVATION_PLAN_AGREED_V1.subject, ACTIVATION_PLAN_REVISED_V1.subject],
  recordClientRefs: true,
});
