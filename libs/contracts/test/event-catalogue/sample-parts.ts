import type { EnvelopeEmitter, EventPayloads, EventSubject, OrgRole } from '../../src/index';
import type { SampleIdName, SampleIds } from './sample-ids';

/** The ground an event names for processing client data: the client's consent, or a law. */
export type LegalGround = { readonly consent: true } | { readonly legalBasis: string };

/** The event is covered by the client's consent: the envelope gets a consentRef. */
export const UNDER_CONSENT: LegalGround = { consent: true };

/** The laws the samples cite; tests that are about the ground override it. */
export const LAWS = {
  employmentServices: { legalBasis: 'Act on Public Employment and Business Services 380/2023' },
  clientData: {
    legalBasis: 'Act on the Processing of Client Data in Healthcare and Social Welfare 703/2023',
  },
  rehabilitativeWorkActivity: { legalBasis: 'Act on Rehabilitative Work Activity 189/2001' },
} as const satisfies Record<string, LegalGround>;

/** One valid sample of an event: who emits it, on which ground, and its payload. */
export interface EventSample<S extends EventSubject> {
  readonly emitter: (id: SampleIds) => EnvelopeEmitter;
  readonly ground: LegalGround;
  readonly data: (id: SampleIds) => EventPayloads[S];
}

/** The subjects of one bounded context, e.g. `SubjectOf<'intake'>`. */
export type SubjectOf<TContext extends string> = Extract<
  EventSubject,
  `polku.${TContext}.${string}`
>;

/** A sample for every subject of a context; a missing one fails to compile. */
export type ContextSamples<TContext extends string> = {
  readonly [S in SubjectOf<TContext>]: EventSample<S>;
};

/** A caseworker of the organisation that plays `org` in the event. */
export function caseworkerOf(org: SampleIdName, orgRole: OrgRole) {
  return (id: SampleIds): EnvelopeEmitter => ({
    orgId: id(org),
    orgRole,
    actorId: id('workerId'),
    actorRole: 'CASEWORKER',
  });
}

/** A timer of a service, as the emitter of its reminders and escalations. */
export function timerOf(actorId: string) {
  return (id: SampleIds): EnvelopeEmitter => ({
    orgId: id('systemOrgId'),
    orgRole: 'SYSTEM',
    actorId,
    actorRole: 'SYSTEM',
  });
}
