import { setTimeout as sleep } from 'node:timers/promises';
import { realNow } from '@polku/clock';
import { finnishDateOf } from '@polku/timers';
import { isSimulated, type DemoClock } from './clock/demo-clock';
import { helsinkiTime } from './driver/dates';
import { GatewayApi } from './driver/gateway-api';
import { countEvents } from './event-count';
import { referralDateOf, storyDates } from './simulation/calendar';
import { ClientRun } from './simulation/client-run';
import { inPool } from './simulation/pool';
import { demoClient } from './story/client-story';
import { SummaryCounter, type DemoSummary } from './summary';

export type { DemoClock } from './clock/demo-clock';
export { RealTimeClock } from './clock/demo-clock';
export type { DemoSummary } from './summary';

export interface LoadDemoDataOptions {
  /** The gateway, e.g. http://127.0.0.1:3000 (its demo issuer must be on). */
  readonly gatewayUrl: string;
  readonly clock: DemoClock;
  readonly clients: number;
  readonly seed: number;
  /** Steps done of all the steps the run will take. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Clients whose steps of one day run at once (default 8). */
  readonly concurrency?: number;
  /**
   * With a simulated clock, the least real time a simulated day lasts (default 1,000 ms, the
   * services' TIMER_POLL_INTERVAL_MS): a timer due at a jump fires at its next poll, stamped with
   * the time then, so each day waits for one poll before the clock moves on, and the projections
   * catch up meanwhile. 0 makes the run faster and the timers' events later.
   */
  readonly minDayMs?: number;
  /** Count the events on the paths' timelines at the end (a read of each path; default no). */
  readonly countEvents?: boolean;
}

/**
 * Makes `clients` synthetic clients and drives each one's path through polku's real commands
 * (docs/dashboards.md, "Demo data and the simulated clock"). With a simulated clock the paths
 * start over the two years before today and the clock moves day by day to 09:00 Helsinki of each
 * day that has steps, ending at real time; with the real-time clock every path is made today.
 */
export async function loadDemoData(options: LoadDemoDataOptions): Promise<DemoSummary> {
  const started = performance.now();
  const simulated = isSimulated(options.clock);
  // "Today" is the real day, even in a process on a simulated clock: the history ends there.
  const today = finnishDateOf(new Date(realNow()));
  const api = new GatewayApi(options.gatewayUrl.replace(/\/$/, ''), () => options.clock.now());
  const counter = new SummaryCounter();
  const personas: Record<string, number> = {};
  const runs: ClientRun[] = [];
  let notYetDue = 0;
  for (let index = 0; index < options.clients; index += 1) {
    const referralDate = simulated ? referralDateOf(options.seed, index, today) : today;
    const client = demoClient(options.seed, index, referralDate);
    personas[client.persona.key] = (personas[client.persona.key] ?? 0) + 1;
    counter.noteClient(index, client.person.municipality);
    const dates = (
      simulated ? storyDates(client.story.steps, referralDate) : client.story.steps.map(() => today)
    ).filter((day) => day <= today);
    notYetDue += client.story.steps.length - dates.length;
    runs.push(new ClientRun(client, dates));
  }
  const total = runs.reduce((sum, run) => sum + run.dates.length, 0);
  let done = 0;
  const record = (entry: Parameters<SummaryCounter['add']>[0]): void => {
    counter.add(entry);
    done += 1;
    options.onProgress?.(done, total);
  };
  const context = { now: () => options.clock.now(), realTime: !simulated };
  const concurrency = options.concurrency ?? 8;
  const days = [...new Set(runs.flatMap((run) => run.dates))].sort();
  let clockSteps = 0;
  options.onProgress?.(0, total);
  const minDayMs = options.minDayMs ?? 1_000;
  for (const day of simulated ? days : [today]) {
    const dayStarted = performance.now();
    if (simulated) {
      // Today runs at real time, so the clock ends at offset 0 (exactly: a target of "now"
      // is a millisecond or two in the past by the time it is applied).
      await (day === today
        ? options.clock.returnToRealTime()
        : options.clock.setTime(helsinkiTime(day, 9)));
      clockSteps += 1;
    }
    const due = runs.filter((run) => run.next < run.dates.length && run.dates[run.next] <= day);
    await inPool(due, concurrency, (run) => run.runUntil(api, day, context, record));
    if (simulated) {
      await sleep(Math.max(0, minDayMs - (performance.now() - dayStarted)));
    }
  }
  if (simulated && days[days.length - 1] !== today) {
    await options.clock.returnToRealTime();
    clockSteps += 1;
  }
  const eventsByType = options.countEvents
    ? await countEvents(api, counter.lastReaders(), concurrency)
    : undefined;
  const summary = counter.summarise({
    seed: options.seed,
    clients: options.clients,
    mode: simulated ? 'simulated' : 'real-time',
    from: (simulated ? days[0] : undefined) ?? today,
    to: today,
    personas,
    notYetDue,
    requests: api.requests,
    clockSteps,
    durationMs: Math.round(performance.now() - started),
  });
  return eventsByType === undefined ? summary : { ...summary, eventsByType };
}
