import type { Client } from 'pg';
import { distribution, rounded, type Distribution } from '../stats';
import { writeAttendance, type WrittenEvent } from './attendance-writer';
import type { GatewayHttp } from './gateway-http';
import { liveStages, type LiveStages } from './live-stages';
import type { NoticeListener } from './notice-listener';
import { markProcessCpu, type CpuByProcess } from './process-cpu';
import { openTimelineSubscriber, type TimelineSubscriber } from './sse-subscriber';
import { PROVIDER_READERS, type SeededPath } from './timeline-seed';

/** What one live phase measured. */
export interface LivePhaseResult {
  readonly name: string;
  readonly subscribers: number;
  readonly paths: number;
  readonly offeredRate: number;
  readonly events: number;
  /** Events per second the writer achieved (outbox commits). */
  readonly writtenPerSecond: number;
  /** Every delivery (subscriber × entry): SSE frame arrival − occurredAt, ms. */
  readonly lagMs: Distribution;
  /**
   * p99 of every delivery of the events written in each third of the phase (ms): growing
   * thirds mean the pipeline fell behind the rate; flat ones that it kept up.
   */
  readonly lagP99ByThird: readonly number[];
  /** Each subscriber's own p99 lag, as a distribution over the subscribers (ms). */
  readonly perSubscriberP99Ms: Distribution;
  /** Where the lag goes (per event, first subscriber to receive it). */
  readonly stagesMs: LiveStages | null;
  readonly completeness: {
    readonly expectedDeliveries: number;
    readonly delivered: number;
    readonly missing: number;
    readonly duplicates: number;
    /** Subscribers that received every entry of their path. */
    readonly subscribersComplete: number;
    readonly streamFailures: readonly string[];
    readonly otherFrames: Readonly<Record<string, number>>;
    /** A few duplicate deliveries: `eventId: first SSE id → again SSE id`. */
    readonly duplicateSamples: readonly string[];
  };
  /** How the deliveries were batched: notices overheard, and audited pushes (SSE writes). */
  readonly fanOut: {
    readonly noticesPerSecond: number;
    readonly pushesPerSecond: number;
    readonly entriesPerPush: number;
  };
  readonly cpuMs: CpuByProcess;
}

export interface LivePhaseContext {
  readonly api: GatewayHttp;
  readonly outboxDb: Client;
  readonly meetingsDb: Client;
  /** The gateway's database: its audit trail has one row per live push. */
  readonly gatewayDb: Client;
  readonly notices: NoticeListener;
  readonly launcherPid: number;
  readonly say: (line: string) => void;
}

/** Live pushes audited so far: one row per write of entries to one stream. */
async function livePushes(gatewayDb: Client): Promise<number> {
  const { rows } = await gatewayDb.query<{ n: string }>(
    "SELECT count(*) AS n FROM audit_record WHERE route LIKE '%/timeline/live'",
  );
  return Number(rows[0].n);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Opens `count` subscribers over `paths` (round robin), as Työnsilta's two client-work users. */
export async function openSubscribers(
  context: LivePhaseContext,
  paths: readonly SeededPath[],
  count: number,
): Promise<TimelineSubscriber[]> {
  const subscribers: TimelineSubscriber[] = [];
  for (let i = 0; i < count; i += 1) {
    const token = await context.api.tokenOf(PROVIDER_READERS[i % PROVIDER_READERS.length]);
    subscribers.push(
      await openTimelineSubscriber(context.api.baseUrl, token, paths[i % paths.length].pathId),
    );
  }
  return subscribers;
}

/** Waits until every subscriber has every entry of its path, or nothing arrived for `idleMs`. */
async function awaitDeliveries(
  subscribers: readonly TimelineSubscriber[],
  expectedOf: (subscriber: TimelineSubscriber) => readonly WrittenEvent[],
  idleMs: number,
): Promise<void> {
  let last = -1;
  let lastMove = Date.now();
  for (;;) {
    let delivered = 0;
    let complete = true;
    for (const subscriber of subscribers) {
      const expected = expectedOf(subscriber);
      const got = expected.filter((event) => subscriber.arrivals.has(event.eventId)).length;
      delivered += got;
      complete &&= got === expected.length;
    }
    if (complete) {
      return;
    }
    if (delivered !== last) {
      last = delivered;
      lastMove = Date.now();
    } else if (Date.now() - lastMove > idleMs) {
      return;
    }
    await sleep(250);
  }
}

/**
 * One phase: `subscribers` open live timelines spread over `paths`; `events` AttendanceRecorded
 * events written to those paths at `rate`/s through activation-plans' outbox; every subscriber
 * should receive every entry of its path. Measures arrival − occurredAt per delivery.
 */
export async function runLivePhase(
  context: LivePhaseContext,
  options: {
    readonly name: string;
    readonly paths: readonly SeededPath[];
    readonly subscribers: readonly TimelineSubscriber[];
    readonly rate: number;
    readonly events: number;
  },
): Promise<LivePhaseResult> {
  const { say } = context;
  const { subscribers, paths } = options;
  say(
    `${options.name}: ${subscribers.length} subscribers over ${paths.length} paths, ` +
      `${options.events} events at ${options.rate}/s`,
  );
  const cpu = markProcessCpu(context.launcherPid);
  const noticesBefore = context.notices.count;
  const pushesBefore = await livePushes(context.gatewayDb);
  const started = Date.now();
  const written = await writeAttendance(context.outboxDb, paths, {
    count: options.events,
    rate: options.rate,
  });
  const writtenPerSecond = Math.round((written.length * 1000) / (Date.now() - started));
  const byPath = new Map<string, WrittenEvent[]>();
  for (const event of written) {
    byPath.set(event.pathId, [...(byPath.get(event.pathId) ?? []), event]);
  }
  const expectedOf = (subscriber: TimelineSubscriber) => byPath.get(subscriber.pathId) ?? [];
  await awaitDeliveries(subscribers, expectedOf, 15_000);
  const cpuMs = cpu.spentSince();
  const seconds = (Date.now() - started) / 1000;
  const pushes = (await livePushes(context.gatewayDb)) - pushesBefore;

  const lags: number[] = [];
  const thirdOf = new Map(
    written.map((event, index) => [event.eventId, Math.floor((3 * index) / written.length)]),
  );
  const byThird: number[][] = [[], [], []];
  const perSubscriberP99: number[] = [];
  let delivered = 0;
  let expectedDeliveries = 0;
  let subscribersComplete = 0;
  const otherFrames: Record<string, number> = {};
  for (const subscriber of subscribers) {
    const own: number[] = [];
    const expected = expectedOf(subscriber);
    expectedDeliveries += expected.length;
    for (const event of expected) {
      const arrived = subscriber.arrivals.get(event.eventId);
      if (arrived !== undefined) {
        own.push(arrived - event.occurredAt);
        byThird[thirdOf.get(event.eventId) ?? 0].push(arrived - event.occurredAt);
      }
    }
    delivered += own.length;
    subscribersComplete += own.length === expected.length ? 1 : 0;
    lags.push(...own);
    if (own.length > 0) {
      perSubscriberP99.push(distribution(own).p99);
    }
    for (const [frame, count] of Object.entries(subscriber.otherFrames)) {
      otherFrames[frame] = (otherFrames[frame] ?? 0) + count;
    }
  }
  const firstArrival = new Map<string, number>();
  for (const subscriber of subscribers) {
    for (const [eventId, at] of subscriber.arrivals) {
      firstArrival.set(eventId, Math.min(at, firstArrival.get(eventId) ?? Infinity));
    }
  }
  const stagesMs = await liveStages(
    { outboxDb: context.outboxDb, meetingsDb: context.meetingsDb, notices: context.notices },
    written,
    firstArrival,
  ).catch((error: unknown) => {
    say(`could not split the lag into stages: ${String(error)}`);
    return null;
  });
  return {
    name: options.name,
    subscribers: subscribers.length,
    paths: paths.length,
    offeredRate: options.rate,
    events: written.length,
    writtenPerSecond,
    lagMs: rounded(distribution(lags)),
    lagP99ByThird: byThird.map((third) => Math.round(distribution(third).p99)),
    perSubscriberP99Ms: rounded(distribution(perSubscriberP99)),
    stagesMs,
    completeness: {
      expectedDeliveries,
      delivered,
      missing: expectedDeliveries - delivered,
      // Of this phase's entries only: a subscriber may have lived through an earlier phase.
      duplicates: subscribers.reduce(
        (sum, subscriber) =>
          sum +
          expectedOf(subscriber).reduce(
            (own, event) => own + (subscriber.duplicates.get(event.eventId) ?? 0),
            0,
          ),
        0,
      ),
      subscribersComplete,
      streamFailures: subscribers
        .filter((subscriber) => subscriber.failure !== undefined)
        .map((subscriber) => `${subscriber.pathId}: ${subscriber.failure}`)
        .slice(0, 10),
      otherFrames,
      duplicateSamples: subscribers
        .flatMap((subscriber) => subscriber.duplicateSamples)
        .slice(0, 5),
    },
    fanOut: {
      noticesPerSecond: Math.round((context.notices.count - noticesBefore) / seconds),
      pushesPerSecond: Math.round(pushes / seconds),
      entriesPerPush: Number((delivered / Math.max(1, pushes)).toFixed(1)),
    },
    cpuMs,
  };
}
