import { randomUUID } from 'node:crypto';
import type { Principal } from '@polku/auth';
import {
  CLIENT_REFERRED_V1,
  CONSENT_GRANTED_V1,
  REFERRAL_ACCEPTED_V1,
  type DataClass,
  type EventEnvelope,
  type OrgRole,
} from '@polku/contracts';
import type { NewEvent } from '@polku/messaging';
import { projectPathAccessEvents, recordPathClientRefs } from '@polku/path-access';
import { newOutboxEvent } from '@polku/testing';
import { addCalendarDays, finnishDateOf } from '@polku/timers';
import type { DataSource } from 'typeorm';
import { recordIntakeCompleted } from '../../src/path-stage/path-stage.repository';

/**
 * The organisation registry as these tests keep it: every organisation a test made a caseworker
 * of, in that role. The test client attaches it to plan commands as the gateway does.
 */
export const TEST_REGISTRY = new Map<string, OrgRole>();

/** A caseworker of an organisation, as the gateway’s internal token carries one. */
export function caseworkerOf(orgId: string, orgRole: Principal['orgRole']): Principal {
  TEST_REGISTRY.set(orgId, orgRole);
  return {
    userId: `user-${randomUUID().slice(0, 8)}`,
    orgId,
    orgRole,
    roles: ['CASEWORKER'],
    issuer: 'polku-test',
  };
}

/** A path as this service learns it from client-intake's events, and the organisations around it. */
export interface SeededPath {
  readonly pathId: string;
  readonly clientRef: string;
  readonly consentId: string;
  /** The law the referral names: what the provider sees the path itself on. */
  readonly referralLegalBasis: string;
  /** The referrer: sees the path by the law of its task; the plan by law once it is a party. */
  readonly employmentAuthority: Principal;
  /** The receiver that accepted: sees what the client's consent names. */
  readonly provider: Principal;
  /** Not in the referral: sees the path only once the plan names it. */
  readonly socialServices: Principal;
  /** Never a party. */
  readonly outsider: Principal;
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

/**
 * Projects a referral from the employment authority to a provider, its acceptance, the
 * client's consent for the provider (`consentClasses`) and, unless `intakeCompleted` is false,
 * the completed intake (the path is then in planning), as the ClientReferred, ReferralAccepted,
 * ConsentGranted and IntakeCompleted consumers would, in one transaction on the service's own
 * database.
 */
export async function seedPath(
  dataSource: DataSource,
  {
    consentClasses = ['PATH', 'PLAN', 'ATTENDANCE', 'HEALTH_FLAG'] as DataClass[],
    intakeCompleted = true,
  } = {},
): Promise<SeededPath> {
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
  const consent = {
    ...newOutboxEvent(CONSENT_GRANTED_V1.subject, {
      data: {
        orgIds: [toOrgId],
        dataClasses: consentClasses as never,
        validFrom: addCalendarDays(finnishDateOf(new Date(now)), -1),
        validTo: '2099-12-31',
        recordedByOrgId: fromOrgId,
      },
    }),
    pathId,
    clientRef,
  };
  await dataSource.transaction(async (em) => {
    await projectPathAccessEvents(em, [
      envelopeOf(CLIENT_REFERRED_V1, referred, new Date(now - 600_000)),
    ]);
    await recordPathClientRefs(em, [{ pathId, clientRef }]);
    await projectPathAccessEvents(em, [
      envelopeOf(REFERRAL_ACCEPTED_V1, accepted, new Date(now - 540_000)),
    ]);
    await projectPathAccessEvents(em, [
      envelopeOf(CONSENT_GRANTED_V1, consent, new Date(now - 480_000)),
    ]);
    if (intakeCompleted) {
      await recordIntakeCompleted(em, {
        pathId,
        at: new Date(now - 420_000).toISOString(),
      });
    }
  });
  return {
    pathId,
    clientRef,
    consentId: consent.data.consentId,
    referralLegalBasis: referred.legalBasis ?? '',
    employmentAuthority: caseworkerOf(fromOrgId, 'EMPLOYMENT_AUTHORITY'),
    provider: caseworkerOf(toOrgId, 'PROVIDER'),
    socialServices: caseworkerOf(randomUUID(), 'SOCIAL_SERVICES'),
    outsider: caseworkerOf(randomUUID(), 'PROVIDER'),
  };
}
