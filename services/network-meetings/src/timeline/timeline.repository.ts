import type { CursorPosition, TimelineEntryKind, TimelineOrder } from '@polku/contracts';
import { keysetAfter, keysetTimestampSql } from '@polku/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import type { TimelineViewer } from './timeline-visibility';

// SQL of timeline_entry. Positions are bigint: read and bound as text, never as JS numbers.
// ORDER BY names the table's columns (timeline_entry.position): a bare name would be the
// text alias of ROW_COLUMNS, and '10' sorts before '9'.

type Runner = DataSource | EntityManager;

/** A timeline_entry row as the queries read it. */
export interface TimelineRow {
  position: string;
  event_id: string;
  event_type: string;
  kind: TimelineEntryKind;
  occurred_at: string;
  data_class: string;
  source_org_id: string;
  source_org_role: string;
  summary: string;
  data: unknown;
  client_voice_visibility: string | null;
  client_voice_org_ids: string[] | null;
  /** The keyset sort key: occurred_at with microseconds, UTC. */
  sort_key: string;
}

const ROW_COLUMNS = `position::text AS position, event_id, event_type, kind,
  to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at,
  data_class, source_org_id, source_org_role, summary, data, client_voice_visibility,
  client_voice_org_ids::text[] AS client_voice_org_ids,
  ${keysetTimestampSql('occurred_at')} AS sort_key`;

/**
 * The visibility rule (timeline-visibility.ts viewerMaySee) in SQL, for one viewer: its
 * parameters are appended to `parameters`.
 */
export function viewerSql(viewer: TimelineViewer, parameters: unknown[]): string {
  parameters.push(viewer.dataClasses, viewer.isParty, viewer.orgId);
  const [classes, isParty, orgId] = [
    parameters.length - 2,
    parameters.length - 1,
    parameters.length,
  ].map((index) => `$${index}`);
  return `((client_voice_visibility IS NULL AND data_class = ANY(${classes}::text[]))
    OR (client_voice_visibility IS NOT NULL AND ${isParty}::boolean
        AND (source_org_id = ${orgId}::uuid OR client_voice_visibility = 'WHOLE_NETWORK'
             OR ${orgId}::uuid = ANY(client_voice_org_ids))))`;
}

/** The ordering of a timeline page; a cursor of the other order is refused. */
export const TIMELINE_SORT = { asc: 'timeline-oldest-first', desc: 'timeline-newest-first' };

/** A page's cursor position: occurred_at and position, the key written twice (its own id). */
export function timelinePositionOf(row: TimelineRow): CursorPosition {
  const key = `${row.sort_key}|${row.position}`;
  return { key, id: key };
}

export interface TimelinePageQuery {
  readonly pathId: string;
  readonly viewer: TimelineViewer;
  readonly kinds?: readonly TimelineEntryKind[];
  readonly orgId?: string;
  readonly from?: string;
  readonly to?: string;
  readonly order: TimelineOrder;
  readonly limit: number;
  readonly after?: CursorPosition;
}

/**
 * One page of a path's timeline as the viewer may see it, in (occurred_at, position) order:
 * limit + 1 rows after the cursor's position, each filter applied in SQL (one index range scan
 * of the path).
 */
export async function timelinePage(
  runner: Runner,
  query: TimelinePageQuery,
): Promise<TimelineRow[]> {
  const { sql, parameters } = timelinePageSql(query);
  return runner.query<TimelineRow[]>(sql, parameters);
}

/** The statement of {@link timelinePage} and its parameters (its plan is tested on its own). */
export function timelinePageSql(query: TimelinePageQuery): {
  readonly sql: string;
  readonly parameters: readonly unknown[];
} {
  const after = keysetAfter(query.after, { keys: ['timestamp', 'integer'], id: 'same-as-key' });
  const parameters: unknown[] = [query.pathId];
  const where = [`path_id = $1`, viewerSql(query.viewer, parameters)];
  const bind = (value: unknown) => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
  if (query.kinds !== undefined && query.kinds.length > 0) {
    where.push(`kind = ANY(${bind(query.kinds)}::text[])`);
  }
  if (query.orgId !== undefined) {
    where.push(`source_org_id = ${bind(query.orgId)}::uuid`);
  }
  if (query.from !== undefined) {
    where.push(`occurred_at >= ${bind(query.from)}::timestamptz`);
  }
  if (query.to !== undefined) {
    where.push(`occurred_at < ${bind(query.to)}::timestamptz`);
  }
  const direction = query.order === 'asc' ? 'ASC' : 'DESC';
  if (after !== undefined) {
    const [sortKey, position] = after.keyParts;
    where.push(
      `(occurred_at, position) ${direction === 'ASC' ? '>' : '<'} (${bind(sortKey)}::timestamptz, ${bind(String(position))}::bigint)`,
    );
  }
  const limit = bind(query.limit + 1);
  return {
    sql: `SELECT ${ROW_COLUMNS} FROM timeline_entry WHERE ${where.join(' AND ')}
      ORDER BY timeline_entry.occurred_at ${direction}, timeline_entry.position ${direction}
      LIMIT ${limit}`,
    parameters,
  };
}

/**
 * Up to `limit` entries of the path after `afterPosition` that every viewer may see, oldest
 * (lowest position) first.
 */
export async function timelineSince(
  runner: Runner,
  query: {
    readonly pathId: string;
    readonly afterPosition: string;
    readonly viewers: readonly TimelineViewer[];
    readonly limit: number;
  },
): Promise<TimelineRow[]> {
  const parameters: unknown[] = [query.pathId, query.afterPosition];
  const visible = query.viewers.map((viewer) => viewerSql(viewer, parameters));
  parameters.push(query.limit);
  return runner.query<TimelineRow[]>(
    `SELECT ${ROW_COLUMNS} FROM timeline_entry
      WHERE path_id = $1 AND position > $2::bigint AND ${visible.join(' AND ')}
      ORDER BY timeline_entry.position LIMIT $${parameters.length}`,
    parameters,
  );
}

/** One entry of the path by its event id, or undefined. */
export async function timelineEntryOfEvent(
  runner: Runner,
  { pathId, eventId }: { readonly pathId: string; readonly eventId: string },
): Promise<TimelineRow | undefined> {
  const [row] = await runner.query<TimelineRow[]>(
    `SELECT ${ROW_COLUMNS} FROM timeline_entry WHERE path_id = $1 AND event_id = $2`,
    [pathId, eventId],
  );
  return row;
}

/** The NetworkMeetingHeld entry of a meeting of the path, or undefined. */
export async function meetingHeldEntry(
  runner: Runner,
  { pathId, meetingId }: { readonly pathId: string; readonly meetingId: string },
): Promise<TimelineRow | undefined> {
  const [row] = await runner.query<TimelineRow[]>(
    `SELECT ${ROW_COLUMNS} FROM timeline_entry
      WHERE path_id = $1 AND event_type = 'NetworkMeetingHeld' AND data->>'meetingId' = $2
      ORDER BY timeline_entry.position LIMIT 1`,
    [pathId, meetingId],
  );
  return row;
}

/** Whether the path's timeline knows the meeting: scheduled, held or cancelled on this path. */
export async function meetingIsOnPath(
  runner: Runner,
  { pathId, meetingId }: { readonly pathId: string; readonly meetingId: string },
): Promise<boolean> {
  const rows = await runner.query<unknown[]>(
    `SELECT 1 FROM timeline_entry
      WHERE path_id = $1 AND event_type = ANY($2::text[]) AND data->>'meetingId' = $3 LIMIT 1`,
    [
      pathId,
      ['NetworkMeetingScheduled', 'NetworkMeetingHeld', 'NetworkMeetingCancelled'],
      meetingId,
    ],
  );
  return rows.length > 0;
}
