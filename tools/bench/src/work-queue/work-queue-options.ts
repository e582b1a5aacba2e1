import { parseArgs } from 'node:util';

/** What a read of a queue should take (docs/performance.md, "Work queue"). */
export const WORK_QUEUE_TARGET = { p95Ms: 50 } as const;

export const WORK_QUEUE_USAGE = `usage: npm run bench -- work-queue [--paths N] [--orgs N] [--workers N]
                       [--items-per-path N] [--cleared PERCENT] [--read PERCENT]
                       [--reads N] [--warmup N] [--concurrency N] [--keep-data] [--out FILE]
  Starts services/work-queue (from source, its own process, migrations run by the service) on
  the bench's own authenticated nats-server and database, fills its read model with SQL, and
  measures its reads over NATS request/reply as the gateway sends them (signed principal):
  MINE (first page and a later one), TEAM, ORGANISATION, with filters, and the caseload.
  --paths           paths (default 100000), each with its path_card and PATH_STEP item
  --orgs            organisations the paths are spread over (default 50)
  --workers         caseworkers per organisation (default 20)
  --items-per-path  other items per path on average (default 3)
  --cleared         percent of the other items already cleared (default 40)
  --read            percent of the open items their worker has read (default 30)
  --reads           requests per query, one at a time, for the latencies (default 300)
  --warmup          requests per query first, not counted (default 30)
  --concurrency     requests in flight for the requests/s figure (default 4; 0: skip)
  --keep-data       leave the database (its name is printed) for EXPLAIN ANALYZE
  --out             JSON result (default reports/bench/work-queue.json)`;

export interface WorkQueueOptions {
  readonly paths: number;
  readonly orgs: number;
  readonly workers: number;
  readonly itemsPerPath: number;
  readonly clearedPercent: number;
  readonly readPercent: number;
  readonly reads: number;
  readonly warmup: number;
  readonly concurrency: number;
  readonly keepData: boolean;
  readonly out: string;
}

export function parseWorkQueueOptions(argv: string[]): WorkQueueOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      paths: { type: 'string', default: '100000' },
      orgs: { type: 'string', default: '50' },
      workers: { type: 'string', default: '20' },
      'items-per-path': { type: 'string', default: '3' },
      cleared: { type: 'string', default: '40' },
      read: { type: 'string', default: '30' },
      reads: { type: 'string', default: '300' },
      warmup: { type: 'string', default: '30' },
      concurrency: { type: 'string', default: '4' },
      'keep-data': { type: 'boolean', default: false },
      out: { type: 'string', default: 'reports/bench/work-queue.json' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    return 'help';
  }
  const integer = (name: string, raw: string, min: number, max = Infinity): number => {
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
    orgs: integer('orgs', values.orgs, 1),
    workers: integer('workers', values.workers, 1),
    // Each path gets 0 to 2 × this many, so the mean is this.
    itemsPerPath: integer('items-per-path', values['items-per-path'], 0, 10),
    clearedPercent: integer('cleared', values.cleared, 0, 100),
    readPercent: integer('read', values.read, 0, 100),
    reads: integer('reads', values.reads, 1),
    warmup: integer('warmup', values.warmup, 0),
    concurrency: integer('concurrency', values.concurrency, 0),
    keepData: values['keep-data'],
    out: values.out,
  };
}
