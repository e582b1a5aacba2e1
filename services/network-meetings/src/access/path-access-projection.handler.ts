import { pathAccessProjectionHandler } from '@polku/path-access';
import { projectTimeline } from '../timeline/timeline-projection';

/**
 * This service's access projection (referrals, consents, hand-offs, ownership, plan parties and
 * meeting participants of each path), which every feature's access check reads. The same
 * batches are put on the timeline in the same transaction: one durable consumer per subject.
 */
export const PathAccessProjectionHandler = pathAccessProjectionHandler({
  recordClientRefs: true,
  alsoProject: projectTimeline,
});
