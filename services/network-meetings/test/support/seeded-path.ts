import { randomUUID } from 'node:crypto';
import type { Principal } from '@polku/auth';
import {
  CLIENT_REFERRED_V1,
  CONSENT_GRANTED_V1,
  CONSENT_WITHDRAWN_V1,
  REFERRAL_ACCEPTED_V1,
  type ConsentPurpose,
  type DataClass,
  type EventEnvelope,
} from '@polku/contracts';
import type { NewEvent } from '@polku/messaging';
import { projectPathAccessEvents, recordPathClientRefs } from '@polku/path-access';
import { newOutboxEvent } from '@polku/testing';
import { addCalendarDays, finnishDateOf } from '@polku/timers';
import type { DataSource } from 'typeorm';

/** A caseworker of an organisation, as the gateway's internal token carries one. */
export function caseworkerOf(orgId: string, orgRole: Principal['orgRole']): Principal {
  return {
    userId: `user-${randomUUID().slice(0, 8)}`,
    orgId,
    orgRole,
    roles: ['CASEWORKER'],
    issuer: 'polku-test',
  };
}

function envelopeOf<T>(
  contract: { type: string; version: number; dataClass: DataClass },
  event: NewEvent<T>,
  occurredAt: Date,
): EventEnvelope<T> {
  return {
    id: randomUUID(),
    type: contract.type,
    version: contract.version,
    occurredAt: occurredAt.toISOString(),
    pathId: event.pathId,
    clientRef: event.clientRef,
    emitter: event.emitter,
    correlationId: randomUUID(),
    dataClass: contract.dataClass,
    ...(event.consentRef === undefined ? {} : { consentRef: event.consentRef }),
    ...(event.legalBasis === undefined ? {} : { legalBasis: event.legalBasis }),
    data: event.data,
  };
}

/** A path as this service learns it from client-intake's events, and the organisations around it. */
export interface SeededPath {
  readonly pathId: string;
  readonly clientRef: string;
  /** The referrer: sees the path by the law of its task. */
  readonly employmentAuthority: Principal;
  /** The receiver that accepted: sees what the client's consent names (PATH, PLAN). */
  readonly provider: Principal;
  /** A coordinating organisation whose experiential expert may take part on consent. */
  readonly expertOrg: Principal;
  /** Never a party. */
  readonly outsider: Principal;
}

/** A consent of a path, as ConsentGranted. */
export interface SeededConsent {
  readonly orgIds: readonly string[];
  readonly purpose: ConsentPurpose;
  readonly dataClasses?: readonly DataClass[];
  readonly validFrom?: string;
  readonly validTo?: string;
}

const today = () => finnishDateOf(new Date());

/** Projects ConsentGranted for the path, as the consumer would; answers its consent id. */
export async function grantConsent(
  dataSource: DataSource,
  path: Pick<SeededPath, 'pathId' | 'clientRef'>,
  consent: SeededConsent,
): Promise<string> {
  const event = {
    ...newOutboxEvent(CONSENT_GRANTED_V1.subject, {
      data: {
        orgIds: [...consent.orgIds],
        dataClasses: [...(consent.dataClasses ?? ['PATH'])] as never,
        purpose: consent.purpose,
        validFrom: consent.validFrom ?? addCalendarDays(today(), -1),
        validTo: consent.validTo ?? '2099-12-31',
      },
    }),
    pathId: path.pathId,
    clientRef: path.clientRef,
  };
  await dataSource.transaction((em) =>
    projectPathAccessEvents(em, [envelopeOf(CONSENT_GRANTED_V1, event, new Date())]),
  );
  return event.data.consentId;
}

/** Projects ConsentWithdrawn effective `effectiveAt`, as the consumer would. */
export async function withdrawConsent(
  dataSource: DataSource,
  path: Pick<SeededPath, 'pathId' | 'clientRef'>,
  consentId: string,
  effectiveAt: Date,
): Promise<void> {
  const event = {
    ...newOutboxEvent(CONSENT_WITHDRAWN_V1.subject, {
      data: { withdrawnConsentId: consentId, effectiveAt: effectiveAt.toISOString() },
    }),
    pathId: path.pathId,
    clientRef: path.clientRef,
  };
  await dataSource.transaction((em) =>
    projectPathAccessEvents(em, [envelopeOf(CONSENT_WITHDRAWN_V1, event, effectiveAt)]),
  );
}

/**
 * Projects a referral from the employment authority to a provider, its acceptance and the
 * client's consent that lets the provider see PATH, PLAN and CLIENT_VOICE for client work.
 */
export async function seedPath(dataSource: DataSource): Promise<SeededPath> {
  const now = Date.now();
  const referred = newOutboxEvent(CLIENT_REFERRED_V1.subject);
  const { pathId, clientRef } = referred;
  const { fromOrgId, toOrgId, referralId } = referred.data;
  const accepted: NewEvent<unknown> = {
    pathId,
    clientRef,
    emitter: {
      orgId: toOrgId,
      orgRole: 'PROVIDER',
      actorId: 'provider-1',
      actorRole: 'CASEWORKER',
    },
    legalBasis: 'Act on Public Employment and Business Services 380/2023',
    data: { referralId, acceptedByOrgId: toOrgId, expectedStart: '2027-01-11' },
  };
  await dataSource.transaction(async (em) => {
    await projectPathAccessEvents(em, [
      envelopeOf(CLIENT_REFERRED_V1, referred, new Date(now - 600_000)),
    ]);
    await recordPathClientRefs(em, [{ pathId, clientRef }]);
    await projectPathAccessEvents(em, [
      envelopeOf(REFERRAL_ACCEPTED_V1, accepted, new Date(now - 540_000)),
    ]);
  });
  await grantConsent(
    dataSource,
    { pathId, clientRef },
    {
      orgIds: [toOrgId],
      purpose: 'CLIENT_WORK',
      dataClasses: ['PATH', 'PLAN', 'CLIENT_VOICE'],
    },
  );
  return {
    pathId,
    clientRef,
    employmentAuthority: caseworkerOf(fromOrgId, 'EMPLOYMENT_AUTHORITY'),
    provider: caseworkerOf(toOrgId, 'PROVIDER'),
    expertOrg: caseworkerOf(randomUUID(), 'EXPERT_COORDINATOR'),
    outsider: caseworkerOf(randomUUID(), 'PROVIDER'),
  };
}
