import type { INestMicroservice } from '@nestjs/common';
import { ActivationPlansConfig } from '@polku/config';
import { PLAN_COMMANDS } from '@polku/contracts';
import { createServiceApp } from '@polku/service-runtime';
import {
  connectServiceCommandClient,
  isolatedTestEnv,
  provisionTestBus,
  testServiceConfig,
  type ServiceCommandClient,
} from '@polku/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { ACTIVATION_PLANS_ENTITIES, ACTIVATION_PLANS_MIGRATIONS } from '../../src/database/schema';
import { TEST_REGISTRY } from './seeded-path';

/**
 * As the gateway does: a plan command gets the registry's role of each party its body names
 * (TEST_REGISTRY), unless the test sets `partyRoles` itself.
 */
function withRegistryRoles(subject: string, data: unknown): unknown {
  const plan: string[] = [PLAN_COMMANDS.agreePlan, PLAN_COMMANDS.revisePlan];
  const request = data as { body?: { parties?: { orgId?: unknown }[] }; partyRoles?: unknown };
  if (!plan.includes(subject) || request.partyRoles !== undefined) {
    return data;
  }
  const partyRoles = Object.fromEntries(
    (request.body?.parties ?? []).flatMap((party) => {
      const role = typeof party.orgId === 'string' ? TEST_REGISTRY.get(party.orgId) : undefined;
      return role === undefined ? [] : [[party.orgId as string, role]];
    }),
  );
  return { ...request, partyRoles };
}

/** activation-plans running in the test process on its own database and NATS namespace. */
export interface PlansService {
  readonly app: INestMicroservice;
  readonly dataSource: DataSource;
  readonly config: ActivationPlansConfig;
  /** Sends a command as the gateway does, with the principal header, and answers the reply. */
  readonly ask: ServiceCommandClient['ask'];
  /** Sends a command that must fail and answers the service's error body. */
  readonly askError: ServiceCommandClient['askError'];
  close(): Promise<void>;
}

export async function startPlansService(env: Record<string, string> = {}): Promise<PlansService> {
  const config = testServiceConfig(
    isolatedTestEnv({ TIMER_POLL_INTERVAL_MS: '100', ...env }),
    ActivationPlansConfig,
  ) as ActivationPlansConfig;
  // The provisioning step npm start runs before the services (docs/security.md).
  await provisionTestBus(config);
  const { app } = await createServiceApp({
    service: 'activation-plans',
    appModule: AppModule,
    entities: ACTIVATION_PLANS_ENTITIES,
    migrations: ACTIVATION_PLANS_MIGRATIONS,
    configClass: ActivationPlansConfig,
    config,
    logger: false,
  });
  await app.listen();
  const commands = await connectServiceCommandClient(config);
  return {
    app,
    dataSource: app.get(DataSource),
    config,
    ask: (subject, principal, data) =>
      commands.ask(subject, principal, withRegistryRoles(subject, data)),
    askError: (subject, principal, data) =>
      commands.askError(subject, principal, withRegistryRoles(subject, data)),
    async close() {
      await commands.close();
      await app.close();
    },
  };
}

/** The outbox rows of one subject on a path, oldest first (shared with the other services' tests). */
export { outboxEvents, type WrittenEvent } from '@polku/testing';
