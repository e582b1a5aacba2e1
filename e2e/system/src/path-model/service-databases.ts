import { serviceDatabaseName, urlWithDatabase } from '@polku/persistence';
import { DataSource } from 'typeorm';

/** The services whose databases the path model reads: every one that consumes events. */
export const MODEL_SERVICES = [
  'gateway',
  'client-intake',
  'activation-plans',
  'transitions',
  // It consumes every subject (the shared timeline): not running, its consumers never drain.
  'network-meetings',
  // The work queue (issue 18) consumes the path's signals of four services: not running, its
  // consumers never drain either; its card and items are checked against transitions.
  'work-queue',
  // The dashboards (issue 19) fold the events of every path into facts: not running, their
  // consumers never drain either; check 1 holds that they dead-letter nothing.
  'dashboards',
] as const;
export type ModelService = (typeof MODEL_SERVICES)[number];

export type ServiceDatabases = Readonly<Record<ModelService, DataSource>> & {
  close(): Promise<void>;
};

/**
 * One connection pool per service database of the run (each service has its own database,
 * named by the run's DATABASE_NAME_PREFIX), for the checks to read directly. Read-only use.
 */
export async function openServiceDatabases(
  env: Readonly<Record<string, string>>,
): Promise<ServiceDatabases> {
  const entries = await Promise.all(
    MODEL_SERVICES.map(async (service) => {
      const source = new DataSource({
        type: 'postgres',
        url: urlWithDatabase(
          env.DATABASE_URL,
          serviceDatabaseName(env.DATABASE_NAME_PREFIX, service),
        ),
        extra: { max: 2 },
      });
      return [service, await source.initialize()] as const;
    }),
  );
  const sources = Object.fromEntries(entries) as Record<ModelService, DataSource>;
  return {
    ...sources,
    async close() {
      await Promise.all(Object.values(sources).map((source) => source.destroy()));
    },
  };
}
