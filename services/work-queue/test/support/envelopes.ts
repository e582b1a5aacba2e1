import { eventEnvelopeOf } from '@polku/messaging';
import type { SealedEvent } from '@polku/testing';
import type { SubjectEvent } from './work-queue-service';

/** The envelopes of the events, with their ids, as the owners' outbox writers build them. */
export function seal(events: readonly SubjectEvent[]): SealedEvent[] {
  return events.map(({ subject, event }) => ({
    subject,
    envelope: eventEnvelopeOf(subject, event as never),
  }));
}
