import type { EventPayloads, EventSubject } from '@polku/contracts';
import { applyOverrides, newEvent, type Overrides } from '@polku/contracts/testing';
import type { NewEvent } from '@polku/messaging';

/** What a test changes in a producer's event: its fields, and payload fields under `data`. */
export type OutboxEventOverrides<S extends EventSubject> = Overrides<
  Omit<NewEvent<EventPayloads[S]>, 'data'>
> & { readonly data?: Overrides<EventPayloads[S]> };

/**
 * The catalogue's valid event on `subject` as a producer hands it to `OutboxWriter.append` (or a
 * test publishes it): path, client, emitter, legal ground and payload, with fresh ids. The writer
 * adds id, type, version, time, correlation and data class, as it does in production.
 */
export function newOutboxEvent<S extends EventSubject>(
  subject: S,
  { data, ...fields }: OutboxEventOverrides<S> = {},
): NewEvent<EventPayloads[S]> {
  const event = newEvent(subject, { data });
  const producerEvent: NewEvent<EventPayloads[S]> = {
    pathId: event.pathId,
    clientRef: event.clientRef,
    emitter: event.emitter,
    ...(event.consentRef === undefined ? {} : { consentRef: event.consentRef }),
    ...(event.legalBasis === undefined ? {} : { legalBasis: event.legalBasis }),
    data: event.data,
  };
  return applyOverrides(producerEvent, fields as Overrides<NewEvent<EventPayloads[S]>>);
}
