import type { INestMicroservice } from '@nestjs/common';
import type { Principal } from '@polku/auth';
import { ClientIntakeConfig, type ServiceConfig } from '@polku/config';
import type { EventPayloads, EventSubject, OrgRole } from '@polku/contracts';
import type { NewEvent } from '@polku/messaging';
import { createServiceApp } from '@polku/service-runtime';
import {
  connectServiceCommandClient,
  isolatedTestEnv,
  provisionTestBus,
  publishEventAsOwner,
  testServiceConfig,
  type ServiceCommandClient,
} from '@polku/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { CLIENT_INTAKE_ENTITIES, CLIENT_INTAKE_MIGRATIONS } from '../../src/database/schema';

/** The organisations of these tests, registered in the service's directory at start. */
export const ORGS = {
  employmentArea: { id: '7d0e5f1a-0000-4000-8000-00000000e001', role: 'EMPLOYMENT_AUTHORITY' },
  socialServices: { id: '7d0e5f1a-0000-4000-8000-00000000e002', role: 'SOCIAL_SERVICES' },
  tyonsilta: { id: '7d0e5f1a-0000-4000-8000-00000000e003', role: 'PROVIDER' },
  kumppaniksi: { id: '7d0e5f1a-0000-4000-8000-00000000e004', role: 'PROVIDER' },
} as const satisfies Record<string, { id: string; role: OrgRole }>;

/** client-intake running in the test process on its own database and NATS namespace. */
export interface IntakeService {
  readonly app: INestMicroservice;
  readonly dataSource: DataSource;
  /** Sends a command as the gateway does, with the principal header, and answers the reply. */
  readonly ask: ServiceCommandClient['ask'];
  /** Sends a command that must fail and answers the service's error body. */
  readonly askError: ServiceCommandClient['askError'];
  /** Sends a command and answers the whole reply, with its consistency members (ADR 0015). */
  readonly askConsistently: ServiceCommandClient['askConsistently'];
  readonly config: ServiceConfig;
  /**
   * Publishes another service's event as that service would, from its own NATS user (this
   * service's user may not publish it), delivered to this service's durable consumer; answers
   * the event's id.
   */
  publish<S extends EventSubject>(subject: S, event: NewEvent<EventPayloads[S]>): Promise<string>;
  close(): Promise<void>;
}

export async function startIntakeService(): Promise<IntakeService> {
  const config = testServiceConfig(
    isolatedTestEnv({ EVENT_RETRY_BASE_MS: '100', EVENT_RETRY_MAX_MS: '500' }),
    ClientIntakeConfig,
  );
  // Its durables exist before it binds to them, as npm start's provisioning step makes sure.
  await provisionTestBus(config, { services: ['client-intake'] });
  const { app } = await createServiceApp({
    service: 'client-intake',
    appModule: AppModule,
    entities: CLIENT_INTAKE_ENTITIES,
    migrations: CLIENT_INTAKE_MIGRATIONS,
    configClass: ClientIntakeConfig,
    config,
    logger: false,
  });
  await app.listen();
  const commands = await connectServiceCommandClient(config);
  const dataSource = app.get(DataSource);
  for (const [name, organisation] of Object.entries(ORGS)) {
    await dataSource.query(
      `INSERT INTO organisation (id, name, role, active) VALUES ($1, $2, $3, true)
       ON CONFLICT (id) DO NOTHING`,
      [organisation.id, `Test organisation ${name}`, organisation.role],
    );
  }
  return {
    app,
    dataSource,
    ask: commands.ask,
    askError: commands.askError,
    askConsistently: commands.askConsistently,
    config,
    publish: (subject, event) => publishEventAsOwner(config, subject, event),
    async close() {
      await commands.close();
      await app.close();
    },
  };
}

/** A caseworker of one of ORGS, as the gateway would send them. */
export function caseworkerOf(org: keyof typeof ORGS): Principal {
  const { id, role } = ORGS[org];
  return {
    userId: `worker-of-${org}`,
    orgId: id,
    orgRole: role,
    roles: ['CASEWORKER'],
    issuer: 'polku',
  };
}

/** A referral of a (made-up) client to `toOrgId`, with extra fields such as a consent. */
export function referralOf(code: string, toOrgId: string, extra: object = {}) {
  return {
    client: {
      personalIdentityCode: code,
      givenNames: 'Testi',
      familyName: 'Asiakas',
      language: 'fi',
      address: { street: 'Kauppakatu 1 A 2', postalCode: '87100', city: 'Kajaani' },
      addressProtected: true,
    },
    toOrgId,
    requestedMeasure: 'REHABILITATIVE_WORK_ACTIVITY',
    reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
    fundingRef: { kind: 'ACTIVATION_PLAN', reference: 'AP-2026-0042' },
    desiredStart: '2027-01-07',
    ...extra,
  };
}
