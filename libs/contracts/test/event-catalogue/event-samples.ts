import {
  eventContractFor,
  type EventEnvelope,
  type EventPayloads,
  type EventSubject,
} from '../../src/index';
import { INTAKE_SAMPLES } from './intake-samples';
import { MEETINGS_SAMPLES } from './meetings-samples';
import { PLANS_SAMPLES } from './plans-samples';
import { fixedIds, freshIds, type SampleIds } from './sample-ids';
import type { EventSample } from './sample-parts';
import { TRANSITIONS_SAMPLES } from './transitions-samples';

/** One valid sample of every registered event; the mapped type fails to compile if one is missing. */
export const EVENT_SAMPLES: { readonly [S in EventSubject]: EventSample<S> } = {
  ...INTAKE_SAMPLES,
  ...PLANS_SAMPLES,
  ...TRANSITIONS_SAMPLES,
  ...MEETINGS_SAMPLES,
};

/** Fields to change in a sample; a field given as undefined is left out of the event. */
export type Overrides<T> = { readonly [K in keyof T]?: T[K] | undefined };

/** What a test changes in a sample event: envelope fields, and payload fields under `data`. */
export type EventOverrides<S extends EventSubject> = Overrides<
  Omit<EventEnvelope<EventPayloads[S]>, 'data'>
> & { readonly data?: Overrides<EventPayloads[S]> };

/** `base` with `overrides` applied; an override of undefined removes the field. */
export function applyOverrides<T extends object>(base: T, overrides: Overrides<T> = {}): T {
  const merged: Record<string, unknown> = { ...base, ...overrides };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) {
      delete merged[key];
    }
  }
  return merged as T;
}

function build<S extends EventSubject>(
  subject: S,
  id: SampleIds,
  { data, ...envelope }: EventOverrides<S>,
): EventEnvelope<EventPayloads[S]> {
  const contract = eventContractFor(subject);
  if (contract === undefined) {
    throw new Error(`no contract is registered for ${subject}`);
  }
  const sample = EVENT_SAMPLES[subject] as EventSample<S>;
  const ground =
    'consent' in sample.ground
      ? { consentRef: id('consentRef') }
      : { legalBasis: sample.ground.legalBasis };
  const event: EventEnvelope<EventPayloads[S]> = {
    id: id('eventId'),
    type: contract.type,
    version: contract.version,
    occurredAt: '2026-02-23T08:15:00.000Z',
    pathId: id('pathId'),
    clientRef: id('clientRef'),
    emitter: sample.emitter(id),
    correlationId: id('pathId'),
    causationId: id('causingEventId'),
    dataClass: contract.dataClass,
    ...ground,
    data: applyOverrides(sample.data(id), data),
  };
  return applyOverrides(event, envelope as Overrides<EventEnvelope<EventPayloads[S]>>);
}

/**
 * A valid event on `subject` as it travels on the wire, with fresh ids (path, client, payload
 * ids), so that tests sharing a database or a stream never see each other's events.
 */
export function newEvent<S extends EventSubject>(
  subject: S,
  overrides: EventOverrides<S> = {},
): EventEnvelope<EventPayloads[S]> {
  return build(subject, freshIds(), overrides);
}

/** The same valid event on `subject` in every run: the ids of `IDS`, for exact assertions. */
export function sampleEvent<S extends EventSubject>(
  subject: S,
  overrides: EventOverrides<S> = {},
): EventEnvelope<EventPayloads[S]> {
  return build(subject, fixedIds, overrides);
}

/** The payload of {@link sampleEvent}. */
export function samplePayload<S extends EventSubject>(subject: S): EventPayloads[S] {
  return EVENT_SAMPLES[subject].data(fixedIds) as EventPayloads[S];
}
