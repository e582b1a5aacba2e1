import { createHash } from 'node:crypto';
import type { Principal } from '@polku/auth';
import { WORK_QUEUE_COMMANDS } from '@polku/contracts';
import { distribution, perSecond, rounded, type Distribution } from '../stats';
import type { ServiceClient } from '../timeline/bench-support';
import type { WorkQueueOptions } from './work-queue-options';
import { caseworkerOf, managerOf, teamLeadOf } from './work-queue-seed';

/** One query of the bench: who asks, and what. */
interface QuerySpec {
  readonly name: string;
  readonly subject: string;
  /** The reader of the i-th request: the readers take turns, over the organisations. */
  readonly reader: (i: number) => Principal;
  readonly request: Record<string, unknown>;
  /** Follow nextCursor this many times first and read that page (a later page). */
  readonly pagesAhead?: number;
  /** What the i-th reader adds to the request (a worker of their own organisation). */
  readonly readerRequest?: (i: number) => Record<string, unknown>;
}

export interface QueryResult {
  readonly name: string;
  readonly request: Record<string, unknown>;
  /** Items on the pages read and the queue's total (counts.total; caseload: none), averaged. */
  readonly itemsOnPage: number;
  readonly totalInQueue: number | null;
  /** One request at a time, over NATS as the gateway sends it. */
  readonly latencyMs: Distribution;
  /** Requests answered per second, one at a time and with `concurrency` in flight. */
  readonly sequentialPerSecond: number;
  readonly concurrentPerSecond: number | null;
}

interface Page {
  readonly items: unknown[];
  readonly nextCursor: string | null;
  readonly counts?: { readonly total: number };
}

/** Distinct readers per query; requests go round them. */
const READERS = 25;

function principal(userId: string, org: number, role: Principal['roles'][number]): Principal {
  return {
    userId,
    orgId: orgIdOf(org),
    orgRole: 'PROVIDER',
    roles: [role],
    issuer: 'polku-bench',
  };
}

/** The seed's organisation ids: md5('org:<n>')::uuid, as PostgreSQL makes them. */
export function orgIdOf(org: number): string {
  const hex = createHash('md5').update(`org:${org}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function querySpecs(options: WorkQueueOptions): QuerySpec[] {
  const org = (i: number) => (i * 7) % options.orgs;
  const worker = (i: number) => (i * 3) % options.workers;
  const caseworker = (i: number) =>
    principal(caseworkerOf(org(i), worker(i)), org(i), 'CASEWORKER');
  const lead = (i: number) => principal(teamLeadOf(org(i)), org(i), 'TEAM_LEAD');
  const manager = (i: number) => principal(managerOf(org(i)), org(i), 'MANAGER');
  const queue = WORK_QUEUE_COMMANDS.listWorkQueue;
  const caseload = WORK_QUEUE_COMMANDS.listCaseload;
  return [
    { name: 'MINE, first page', subject: queue, reader: caseworker, request: { limit: 50 } },
    {
      name: 'MINE, 3rd page (cursor)',
      subject: queue,
      reader: caseworker,
      request: { limit: 50 },
      pagesAhead: 2,
    },
    { name: 'MINE, overdue', subject: queue, reader: caseworker, request: { overdue: true } },
    { name: 'TEAM, first page', subject: queue, reader: lead, request: { scope: 'TEAM' } },
    {
      name: 'TEAM, overdue escalations and follow-ups',
      subject: queue,
      reader: lead,
      request: { scope: 'TEAM', overdue: true, kind: ['ESCALATION', 'FOLLOW_UP'] },
    },
    {
      name: 'TEAM, one worker',
      subject: queue,
      reader: lead,
      request: { scope: 'TEAM' },
      readerRequest: (i: number) => ({
        workerId: caseworkerOf(org(i), (worker(i) + 1) % options.workers),
      }),
    },
    {
      name: 'TEAM, unread',
      subject: queue,
      reader: lead,
      request: { scope: 'TEAM', unread: true },
    },
    {
      name: 'ORGANISATION, first page',
      subject: queue,
      reader: manager,
      request: { scope: 'ORGANISATION' },
    },
    {
      name: 'ORGANISATION, lost',
      subject: queue,
      reader: manager,
      request: { scope: 'ORGANISATION', lost: true },
    },
    { name: 'caseload MINE', subject: caseload, reader: caseworker, request: {} },
    {
      name: 'caseload ORGANISATION',
      subject: caseload,
      reader: manager,
      request: { scope: 'ORGANISATION' },
    },
    {
      name: 'caseload ORGANISATION, overdue',
      subject: caseload,
      reader: manager,
      request: { scope: 'ORGANISATION', overdue: true },
    },
  ].map((spec) => ({
    ...spec,
    request: { limit: 50, ...spec.request },
  }));
}

/**
 * Each query's latency, one request at a time (`reads` of them after `warmup`), then its
 * requests/s with `concurrency` in flight. The readers take turns over organisations and
 * workers, so the figures are not one cached queue's.
 */
export async function measureReads(
  client: ServiceClient,
  options: WorkQueueOptions,
  say: (line: string) => void,
): Promise<QueryResult[]> {
  const results: QueryResult[] = [];
  for (const spec of querySpecs(options)) {
    // The request of each reader, with its cursor when a later page is read.
    const requests: { reader: Principal; request: Record<string, unknown> }[] = [];
    for (let i = 0; i < READERS; i += 1) {
      const reader = spec.reader(i);
      const own = { ...spec.request, ...spec.readerRequest?.(i) };
      let request = own;
      for (let page = 0; page < (spec.pagesAhead ?? 0); page += 1) {
        const answer = await client.ask<Page>(spec.subject, reader, request);
        request = answer.nextCursor ? { ...own, cursor: answer.nextCursor } : request;
      }
      requests.push({ reader, request });
    }
    let items = 0;
    let total = 0;
    const ask = async (i: number) => {
      const { reader, request } = requests[i % READERS];
      const page = await client.ask<Page>(spec.subject, reader, request);
      items += page.items.length;
      total += page.counts?.total ?? 0;
      return page;
    };
    for (let i = 0; i < options.warmup; i += 1) {
      await ask(i);
    }
    const withCounts = await ask(0);
    items = 0;
    total = 0;
    const samples: number[] = [];
    const sequentialStart = performance.now();
    for (let i = 0; i < options.reads; i += 1) {
      const started = performance.now();
      await ask(i);
      samples.push(performance.now() - started);
    }
    const sequentialMs = performance.now() - sequentialStart;
    const itemsOnPage = Number((items / options.reads).toFixed(1));
    const totalInQueue = withCounts.counts ? Number((total / options.reads).toFixed(1)) : null;
    let concurrentPerSecond: number | null = null;
    if (options.concurrency > 0) {
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: options.concurrency }, async () => {
          for (let i = next++; i < options.reads; i = next++) {
            await ask(i);
          }
        }),
      );
      concurrentPerSecond = perSecond(options.reads, performance.now() - started);
    }
    const latencyMs = rounded(distribution(samples));
    say(
      `${spec.name}: p50 ${latencyMs.p50} p95 ${latencyMs.p95} p99 ${latencyMs.p99} ms, ` +
        `${itemsOnPage} items a page of ${totalInQueue ?? '-'}`,
    );
    results.push({
      name: spec.name,
      request: spec.request,
      itemsOnPage,
      totalInQueue,
      latencyMs,
      sequentialPerSecond: perSecond(options.reads, sequentialMs),
      concurrentPerSecond,
    });
  }
  return results;
}
