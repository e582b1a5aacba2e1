import { parseArgs } from 'node:util';

/** What issue 17 asks of the shared timeline (docs/performance.md, "The shared timeline"). */
export const TIMELINE_TARGET = {
  /** Event → visible on an open timeline, p99, at `eventsPerSecond` path events/s. */
  liveP99Ms: 250,
  eventsPerSecond: 500,
  /** A timeline page of a path with `pageEntries` entries, read with its visibility filter. */
  pageP95Ms: 50,
  pageEntries: 1000,
  /** Open live subscribers on one gateway that must not fall behind. */
  subscribers: 200,
} as const;

export const TIMELINE_USAGE = `usage: npm run bench -- timeline [--paths N] [--rate R] [--seconds S]
                       [--warmup-seconds S] [--subscribers N] [--page-entries N] [--reads N]
                       [--skip-live] [--skip-pages] [--out FILE]
  Starts the whole system as npm start does (launcher, services from dist, the gateway on HTTP
  with the demo issuer) on its own authenticated nats-server and databases, seeds paths through
  the gateway, and measures the shared timeline:
  (a) event → visible on an open timeline (one SSE subscriber per path)
  (c) --subscribers open SSE subscribers spread over the paths at the same rate
  (b) a timeline page of a path with --page-entries entries, through the gateway and the service
  --paths           paths the live events are spread over (default 20)
  --rate            events per second written (default ${TIMELINE_TARGET.eventsPerSecond})
  --seconds         length of each live phase (default 30)
  --warmup-seconds  live events before the phases, not counted (default 5)
  --subscribers     open subscribers in phase (c) (default ${TIMELINE_TARGET.subscribers})
  --page-entries    entries on the path read in (b) (default ${TIMELINE_TARGET.pageEntries})
  --reads           page reads per reader and way (default 300)
  --skip-live       only (b); --skip-pages: only (a) and (c)
  --out             JSON result (default reports/bench/timeline.json)`;

export interface TimelineOptions {
  readonly paths: number;
  readonly rate: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly subscribers: number;
  readonly pageEntries: number;
  readonly reads: number;
  readonly live: boolean;
  readonly pages: boolean;
  readonly out: string;
}

export function parseTimelineOptions(argv: string[]): TimelineOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      paths: { type: 'string', default: '20' },
      rate: { type: 'string', default: String(TIMELINE_TARGET.eventsPerSecond) },
      seconds: { type: 'string', default: '30' },
      'warmup-seconds': { type: 'string', default: '5' },
      subscribers: { type: 'string', default: String(TIMELINE_TARGET.subscribers) },
      'page-entries': { type: 'string', default: String(TIMELINE_TARGET.pageEntries) },
      reads: { type: 'string', default: '300' },
      'skip-live': { type: 'boolean', default: false },
      'skip-pages': { type: 'boolean', default: false },
      out: { type: 'string', default: 'reports/bench/timeline.json' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    return 'help';
  }
  const integer = (name: string, raw: string, min: number): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) {
      throw new Error(
        `--${name} must be an integer of at least ${min}, got ${JSON.stringify(raw)}`,
      );
    }
    return value;
  };
  return {
    paths: integer('paths', values.paths, 1),
    rate: integer('rate', values.rate, 1),
    seconds: integer('seconds', values.seconds, 1),
    warmupSeconds: integer('warmup-seconds', values['warmup-seconds'], 0),
    subscribers: integer('subscribers', values.subscribers, 1),
    pageEntries: integer('page-entries', values['page-entries'], 1),
    reads: integer('reads', values.reads, 1),
    live: !values['skip-live'],
    pages: !values['skip-pages'],
    out: values.out,
  };
}
