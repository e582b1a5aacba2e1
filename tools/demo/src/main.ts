// `npm run demo -- --clients 200 --seed 1 [--gateway http://127.0.0.1:3000] [--clock-file …]`:
// loads demo data into a running polku and prints what it made (docs/dashboards.md, "Demo data
// and the simulated clock").
import { parseArgs } from 'node:util';
import { SimulatedClockControl } from '@polku/clock';
import { SERVICE_NAMES } from '@polku/contracts';
import { SingleBar } from 'cli-progress';
import { RealTimeClock, type DemoClock } from './clock/demo-clock';
import { loadDemoData } from './load-demo-data';
import { formatSummary } from './summary-text';

const USAGE = `usage: npm run demo -- [--clients 50] [--seed 1] [--gateway http://127.0.0.1:3000]
                       [--clock-file <file>] [--day-ms 1000] [--concurrency 8] [--json]
                       [--skip-event-count]

  --clock-file  the SIMULATED_CLOCK_FILE every service of polku was started with: the paths then
                start over the two years before today and the clock moves day by day (back two
                years first: use a polku without data). Without it every path is made today.
  --day-ms      with --clock-file, the least real time one simulated day lasts, so the services'
                timers due at a move of the clock fire on their day (0: faster, timers later)
  --concurrency clients whose steps of one day run at once
  --skip-event-count  do not read the paths' timelines at the end to count their events
  --json        print the summary as JSON on stdout (the progress bar goes to stderr)`;

function wholeNumber(value: string, name: string, min: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) {
    throw new Error(`--${name} must be a whole number of at least ${min}, got ${value}`);
  }
  return number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '50' },
      seed: { type: 'string', default: '1' },
      gateway: { type: 'string', default: 'http://127.0.0.1:3000' },
      'clock-file': { type: 'string' },
      concurrency: { type: 'string', default: '8' },
      'day-ms': { type: 'string', default: '1000' },
      json: { type: 'boolean', default: false },
      'skip-event-count': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const clockFile = values['clock-file'];
  const clock: DemoClock =
    clockFile === undefined
      ? new RealTimeClock()
      : await SimulatedClockControl.create(clockFile, SERVICE_NAMES);
  const bar = new SingleBar({
    format: 'demo data {bar} {percentage}% | {value}/{total} steps | {eta_formatted} left',
    stream: process.stderr,
    hideCursor: true,
  });
  bar.start(1, 0);
  try {
    const summary = await loadDemoData({
      gatewayUrl: values.gateway,
      clock,
      clients: wholeNumber(values.clients, 'clients', 1),
      seed: wholeNumber(values.seed, 'seed', 0),
      concurrency: wholeNumber(values.concurrency, 'concurrency', 1),
      minDayMs: wholeNumber(values['day-ms'], 'day-ms', 0),
      countEvents: !values['skip-event-count'],
      onProgress: (done, total) => {
        bar.setTotal(Math.max(total, 1));
        bar.update(done);
      },
    });
    bar.stop();
    console.log(values.json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
    process.exitCode = summary.failedCommands === 0 ? 0 : 1;
  } finally {
    bar.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  console.error(USAGE);
  process.exit(2);
});
