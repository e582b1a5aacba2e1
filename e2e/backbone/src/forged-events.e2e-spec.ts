import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { POLKU_SYSTEM_ORG_ID } from '@polku/auth';
import { loadConfig, ServiceConfig } from '@polku/config';
import {
  ACTIVATION_PLAN_AGREED_V1,
  ACTIVATION_PLAN_REVISED_V1,
  CONSENT_GRANTED_V1,
  CONSENT_WITHDRAWN_V1,
  OWNERSHIP_TRANSFERRED_V1,
  type EventEnvelope,
} from '@polku/contracts';
import { MessagingTables1763900000000, NatsLink, namespacedSubject } from '@polku/messaging';
import {
  PathAccessMeetings1764102700000,
  PathAccessOwnership1764100200000,
  PathAccessConsentPurposes1764102800000,
  PathAccessReferralLinks1764101100000,
  PathAccessPlanParties1764100100000,
  PathAccessSourceTables1764100000000,
  pathAccessProjectionHandler,
} from '@polku/path-access';
import { createServiceApp } from '@polku/service-runtime';
import { newEvent, provisionTestBus, testToolsLink, waitFor } from '@polku/testing';
import type { INestMicroservice } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { backboneTestEnv } from './backbone-harness';

// The access projection of a service, as activation-plans keeps it (without the plan events it
// records itself): what a forged event would change is who may see a path.
@Module({
  controllers: [
    pathAccessProjectionHandler({
      except: [ACTIVATION_PLAN_AGREED_V1.subject, ACTIVATION_PLAN_REVISED_V1.subject],
    }),
  ],
})
class AccessProjectionModule {}

const MIGRATIONS = [
  MessagingTables1763900000000,
  PathAccessSourceTables1764100000000,
  PathAccessPlanParties1764100100000,
  PathAccessOwnership1764100200000,
  PathAccessReferralLinks1764101100000,
  PathAccessMeetings1764102700000,
  PathAccessConsentPurposes1764102800000,
];

interface DeadLetterRow {
  readonly message_id: string;
  readonly subject: string;
  readonly error: string;
  readonly attempts: number;
}

describe('forged events on the event backbone', () => {
  let env: Record<string, string>;
  let app: INestMicroservice;
  let dataSource: DataSource;
  let link: NatsLink;
  let js: JetStreamClient;

  beforeAll(async () => {
    env = backboneTestEnv();
    const config = loadConfig(ServiceConfig, env);
    await provisionTestBus(config, { services: ['activation-plans'] });
    ({ app } = await createServiceApp({
      service: 'activation-plans',
      appModule: AccessProjectionModule,
      entities: [],
      migrations: MIGRATIONS,
      config,
      logger: false,
    }));
    await app.listen();
    dataSource = app.get<DataSource>(getDataSourceToken());
    // A process that publishes by hand with rights no service has (the test tools' user): the
    // NATS permissions stop a real forger first (libs/bus-permissions' tests); this is the
    // consumer's own check behind them.
    link = testToolsLink(config, 'polku-test-forger');
    js = jetstream(await link.connect());
  });

  afterAll(async () => {
    await link?.close();
    await app?.close();
  });

  function publish(subject: string, envelope: EventEnvelope): Promise<unknown> {
    return js.publish(namespacedSubject(env.NATS_NAMESPACE, subject), JSON.stringify(envelope), {
      msgID: envelope.id,
    });
  }

  async function consentsOfPath(pathId: string): Promise<string[]> {
    const rows = await dataSource.query<{ consent_id: string }[]>(
      'SELECT consent_id FROM path_access_consent WHERE path_id = $1 ORDER BY consent_id',
      [pathId],
    );
    return rows.map((row) => row.consent_id);
  }

  function waitForConsent(pathId: string, consentId: string): Promise<string[]> {
    return waitFor(
      async () => {
        const consents = await consentsOfPath(pathId);
        return consents.includes(consentId) ? consents : undefined;
      },
      { timeoutMs: 30_000, description: `consent ${consentId} in the access projection` },
    );
  }

  function waitForDeadLetter(messageId: string): Promise<DeadLetterRow> {
    return waitFor(
      async () => {
        const [row] = await dataSource.query<DeadLetterRow[]>(
          'SELECT message_id, subject, error, attempts FROM dead_letter WHERE message_id = $1',
          [messageId],
        );
        return row;
      },
      { timeoutMs: 30_000, description: `the dead letter of ${messageId}` },
    );
  }

  /** A genuine ConsentGranted of a caseworker, for a path of its own. */
  function genuineConsent(pathId?: string): EventEnvelope<{ consentId: string }> {
    const event = newEvent(CONSENT_GRANTED_V1.subject);
    return pathId === undefined ? event : { ...event, pathId };
  }

  it('should dead-letter a forged ConsentGranted from a system process of another service at once and leave access unchanged', async () => {
    const genuine = genuineConsent();
    await publish(CONSENT_GRANTED_V1.subject, genuine);
    await waitForConsent(genuine.pathId, genuine.data.consentId);

    const forged: EventEnvelope<{ consentId: string }> = {
      ...genuineConsent(genuine.pathId),
      emitter: {
        orgId: POLKU_SYSTEM_ORG_ID,
        orgRole: 'SYSTEM',
        actorId: 'transitions:path-course',
        actorRole: 'SYSTEM',
      },
    };
    await publish(CONSENT_GRANTED_V1.subject, forged);
    // The consumer moves on: a genuine event after the forged one is applied.
    const after = genuineConsent(genuine.pathId);
    await publish(CONSENT_GRANTED_V1.subject, after);
    const consents = await waitForConsent(genuine.pathId, after.data.consentId);

    const dead = await waitForDeadLetter(forged.id);
    expect(dead).toEqual({
      message_id: forged.id,
      subject: CONSENT_GRANTED_V1.subject,
      error: `forged: subject ${CONSENT_GRANTED_V1.subject} belongs to client-intake but the emitter is system process transitions:path-course`,
      attempts: 1,
    });
    expect(consents).toEqual([genuine.data.consentId, after.data.consentId].sort());
  });

  it('should dead-letter an event whose type is not the contract of the subject it came on', async () => {
    const genuine = genuineConsent();
    await publish(CONSENT_GRANTED_V1.subject, genuine);
    await waitForConsent(genuine.pathId, genuine.data.consentId);

    // A withdrawal dressed as a grant: on the old code it failed only the payload validation.
    const withdrawal = newEvent(CONSENT_WITHDRAWN_V1.subject, {
      data: { withdrawnConsentId: genuine.data.consentId },
    });
    const mislabelled = { ...withdrawal, pathId: genuine.pathId };
    await publish(CONSENT_GRANTED_V1.subject, mislabelled);

    const dead = await waitForDeadLetter(mislabelled.id);
    expect(dead.error).toBe(
      `forged: subject ${CONSENT_GRANTED_V1.subject} belongs to client-intake and carries ConsentGranted v1, ` +
        `but the envelope is ConsentWithdrawn v1 of ${CONSENT_WITHDRAWN_V1.subject}, which belongs to client-intake`,
    );
    expect(dead.attempts).toBe(1);
    const [row] = await dataSource.query<{ withdrawn_at: Date | null }[]>(
      'SELECT withdrawn_at FROM path_access_consent WHERE consent_id = $1',
      [genuine.data.consentId],
    );
    expect(row.withdrawn_at).toBeNull();
  });

  it("should dead-letter one context's envelope published on another context's subject", async () => {
    // transitions may publish its own subjects; a ConsentGranted put there must not count.
    const smuggled = genuineConsent();
    await publish(OWNERSHIP_TRANSFERRED_V1.subject, smuggled);

    const dead = await waitForDeadLetter(smuggled.id);
    expect(dead).toEqual({
      message_id: smuggled.id,
      subject: OWNERSHIP_TRANSFERRED_V1.subject,
      error:
        `forged: subject ${OWNERSHIP_TRANSFERRED_V1.subject} belongs to transitions and carries OwnershipTransferred v1, ` +
        `but the envelope is ConsentGranted v1 of ${CONSENT_GRANTED_V1.subject}, which belongs to client-intake`,
      attempts: 1,
    });
    expect(await consentsOfPath(smuggled.pathId)).toEqual([]);
    const owners = await dataSource.query(
      'SELECT 1 FROM path_access_ownership WHERE path_id = $1',
      [smuggled.pathId],
    );
    expect(owners).toEqual([]);
  });
});
