import type { Client } from 'pg';

/** The tables a dashboards ingest grows: their statistics decide the projection's plans. */
const GROWING_TABLES = [
  'path_event',
  'dashboard_fact',
  'dashboard_day_cell',
  'dashboard_month_cell',
  'dashboard_slice_day_cell',
  'dashboard_slice_month_cell',
  'inbox_message',
];

/** How long the stand-in waits after one VACUUM (ANALYZE) before the next. */
const PAUSE_MS = 30_000;

export interface AutovacuumStandIn {
  /** Whether the server's own autovacuum was off, so that the stand-in ran. */
  readonly standingIn: boolean;
  /**
   * Stops after the round in progress and runs one more over what was written since, as
   * autovacuum would within its naptime once the load ends (dashboard_fact's own thresholds are
   * 1 % of its rows: services/dashboards/src/database/migrations/
   * 1766500500000-dashboard-fact-autovacuum.ts); answers how many rounds ran.
   */
  stop(): Promise<number>;
}

/**
 * Does what autovacuum would while the ingest grows the tables from empty, when the server's
 * own is off (this machine's PostgreSQL has `autovacuum = off` in conf.d/90-ci.conf, a setting
 * for fast tests; production keeps PostgreSQL's default, on). Without statistics, the
 * projection's `path_id = ANY($1)` is estimated at a large share of the table and planned as a
 * sequential scan, so every batch reads the whole table and the ingest slows as it grows: in
 * the first 100,000-path run, from 1,900 to under 600 events/s, back to 2,400 after one VACUUM
 * (ANALYZE) (docs/performance.md, "Dashboards").
 */
export async function startAutovacuumStandIn(
  db: Client,
  say: (line: string) => void,
): Promise<AutovacuumStandIn> {
  const [{ autovacuum }] = (await db.query<{ autovacuum: string }>('SHOW autovacuum')).rows;
  if (autovacuum === 'on') {
    return { standingIn: false, stop: async () => 0 };
  }
  say(
    'the server runs without autovacuum: VACUUM (ANALYZE) every 30 s in its stead, and once at the end',
  );
  let running = true;
  let wake: (() => void) | undefined;
  let rounds = 0;
  const vacuum = async () => {
    await db.query(`VACUUM (ANALYZE) ${GROWING_TABLES.join(', ')}`);
    rounds += 1;
  };
  const loop = (async () => {
    while (running) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, PAUSE_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (running) {
        await vacuum();
      }
    }
  })();
  return {
    standingIn: true,
    async stop() {
      running = false;
      wake?.();
      await loop;
      await vacuum();
      return rounds;
    },
  };
}
