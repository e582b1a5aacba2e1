// Factories for unit tests: valid events with explicit ids and UTC dates, overridable per field.
import {
  eventContractFor,
  type EventPayloads,
  type EventSubject,
} from '../src/events/event-registry';

export const IDS = {
  eventId: '0195f3a2-7c1e-7d4b-9a6e-2f1c3b4d5e6f',
  causingEventId: '0195f3a2-6b00-7aaa-8bbb-123456789abc',
  pathId: '3f2b8c1e-5d4a-4e6f-9b7c-1a2d3e4f5a6b',
  referralId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  employmentAuthorityOrgId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  providerOrgId: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
} as const;

/** A valid payload for every registered subject; the mapped type fails to compile when one is missing. */
export const VALID_PAYLOADS: { readonly [S in EventSubject]: EventPayloads[S] } = {
  'polku.intake.referral.client-referred.v1': {
    referralId: IDS.referralId,
    fromOrgId: IDS.employmentAuthorityOrgId,
    toOrgId: IDS.providerOrgId,
    requestedMeasure: 'REHABILITATIVE_WORK_ACTIVITY',
    reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
    fundingRef: { kind: 'ACTIVATION_PLAN', reference: 'AP-2026-000123' },
    desiredStart: '2026-03-02',
    priorInformationRef: 'pkg_01HQ7Z3K8M2N4P6R8T0V',
  },
  'polku.intake.referral.referral-accepted.v1': {
    referralId: IDS.referralId,
    acceptedByOrgId: IDS.providerOrgId,
    expectedStart: '2026-03-09',
  },
  'polku.intake.referral.referral-declined.v1': {
    referralId: IDS.referralId,
    declinedByOrgId: IDS.providerOrgId,
    reasonCategory: 'NO_CAPACITY',
    alternativeSuggested: 'Work trial at the municipal workshop, which has places from April.',
    returnTaskDueDate: '2026-03-16',
  },
};

/** A plain JSON event as it arrives on the wire: a valid envelope around a valid payload. */
export function aValidEvent(
  subject: EventSubject,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const contract = eventContractFor(subject);
  if (contract === undefined) {
    throw new Error(`no contract for ${subject}`);
  }
  return {
    id: IDS.eventId,
    type: contract.type,
    version: contract.version,
    occurredAt: '2026-02-23T08:15:00.000Z',
    pathId: IDS.pathId,
    clientRef: 'cr_9J2kQ7xW4mZ8',
    emitter: {
      orgId: IDS.employmentAuthorityOrgId,
      orgRole: 'EMPLOYMENT_AUTHORITY',
      actorId: 'usr_5f3a9c21',
      actorRole: 'CASEWORKER',
    },
    correlationId: IDS.pathId,
    causationId: IDS.causingEventId,
    dataClass: contract.dataClass,
    consentRef: 'consent_2026_0042',
    // A JSON round trip gives the plain object a consumer decodes from the message body.
    data: JSON.parse(JSON.stringify(VALID_PAYLOADS[subject])) as unknown,
    ...overrides,
  };
}

/** A valid event with one payload field replaced, or removed when the value is undefined. */
export function withData(
  subject: EventSubject,
  changes: Record<string, unknown>,
): Record<string, unknown> {
  const event = aValidEvent(subject);
  const data: Record<string, unknown> = { ...(event.data as Record<string, unknown>), ...changes };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) {
      delete data[key];
    }
  }
  return { ...event, data };
}

/** A copy of an object without the named keys. */
export function without(
  object: Record<string, unknown>,
  ...keys: string[]
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}
