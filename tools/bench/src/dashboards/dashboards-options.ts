import { parseArgs } from 'node:util';

export const DASHBOARDS_USAGE = `usage: npm run bench -- dashboards [--paths N] [--orgs N] [--seed N] [--span-days N]
                       [--reads N] [--warmup N] [--page-reads N] [--window N]
                       [--skip-rebuild] [--keep-data] [--out FILE]
  Starts services/dashboards (from source, its own process; its database made first by the
  service's migrate command) on the bench's own authenticated nats-server. Publishes a synthetic
  event set (@polku/testing/dashboards: seeded, every event contract-valid, about 22 events a
  path) to JetStream as the owning services would, then measures, in this order:
    ingest   the service started on the full stream: events/s through the real consumer and
             the time until the last fact is written (every durable drained); when the
             server's autovacuum is off, the bench runs VACUUM (ANALYZE) every 30 s in its stead,
             and once more when the last event is in
    views    each of the 13 views, one request at a time over NATS as the gateway sends them
             (a MANAGER's signed principal), MONTH over two years: ORGANISATION, REGION, and
             REGION filtered by municipality (Kajaani); p50/p95/p99 ms
    page     the whole page (every view) for ORGANISATION, MONTH over two years; p50/p95 ms
    rebuild  the service stopped, rebuild-projection --all-durables (the operator command),
             provisioned and started again: the replay's events/s, and the same facts
  --paths        paths (default 100000, about 2.2 million events)
  --orgs         organisations (default 30: a third referrers, the rest providers)
  --seed         the event set's seed (default 1)
  --span-days    referrals spread over this many days back from today (default 730)
  --reads        requests per view and variant, one at a time (default 100)
  --warmup       requests per view and variant first, not counted (default 10)
  --page-reads   requests of the whole page (default 30)
  --window       publishes in flight while filling the stream (default 1000)
  --skip-rebuild leave out the rebuild
  --keep-data    leave the database (its name is printed) for EXPLAIN ANALYZE
  --out          JSON result (default reports/bench/dashboards.json)`;

export interface DashboardsOptions {
  readonly paths: number;
  readonly orgs: number;
  readonly seed: number;
  readonly spanDays: number;
  readonly reads: number;
  readonly warmup: number;
  readonly pageReads: number;
  readonly window: number;
  readonly skipRebuild: boolean;
  readonly keepData: boolean;
  readonly out: string;
}

export function parseDashboardsOptions(argv: string[]): DashboardsOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      paths: { type: 'string', default: '100000' },
      orgs: { type: 'string', default: '30' },
      seed: { type: 'string', default: '1' },
      'span-days': { type: 'string', default: '730' },
      reads: { type: 'string', default: '100' },
      warmup: { type: 'string', default: '10' },
      'page-reads': { type: 'string', default: '30' },
      window: { type: 'string', default: '1000' },
      'skip-rebuild': { type: 'boolean', default: false },
      'keep-data': { type: 'boolean', default: false },
      out: { type: 'string', default: 'reports/bench/dashboards.json' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    return 'help';
  }
  const integer = (name: string, raw: string, min: number, max = Number.MAX_SAFE_INTEGER) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(
        `--${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`,
      );
    }
    return value;
  };
  return {
    paths: integer('paths', values.paths, 1),
    orgs: integer('orgs', values.orgs, 3),
    seed: integer('seed', values.seed, 0, 2 ** 32 - 1),
    // Two years of months must fit the views' longest range (DASHBOARD_MAX_RANGE_DAYS).
    spanDays: integer('span-days', values['span-days'], 30, 1000),
    reads: integer('reads', values.reads, 1),
    warmup: integer('warmup', values.warmup, 0),
    pageReads: integer('page-reads', values['page-reads'], 1),
    window: integer('window', values.window, 1, 10_000),
    skipRebuild: values['skip-rebuild'],
    keepData: values['keep-data'],
    out: values.out,
  };
}
