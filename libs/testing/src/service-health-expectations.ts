import { healthSubject, type ServiceHealthReport } from '@polku/contracts';
import { serviceDatabaseName, urlWithDatabase } from '@polku/persistence';
import type { BootstrapServiceOptions } from '@polku/service-runtime';
import { Client } from 'pg';
import { startServiceUnderTest } from './service-under-test';

/**
 * What every NATS service must do from its first commit: start on an empty database, create it,
 * apply its migrations and answer its health subject with its dependencies up.
 */
export async function expectServiceStartsOnAFreshDatabase(
  options: BootstrapServiceOptions,
): Promise<void> {
  const service = await startServiceUnderTest(options);
  try {
    const report = await service.ask<ServiceHealthReport>(healthSubject(options.service));
    expect(report).toMatchObject({
      service: options.service,
      status: 'up',
      checks: {
        database: {
          status: 'up',
          database: serviceDatabaseName(service.config.DATABASE_NAME_PREFIX, options.service),
          migrationsPending: false,
        },
        nats: { status: 'up' },
        outbox: { status: 'up', backlog: 0, oldestAgeMs: 0 },
      },
    });

    const client = new Client({
      connectionString: urlWithDatabase(
        service.config.DATABASE_URL,
        report.checks.database.database,
      ),
    });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>(
        'SELECT name FROM typeorm_migrations ORDER BY id',
      );
      expect(rows.map((row) => row.name)).toEqual(
        Object.values(options.migrations).map((migration) =>
          typeof migration === 'string' ? migration : migration.name,
        ),
      );
    } finally {
      await client.end();
    }
  } finally {
    await service.close();
  }
}
