import type { LoggerService } from '@nestjs/common';
import type { ServiceConfig } from '@polku/config';
import { openServiceDataSource, type ServicePersistenceOptions } from '@polku/persistence';
import type { DataSource } from 'typeorm';

/** What a service's own operator command works with: its database, configuration and log. */
export interface ServiceCommandContext {
  readonly dataSource: DataSource;
  readonly config: ServiceConfig;
  readonly logger: LoggerService;
}

/**
 * An operator command one service has beside the common ones (operator-commands.ts), e.g.
 * transitions' `parked-events`: `node main.js <name> <args>`, run while the service runs.
 */
export type ServiceCommand = (
  args: readonly string[],
  context: ServiceCommandContext,
) => Promise<void>;

/** Runs a service's own operator command on its database, closed again afterwards. */
export async function runServiceCommand(
  command: ServiceCommand,
  args: readonly string[],
  options: {
    readonly service: string;
    readonly config: ServiceConfig;
    readonly persistence: Pick<ServicePersistenceOptions, 'entities' | 'migrations'>;
    readonly logger: LoggerService;
  },
): Promise<void> {
  const dataSource = await openServiceDataSource({
    service: options.service,
    config: options.config,
    ...options.persistence,
  });
  try {
    await command(args, { dataSource, config: options.config, logger: options.logger });
  } finally {
    await dataSource.destroy();
  }
}
