import { randomUUID } from 'node:crypto';
import type { ClientReferredPayload } from '@polku/contracts';
import type { NewEvent } from '@polku/messaging';

/** A valid ClientReferred event, as client-intake would write one; override what a test is about. */
export function newClientReferredEvent(
  overrides: Partial<ClientReferredPayload> = {},
): NewEvent<ClientReferredPayload> {
  const referrer = randomUUID();
  return {
    pathId: randomUUID(),
    clientRef: `client-${randomUUID().slice(0, 8)}`,
    emitter: {
      orgId: referrer,
      orgRole: 'EMPLOYMENT_AUTHORITY',
      actorId: randomUUID(),
      actorRole: 'CASEWORKER',
    },
    legalBasis: 'Act on Public Employment and Business Services 380/2023',
    data: {
      referralId: randomUUID(),
      fromOrgId: referrer,
      toOrgId: randomUUID(),
      requestedMeasure: 'REHABILITATIVE_WORK_ACTIVITY',
      reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
      fundingRef: { kind: 'ACTIVATION_PLAN', reference: 'AP-2026-0042' },
      desiredStart: '2026-12-01',
      ...overrides,
    } as ClientReferredPayload,
  };
}
