import type { Refusal } from '../path';

// Events of different subjects travel on different durable consumers, so they arrive in any
// order: ReferralAccepted can come before its ClientReferred, MeasureResumed before its
// MeasurePaused, MeasureStarted before the IntakeCompleted that let activation-plans agree the
// plan. Another service's event is a fact that service already accepted, so the path machine
// never refuses one because of the path's state: it moves the path or records the fact
// (docs/path-rules.md). It refuses one in two cases only:
//
// - EARLY: the event follows one that has not arrived here yet, and the upstream service's own
//   refusals guarantee that one is on its way (a measure starts only with an agreed plan, so a
//   MeasureStarted on a path still in intake waits for IntakeCompleted). The event is parked:
//   kept whole in parked_event and acknowledged, in one transaction (its inbox row keeps a
//   redelivery from applying it again). Whenever the path absorbs an event, its parked events
//   are fed again in order of arrival, in that event's transaction (parked-event-retry.ts). A
//   park older than PARKED_EVENT_ALARM_AFTER_MINUTES raises an alarm (../parking).
// - Anything else (a malformed event, or a case the machine does not absorb) is a bug or a
//   poison message: the consumer throws it too, with an error that says so, and it ends as a
//   dead letter instead of being acknowledged and lost, so that tests find it.

/** Whether the machine refused an event because it came before an event it follows. */
export function arrivedEarly(refusal: Refusal): boolean {
  return refusal.code === 'EARLY';
}
