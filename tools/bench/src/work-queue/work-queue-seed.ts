import { NEXT_STEP_KINDS, PATH_STATES } from '@polku/contracts';
import type { Client } from 'pg';
import type { WorkQueueOptions } from './work-queue-options';

/** The bench's people: caseworkers `cw-<org>-<n>`, one team lead and one manager per org. */
export const caseworkerOf = (org: number, worker: number) => `cw-${org}-${worker}`;
export const teamLeadOf = (org: number) => `tl-${org}`;
export const managerOf = (org: number) => `mg-${org}`;

export interface SeedResult {
  readonly paths: number;
  readonly openPaths: number;
  readonly items: number;
  readonly openItems: number;
  readonly itemsByKind: Readonly<Record<string, number>>;
  readonly readMarkers: number;
  readonly seconds: number;
}

const OPEN_STATES = PATH_STATES.filter((state) => state !== 'CLOSED' && state !== 'REENTERED');

// Pseudo-random but repeatable: the same options give the same data. Ids are name-based like
// the projection's (md5 of a name as a uuid), the org of a path is `p % orgs`, its named worker
// `(p / orgs) % workers` (every 33rd path has none: its items go to the whole organisation),
// every 10th path is closed (its items all cleared), due dates spread from 35 days ago to 115 days
// ahead (about a quarter overdue), every 20th path without one.
const PATH_TABLE_SQL = `
  CREATE TEMP TABLE bench_path (p int, o int, org_id uuid, path_id uuid, state text,
    worker_id text, next_step text, due_date date, step_set_at timestamptz) ON COMMIT DROP`;

const PATHS_SQL = `
  INSERT INTO bench_path
  SELECT p, p % $2 AS o, md5('org:' || (p % $2))::uuid AS org_id,
         md5('path:' || p)::uuid AS path_id,
         CASE WHEN p % 10 = 0 THEN 'CLOSED'
              ELSE ($5::text[])[1 + (p / 10) % cardinality($5::text[])] END AS state,
         CASE WHEN p % 33 = 0 OR p % 10 = 0 THEN NULL
              ELSE 'cw-' || (p % $2) || '-' || ((p / $2) % $3) END AS worker_id,
         CASE WHEN p % 10 = 0 THEN NULL
              ELSE ($4::text[])[1 + abs(hashtext('step:' || p)) % cardinality($4::text[])] END
           AS next_step,
         CASE WHEN p % 10 = 0 OR p % 20 = 1 THEN NULL
              ELSE $6::date + (abs(hashtext('due:' || p)) % 150 - 35) END AS due_date,
         now() - make_interval(days => p % 90) AS step_set_at
    FROM generate_series(1, $1::int) p`;

const CARDS_SQL = `
  INSERT INTO path_card (path_id, path_version, step_set_at, state, accountable_org_id, worker_id,
                         next_step, due_date, level, measure_id, measure_type, provider_org_id,
                         measure_paused, plans_count, organisations_count, updated_at)
  SELECT path_id, 2 + p % 9, step_set_at, state,
         CASE WHEN state = 'CLOSED' THEN NULL ELSE org_id END, worker_id, next_step, due_date,
         CASE WHEN due_date < $1::date THEN 'WORKER' END,
         CASE WHEN state IN ('IN_MEASURE', 'PAUSED') THEN md5('measure:' || p)::uuid END,
         CASE WHEN state IN ('IN_MEASURE', 'PAUSED') THEN 'REHABILITATIVE_WORK_ACTIVITY' END,
         CASE WHEN state IN ('IN_MEASURE', 'PAUSED') THEN md5('org:' || ((p + 7) % $2))::uuid END,
         state = 'PAUSED', 1 + p % 3, 2 + p % 4, step_set_at
    FROM bench_path`;

const PATH_STEPS_SQL = `
  INSERT INTO work_item (item_id, item_key, kind, path_id, signal, next_step, level, due_date,
                         recipient_org_id, recipient_kind, opened_at, opened_event_id,
                         cleared_at, cleared_event_id)
  SELECT md5('PATH_STEP:' || path_id)::uuid, 'PATH_STEP:' || path_id, 'PATH_STEP', path_id,
         'NextStepSet', COALESCE(next_step, 'CLOSE_PATH'), NULL,
         CASE WHEN state = 'CLOSED' THEN $1::date - 10 ELSE due_date END,
         org_id, 'PATH_WORKER', step_set_at - interval '30 days', md5('open:' || path_id)::uuid,
         CASE WHEN state = 'CLOSED' THEN step_set_at END,
         CASE WHEN state = 'CLOSED' THEN md5('clear:' || path_id)::uuid END
    FROM bench_path`;

// 0 to 2 × items-per-path more items a path, their kind by a hash r of 20: referral answers
// (0–1) and hand-off answers (2) to another organisation, follow-ups (3–5), agreed steps (6–8, to
// the path's worker or a colleague), plan review, statement, measure ending, wait (9–12, of the
// path's accountable organisation), escalations at the worker (13–15), team-lead (16–17) and
// manager rungs (18, lost) and missed follow-ups (19, lost).
const ITEMS_SQL = `
  INSERT INTO work_item (item_id, item_key, kind, path_id, signal, subject_id, next_step, level,
                         due_date, lost, recipient_org_id, recipient_kind, recipient_worker_id,
                         opened_at, opened_event_id, cleared_at, cleared_event_id)
  SELECT md5('item:' || kind || ':' || key)::uuid, kind || ':' || key, kind, path_id, signal,
         md5('subject:' || key)::text,
         NULL, level, due, lost, recipient_org_id, recipient_kind, recipient_worker_id,
         opened_at, md5('open:' || key)::uuid,
         CASE WHEN cleared THEN opened_at + interval '2 days' END,
         CASE WHEN cleared THEN md5('clear:' || key)::uuid END
    FROM (
      SELECT b.path_id, b.path_id || ':' || k AS key, x.r,
             (ARRAY['REFERRAL_ANSWER','REFERRAL_ANSWER','HANDOFF_ANSWER','FOLLOW_UP','FOLLOW_UP',
                    'FOLLOW_UP','AGREED_STEP','AGREED_STEP','AGREED_STEP','PLAN_REVIEW',
                    'STATEMENT','MEASURE_ENDING','WAIT_EXCEEDED'])[x.r + 1] AS named_kind,
             CASE WHEN x.r >= 13 THEN 'ESCALATION' END AS escalation,
             (ARRAY['ClientReferred','ClientReferred','HandoffProposed','FollowUpDue','FollowUpDue',
                    'FollowUpDue','ActionItemAssigned','ActionItemAssigned','ActionItemAssigned',
                    'PlanReviewDue','StatementRequested','MeasureEndingSoon','WaitExceeded',
                    'NextStepOverdue','NextStepOverdue','ActionItemOverdue','NextStepOverdue',
                    'HandoffEscalated','NextStepOverdue','FollowUpMissed'])[x.r + 1] AS signal,
             CASE WHEN x.r BETWEEN 13 AND 15 THEN 'WORKER' WHEN x.r IN (16, 17) THEN 'TEAM_LEAD'
                  WHEN x.r = 18 THEN 'MANAGER' END AS level,
             CASE WHEN x.r IN (0, 1, 12) THEN NULL
                  WHEN x.r >= 13 THEN $1::date - (1 + x.h % 60)
                  ELSE $1::date + (x.h % 120 - 30) END AS due,
             x.r >= 18 AS lost,
             CASE WHEN x.r IN (0, 1) THEN md5('org:' || ((b.o + 1) % $2))::uuid
                  WHEN x.r = 2 THEN md5('org:' || ((b.o + 2) % $2))::uuid
                  WHEN x.r BETWEEN 9 AND 12 THEN NULL
                  ELSE b.org_id END AS recipient_org_id,
             CASE WHEN x.r IN (0, 1, 2) THEN 'ORGANISATION'
                  WHEN x.r BETWEEN 6 AND 8 OR x.r = 15 THEN 'WORKER'
                  WHEN x.r IN (16, 17) THEN 'TEAM_LEAD' WHEN x.r >= 18 THEN 'MANAGER'
                  ELSE 'PATH_WORKER' END AS recipient_kind,
             CASE WHEN x.r BETWEEN 6 AND 8 OR x.r = 15
                  THEN 'cw-' || b.o || '-' || (((b.p / $2) + x.h % 2) % $5) END
               AS recipient_worker_id,
             now() - make_interval(days => x.h % 60, mins => x.h % 1440) AS opened_at,
             b.state = 'CLOSED' OR (x.h / 7) % 100 < $4 AS cleared
        FROM bench_path b
       CROSS JOIN LATERAL generate_series(1, abs(hashtext('n:' || b.p)) % (2 * $3::int + 1)) k
       CROSS JOIN LATERAL (SELECT abs(hashtext('kind:' || b.p || ':' || k)) % 20 AS r,
                                  abs(hashtext('h:' || b.p || ':' || k)) AS h) x
    ) i
   CROSS JOIN LATERAL (SELECT COALESCE(i.escalation, i.named_kind) AS kind) kinds`;

// The reader of an open item: its worker, else a caseworker of the organisation, its team lead
// or manager; read an hour after it opened.
const READS_SQL = `
  INSERT INTO item_read (user_id, item_id, read_at)
  SELECT CASE i.audience WHEN 'TEAM_LEAD' THEN 'tl-' || o.o WHEN 'MANAGER' THEN 'mg-' || o.o
              ELSE COALESCE(i.worker_id, 'cw-' || o.o || '-0') END,
         i.item_id, i.opened_at + interval '1 hour'
    FROM open_work_item i
    JOIN (SELECT DISTINCT o, org_id FROM bench_path) o ON o.org_id = i.org_id
   WHERE abs(hashtext('read:' || i.item_id)) % 100 < $1`;

/** Fills the work-queue read model with SQL, in one transaction, then VACUUM ANALYZE. */
export async function seedWorkQueue(
  db: Client,
  options: WorkQueueOptions,
  today: string,
): Promise<SeedResult> {
  const started = performance.now();
  await db.query('BEGIN');
  try {
    await db.query(PATH_TABLE_SQL);
    await db.query(PATHS_SQL, [
      options.paths,
      options.orgs,
      options.workers,
      [...NEXT_STEP_KINDS],
      OPEN_STATES,
      today,
    ]);
    await db.query(CARDS_SQL, [today, options.orgs]);
    await db.query(PATH_STEPS_SQL, [today]);
    await db.query(ITEMS_SQL, [
      today,
      options.orgs,
      options.itemsPerPath,
      options.clearedPercent,
      options.workers,
    ]);
    await db.query(READS_SQL, [options.readPercent]);
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
  // As autovacuum leaves a table in steady state: statistics and the visibility map.
  await db.query('VACUUM ANALYZE');
  const count = async (sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0].n);
  const { rows } = await db.query<{ kind: string; n: string }>(
    'SELECT kind, count(*) AS n FROM open_work_item GROUP BY kind ORDER BY kind',
  );
  return {
    paths: await count('SELECT count(*) AS n FROM path_card'),
    openPaths: await count(
      `SELECT count(*) AS n FROM path_card WHERE state NOT IN ('CLOSED', 'REENTERED')`,
    ),
    items: await count('SELECT count(*) AS n FROM work_item'),
    openItems: await count('SELECT count(*) AS n FROM open_work_item'),
    itemsByKind: Object.fromEntries(rows.map((row) => [row.kind, Number(row.n)])),
    readMarkers: await count('SELECT count(*) AS n FROM item_read'),
    seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  };
}
