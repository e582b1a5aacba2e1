import type { EventSubject } from './event-registry';
import { NEXT_STEP_SET_V1 } from './transitions/next-step-set.event';

/**
 * Events that summarise where something stands rather than tell what happened: read models
 * (the work queue, the dashboards) follow them, while the shared timeline, which tells the
 * path's facts, leaves them out — each already has the fact that caused it beside it.
 */
export const STATE_SUMMARY_EVENT_SUBJECTS = [NEXT_STEP_SET_V1.subject] as const;

/** One of {@link STATE_SUMMARY_EVENT_SUBJECTS}. */
export type StateSummaryEventSubject = (typeof STATE_SUMMARY_EVENT_SUBJECTS)[number];

/** An event subject that tells a fact: every registered subject but the state summaries. */
export type FactEventSubject = Exclude<EventSubject, StateSummaryEventSubject>;

/** Whether a subject tells a fact (and so belongs on the shared timeline). */
export function isFactEventSubject(subject: string): boolean {
  return !(STATE_SUMMARY_EVENT_SUBJECTS as readonly string[]).includes(subject);
}
