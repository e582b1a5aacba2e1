import { EVENT_CONTRACTS, isFactEventSubject } from '@polku/contracts';
import { PATH_ACCESS_EVENT_SUBJECTS } from '@polku/path-access';

/**
 * Every event subject that tells a fact: each one's events are on the timeline. State summaries
 * (NextStepSet) are left out: the fact that caused each is already there.
 */
export const TIMELINE_EVENT_SUBJECTS: readonly string[] = EVENT_CONTRACTS.map(
  (contract): string => contract.subject,
).filter(isFactEventSubject);

/**
 * The subjects TimelineEventsHandler consumes: all but the access projection's, whose handler
 * puts them on the timeline in the same batch (one durable consumer per subject).
 */
export const TIMELINE_ONLY_SUBJECTS: readonly string[] = TIMELINE_EVENT_SUBJECTS.filter(
  (subject) => !PATH_ACCESS_EVENT_SUBJECTS.includes(subject),
);
