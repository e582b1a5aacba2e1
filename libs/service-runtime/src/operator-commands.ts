import { parseArgs } from 'node:util';
import type { LoggerService } from '@nestjs/common';
import { CONSUMED_EVENT_SUBJECTS, natsLinkOptionsFor, OPERATOR } from '@polku/bus-permissions';
import type { ServiceConfig } from '@polku/config';
import { SERVICE_NAMES, type ServiceName } from '@polku/contracts';
import {
  durableName,
  NatsLink,
  rebuildProjection,
  redriveDeadLetters,
  streamNames,
} from '@polku/messaging';
import { openServiceDataSource, type ServicePersistenceOptions } from '@polku/persistence';

/** What `node main.js <command>` can do besides running the service. */
export const OPERATOR_COMMANDS = ['migrate', 'redrive', 'rebuild-projection'] as const;
/** One of OPERATOR_COMMANDS. */
export type OperatorCommand = (typeof OPERATOR_COMMANDS)[number];

/** Whether the first command-line word asks for an operator command instead of the service. */
export function isOperatorCommand(word: string | undefined): word is OperatorCommand {
  return (OPERATOR_COMMANDS as readonly string[]).includes(word ?? '');
}

/** The service an operator command runs for, with its configuration and persistence. */
export interface OperatorCommandOptions {
  readonly service: string;
  readonly config: ServiceConfig;
  readonly persistence: Pick<ServicePersistenceOptions, 'entities' | 'migrations'>;
  readonly logger: LoggerService;
}

/** Every durable consumer of a service: one per subject it consumes (bus-permissions). */
export function allDurablesOf(service: string): string[] {
  if (!(SERVICE_NAMES as readonly string[]).includes(service)) {
    throw new Error(`--all-durables: ${JSON.stringify(service)} is not a polku service`);
  }
  return CONSUMED_EVENT_SUBJECTS[service as ServiceName].map((subject) =>
    durableName(service, subject),
  );
}

/** Parsed arguments of the commands that take any. */
export function parseOperatorArgs(args: readonly string[]): {
  consumer?: string;
  ids?: number[];
  durables: string[];
  allDurables: boolean;
  tables: string[];
} {
  const { values } = parseArgs({
    args: [...args],
    options: {
      consumer: { type: 'string' },
      id: { type: 'string', multiple: true },
      durable: { type: 'string', multiple: true },
      'all-durables': { type: 'boolean' },
      table: { type: 'string', multiple: true },
    },
    strict: true,
  });
  const ids = values.id?.map((id) => {
    if (!/^\d+$/.test(id)) {
      throw new Error(
        `--id takes a dead-letter row id (a whole number), got ${JSON.stringify(id)}`,
      );
    }
    return Number(id);
  });
  return {
    consumer: values.consumer,
    ids,
    durables: values.durable ?? [],
    allDurables: values['all-durables'] === true,
    tables: values.table ?? [],
  };
}

/**
 * Operator commands, run while (migrate, redrive) or instead of (rebuild-projection) the service:
 *   migrate                                   apply pending migrations
 *   redrive [--consumer C] [--id N ...]       publish open dead letters again, after a fix
 *   rebuild-projection --durable D ... | --all-durables  --table T ...
 *                                             empty the tables and replay the stream into them
 *                                             on the next start (run with the service stopped);
 *                                             --all-durables names every durable the service has
 *                                             (one per consumed subject, e.g. network-meetings'
 *                                             timeline, which consumes every subject)
 */
export async function runOperatorCommand(
  command: OperatorCommand,
  args: readonly string[],
  options: OperatorCommandOptions,
): Promise<void> {
  const { config, logger } = options;
  const parsed = parseOperatorArgs(args);
  const durables = parsed.allDurables ? allDurablesOf(options.service) : parsed.durables;
  if (command === 'rebuild-projection' && (durables.length === 0 || parsed.tables.length === 0)) {
    throw new Error(
      'rebuild-projection needs at least one --durable (or --all-durables) and one --table',
    );
  }
  const dataSource = await openServiceDataSource({
    service: options.service,
    config: command === 'migrate' ? { ...config, DATABASE_MIGRATIONS_RUN: true } : config,
    ...options.persistence,
  });
  // Operator commands act as the operator user: redrive may publish any service's subject and
  // rebuild-projection deletes durables, which no service user may (docs/security.md).
  const link = new NatsLink(
    natsLinkOptionsFor(config, OPERATOR, `polku-${options.service}-${command}`),
  );
  try {
    switch (command) {
      case 'migrate':
        logger.log('migrations are up to date');
        break;
      case 'redrive': {
        const count = await redriveDeadLetters({
          dataSource,
          link,
          namespace: config.NATS_NAMESPACE,
          consumer: parsed.consumer,
          ids: parsed.ids,
        });
        logger.log(`redrove ${count} dead letter(s)`);
        break;
      }
      case 'rebuild-projection':
        await rebuildProjection({
          dataSource,
          link,
          stream: streamNames(config.NATS_NAMESPACE).events,
          durables,
          tables: parsed.tables,
        });
        logger.log(
          `emptied ${parsed.tables.join(', ')}; the next start replays the stream into them`,
        );
        break;
    }
  } finally {
    await link.close();
    await dataSource.destroy();
  }
}
