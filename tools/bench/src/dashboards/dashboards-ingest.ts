import { jetstreamManager } from '@nats-io/jetstream';
import { CONSUMED_EVENT_SUBJECTS, natsLinkOptionsFor, TEST_TOOLS } from '@polku/bus-permissions';
import type { ServiceConfig } from '@polku/config';
import { durableName, NatsLink, streamNames } from '@polku/messaging';
import type { Client } from 'pg';
import { perSecond } from '../stats';
import { startAutovacuumStandIn } from './autovacuum-stand-in';

/** How long the service took to work through the stream, from its start. */
export interface IngestResult {
  readonly events: number;
  /** From the service's start (process spawned) until every durable was drained. */
  readonly seconds: number;
  /** From the first acknowledged event until drained: without the process's start. */
  readonly consumingSeconds: number;
  readonly eventsPerSecond: number;
  readonly consumingEventsPerSecond: number;
  /** What the projection holds afterwards, and a checksum of it (equal rows, equal sum). */
  readonly pathEvents: number;
  readonly facts: number;
  /** The region's day and month cells together. */
  readonly cells: number;
  /** The slices' day and month cells together (per municipality and age band). */
  readonly sliceCells: number;
  /** Of the facts and the cells. */
  readonly factsChecksum: string;
  readonly deadLetters: number;
  /** Rounds of VACUUM (ANALYZE) the bench ran because the server's autovacuum was off. */
  readonly vacuumRoundsByBench: number;
}

/**
 * Waits until every durable of the dashboards has nothing pending and nothing unacknowledged:
 * the service acknowledges an event after the transaction that wrote its facts committed, so
 * the last fact is written then (to within the 250 ms the durables are looked at).
 */
export async function measureIngest(
  config: ServiceConfig,
  events: number,
  startedAt: number,
  database: () => Promise<Client>,
  say: (line: string) => void,
): Promise<IngestResult> {
  const link = new NatsLink(natsLinkOptionsFor(config, TEST_TOOLS, 'polku-bench-drain'));
  const jsm = await jetstreamManager(await link.connect());
  const stream = streamNames(config.NATS_NAMESPACE).events;
  const durables = CONSUMED_EVENT_SUBJECTS.dashboards.map((subject) =>
    durableName('dashboards', subject),
  );
  const db = await database();
  const standIn = await startAutovacuumStandIn(db, say);
  let vacuumRoundsByBench = 0;
  let firstAckAt: number | undefined;
  let drainedAt: number | undefined;
  let reported = performance.now();
  try {
    while (drainedAt === undefined) {
      let left = 0;
      let acked = 0;
      for (const durable of durables) {
        const info = await jsm.consumers.info(stream, durable);
        left += info.num_pending + info.num_ack_pending;
        acked += info.ack_floor.stream_seq;
      }
      const at = performance.now();
      if (acked > 0) {
        firstAckAt ??= at;
      }
      if (left === 0) {
        drainedAt = at;
      } else {
        if (at - reported > 15_000) {
          reported = at;
          say(`${left} events still to consume…`);
        }
        await new Promise((done) => setTimeout(done, 250));
      }
    }
  } finally {
    await link.close();
    vacuumRoundsByBench = await standIn.stop();
  }
  const [row] = (
    await db.query<{
      path_events: number;
      facts: number;
      cells: number;
      slice_cells: number;
      checksum: string;
      dead: number;
    }>(
      // The checksum covers the cells too: a rebuild must make the same ones.
      `SELECT (SELECT count(*)::int FROM path_event) AS path_events,
              (SELECT count(*)::int FROM dashboard_fact) AS facts,
              (SELECT count(*)::int FROM dashboard_day_cell)
                + (SELECT count(*)::int FROM dashboard_month_cell) AS cells,
              (SELECT count(*)::int FROM dashboard_slice_day_cell)
                + (SELECT count(*)::int FROM dashboard_slice_month_cell) AS slice_cells,
              ((SELECT coalesce(sum(hashtext(f::text)::bigint), 0) FROM dashboard_fact f)
                + (SELECT coalesce(sum(hashtext(c::text)::bigint), 0) FROM dashboard_day_cell c)
                + (SELECT coalesce(sum(hashtext(m::text)::bigint), 0) FROM dashboard_month_cell m)
                + (SELECT coalesce(sum(hashtext(c::text)::bigint), 0) FROM dashboard_slice_day_cell c)
                + (SELECT coalesce(sum(hashtext(m::text)::bigint), 0)
                     FROM dashboard_slice_month_cell m)
              )::text AS checksum,
              (SELECT count(*)::int FROM dead_letter) AS dead`,
    )
  ).rows;
  const ms = drainedAt - startedAt;
  const consumingMs = drainedAt - (firstAckAt ?? startedAt);
  return {
    events,
    seconds: Number((ms / 1000).toFixed(1)),
    consumingSeconds: Number((consumingMs / 1000).toFixed(1)),
    eventsPerSecond: perSecond(events, ms),
    consumingEventsPerSecond: perSecond(events, consumingMs),
    pathEvents: row.path_events,
    facts: row.facts,
    cells: row.cells,
    sliceCells: row.slice_cells,
    factsChecksum: row.checksum,
    deadLetters: row.dead,
    vacuumRoundsByBench,
  };
}
