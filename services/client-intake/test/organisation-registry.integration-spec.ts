import type { INestMicroservice } from '@nestjs/common';
import type { Principal } from '@polku/auth';
import { ClientIntakeConfig } from '@polku/config';
import { INTAKE_COMMANDS } from '@polku/contracts';
import { createServiceApp } from '@polku/service-runtime';
import {
  connectServiceCommandClient,
  isolatedTestEnv,
  provisionTestBus,
  testServiceConfig,
  type ServiceCommandClient,
} from '@polku/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { CLIENT_INTAKE_ENTITIES, CLIENT_INTAKE_MIGRATIONS } from '../src/database/schema';

/**
 * The organisation registry through the real service on NATS: an ADMIN keeps only its own
 * organisation, a REGISTRY_ADMIN the whole registry, every change needs the version read, and
 * every change and refusal is logged (issue 15).
 */

// The seeded demo organisations (client-intake registers them outside production).
let own: { id: string; role: Principal['orgRole'] };
let other: { id: string };
let admin: Principal;
let registryAdmin: Principal;
let app: INestMicroservice;
let commands: ServiceCommandClient;
let dataSource: DataSource;

beforeAll(async () => {
  // Loaded lazily, as client-intake itself loads the demo directory.
  const { DEMO_ORGANISATIONS } = await import('@polku/demo');
  own = DEMO_ORGANISATIONS.employmentArea;
  other = DEMO_ORGANISATIONS.tyonsilta;
  admin = {
    userId: 'demo-user-09',
    orgId: own.id,
    orgRole: own.role,
    roles: ['ADMIN'],
    issuer: 'test',
  };
  registryAdmin = { ...admin, userId: 'demo-user-12', roles: ['REGISTRY_ADMIN'] };
  const config = testServiceConfig(isolatedTestEnv(), ClientIntakeConfig) as ClientIntakeConfig;
  // Its durables exist before it binds to them, as npm start's provisioning step makes sure.
  await provisionTestBus(config, { services: ['client-intake'] });
  ({ app } = await createServiceApp({
    service: 'client-intake',
    appModule: AppModule,
    entities: CLIENT_INTAKE_ENTITIES,
    migrations: CLIENT_INTAKE_MIGRATIONS,
    configClass: ClientIntakeConfig,
    config,
    logger: false,
  }));
  await app.listen();
  commands = await connectServiceCommandClient(config);
  dataSource = app.get(DataSource);
});

afterAll(async () => {
  await commands.close();
  await app.close();
});

interface Listed {
  id: string;
  name: string;
  role: string;
  active: boolean;
  version: number;
}

async function entryOf(orgId: string): Promise<Listed> {
  const { items } = await commands.ask<{ items: Listed[] }>(
    INTAKE_COMMANDS.listOrganisations,
    admin,
    { limit: 100 },
  );
  const entry = items.find((item) => item.id === orgId);
  if (entry === undefined) {
    throw new Error(`${orgId} is not registered`);
  }
  return entry;
}

const put = (orgId: string, expectedVersion: number, body: object) => ({
  id: orgId,
  expectedVersion,
  body,
});

async function changesOf(orgId: string) {
  return dataSource.query<{ actor_id: string; outcome: string }[]>(
    'SELECT actor_id, outcome FROM organisation_change WHERE org_id = $1 ORDER BY id',
    [orgId],
  );
}

it('should refuse an ADMIN editing another organisation, change nothing, and log the refusal', async () => {
  const before = await entryOf(other.id);

  const error = await commands.askError(
    INTAKE_COMMANDS.registerOrganisation,
    admin,
    put(other.id, before.version, { name: 'Kaapattu', role: 'EMPLOYMENT_AUTHORITY', active: true }),
  );

  expect(error.code).toBe('FORBIDDEN');
  expect(await entryOf(other.id)).toEqual(before);
  expect(await changesOf(other.id)).toEqual([{ actor_id: admin.userId, outcome: 'REFUSED' }]);
});

it('should refuse an ADMIN registering a new organisation', async () => {
  const error = await commands.askError(
    INTAKE_COMMANDS.registerOrganisation,
    admin,
    put(randomUUID(), 0, { name: 'Uusi', role: 'PROVIDER', active: true }),
  );

  expect(error.code).toBe('FORBIDDEN');
});

it('should refuse an ADMIN changing its own organisation’s role', async () => {
  const before = await entryOf(own.id);

  const error = await commands.askError(
    INTAKE_COMMANDS.registerOrganisation,
    admin,
    put(own.id, before.version, { name: before.name, role: 'SOCIAL_SERVICES', active: true }),
  );

  expect(error.code).toBe('FORBIDDEN');
  expect((await entryOf(own.id)).role).toBe(own.role);
});

it('should let an ADMIN rename its own organisation with the version it read, and log it', async () => {
  const before = await entryOf(own.id);

  const changed = await commands.ask<Listed>(
    INTAKE_COMMANDS.registerOrganisation,
    admin,
    put(own.id, before.version, { name: `${before.name} (uusi)`, role: own.role, active: true }),
  );

  expect(changed).toMatchObject({ name: `${before.name} (uusi)`, version: before.version + 1 });
  expect(await changesOf(own.id)).toContainEqual({ actor_id: admin.userId, outcome: 'CHANGED' });
});

it('should refuse a change based on a stale version with PRECONDITION_FAILED', async () => {
  const before = await entryOf(own.id);

  const error = await commands.askError(
    INTAKE_COMMANDS.registerOrganisation,
    admin,
    put(own.id, before.version - 1, { name: 'Vanha', role: own.role, active: true }),
  );

  expect(error.code).toBe('PRECONDITION_FAILED');
  expect((await entryOf(own.id)).name).toBe(before.name);
});

it('should let a REGISTRY_ADMIN change any organisation and register a new one', async () => {
  const before = await entryOf(other.id);
  const changed = await commands.ask<Listed>(
    INTAKE_COMMANDS.registerOrganisation,
    registryAdmin,
    put(other.id, before.version, { name: before.name, role: before.role, active: false }),
  );
  expect(changed).toMatchObject({ active: false, version: before.version + 1 });

  const newId = randomUUID();
  const created = await commands.ask<Listed>(
    INTAKE_COMMANDS.registerOrganisation,
    registryAdmin,
    put(newId, 0, { name: 'Kainuun uusi järjestö', role: 'PROVIDER', active: true }),
  );
  expect(created).toMatchObject({ id: newId, version: 1 });
  expect(await changesOf(newId)).toEqual([{ actor_id: registryAdmin.userId, outcome: 'CHANGED' }]);
});
