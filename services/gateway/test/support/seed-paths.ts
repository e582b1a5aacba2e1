import type { INestApplication } from '@nestjs/common';
import {
  CLIENT_REFERRED_V1,
  CONSENT_GRANTED_V1,
  REFERRAL_DECLINED_V1,
  type ConsentableDataClass,
} from '@polku/contracts';
import { GatewayConfig } from '@polku/config';
import { newOutboxEvent, publishEventAsOwner, waitFor } from '@polku/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * Refers a client from one organisation to another through the real backbone: a ClientReferred
 * event published by client-intake's NATS user → JetStream → the gateway's access projection.
 * Resolves when the projection knows the path.
 */
export async function referPath(
  app: INestApplication,
  { fromOrgId, toOrgId }: { fromOrgId: string; toOrgId: string },
): Promise<{ pathId: string; referralId: string }> {
  const event = newOutboxEvent(CLIENT_REFERRED_V1.subject, { data: { fromOrgId, toOrgId } });
  await publishEventAsOwner(app.get(GatewayConfig), CLIENT_REFERRED_V1.subject, {
    ...event,
    emitter: { ...event.emitter, orgId: fromOrgId },
  });
  await waitForReferral(app, event.data.referralId);
  return { pathId: event.pathId, referralId: event.data.referralId };
}

/** The client's consent covering data classes of the path for an organisation, from today. */
export async function grantConsent(
  app: INestApplication,
  {
    pathId,
    orgId,
    dataClasses,
  }: { pathId: string; orgId: string; dataClasses: ConsentableDataClass[] },
): Promise<void> {
  const event = newOutboxEvent(CONSENT_GRANTED_V1.subject, {
    data: {
      orgIds: [orgId],
      dataClasses,
      validFrom: new Date().toISOString().slice(0, 10),
      recordedByOrgId: orgId,
    },
  });
  const { validTo: _unbounded, ...data } = event.data;
  await publishEventAsOwner(app.get(GatewayConfig), CONSENT_GRANTED_V1.subject, {
    ...event,
    pathId,
    data,
  });
  await waitFor(
    async () =>
      (
        await app
          .get(DataSource)
          .query<unknown[]>(
            'SELECT 1 FROM path_access_consent WHERE consent_id = $1 AND org_ids IS NOT NULL',
            [data.consentId],
          )
      ).length > 0,
    { description: 'the consent to reach the access projection' },
  );
}

/** The receiver declines the referral (and so leaves the path). */
export async function declineReferral(
  app: INestApplication,
  { pathId, referralId, byOrgId }: { pathId: string; referralId: string; byOrgId: string },
): Promise<void> {
  const dataSource = app.get(DataSource);
  await publishEventAsOwner(app.get(GatewayConfig), REFERRAL_DECLINED_V1.subject, {
    pathId,
    clientRef: `client-${randomUUID().slice(0, 8)}`,
    emitter: {
      orgId: byOrgId,
      orgRole: 'PROVIDER',
      actorId: randomUUID(),
      actorRole: 'CASEWORKER',
    },
    legalBasis: 'Act on Public Employment and Business Services 380/2023',
    data: {
      referralId,
      declinedByOrgId: byOrgId,
      reasonCategory: 'NO_CAPACITY',
      returnTaskDueDate: '2026-12-15',
    },
  });
  await waitFor(
    async () =>
      (
        await dataSource.query<unknown[]>(
          `SELECT 1 FROM path_access_referral
            WHERE referral_id = $1 AND outcome = 'DECLINED' AND from_org_id IS NOT NULL`,
          [referralId],
        )
      ).length > 0,
    { description: 'the decline to reach the access projection' },
  );
}

async function waitForReferral(app: INestApplication, referralId: string) {
  const dataSource = app.get(DataSource);
  await waitFor(
    async () =>
      (
        await dataSource.query<unknown[]>(
          'SELECT 1 FROM path_access_referral WHERE referral_id = $1 AND from_org_id IS NOT NULL',
          [referralId],
        )
      ).length > 0,
    { description: `referral ${referralId} in the access projection` },
  );
}
