import { keysetTimestampSql } from '@polku/persistence';
import type { DataSource } from 'typeorm';
import { type TimelineRow, viewerSql } from '../timeline/timeline.repository';
import type { TimelineViewer } from '../timeline/timeline-visibility';

// Reads timeline_entry (the timeline feature's table) for the meeting view; positions as text.

/** The columns of a TimelineRow, as the timeline's own queries read them. */
const TIMELINE_ROW_COLUMNS = `position::text AS position, event_id, event_type, kind,
  to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at,
  data_class, source_org_id, source_org_role, summary, data, client_voice_visibility,
  client_voice_org_ids::text[] AS client_voice_org_ids,
  ${keysetTimestampSql('occurred_at')} AS sort_key`;

/** The entries of one meeting (scheduled, held, cancelled), oldest first; no visibility applied. */
export async function meetingRows(
  dataSource: DataSource,
  query: {
    readonly pathId: string;
    readonly meetingId: string;
    readonly eventTypes: readonly string[];
  },
): Promise<TimelineRow[]> {
  return dataSource.query(
    `SELECT ${TIMELINE_ROW_COLUMNS} FROM timeline_entry
      WHERE path_id = $1 AND event_type = ANY($2::text[]) AND data->>'meetingId' = $3
      ORDER BY timeline_entry.position`,
    [query.pathId, query.eventTypes, query.meetingId],
  );
}

/** The entries of the given types every viewer may see, oldest first. */
export async function rowsVisibleToAll(
  dataSource: DataSource,
  query: {
    readonly pathId: string;
    readonly viewers: readonly TimelineViewer[];
    readonly eventTypes?: readonly string[];
    /** Newest first and at most this many, when given. */
    readonly newest?: number;
  },
): Promise<TimelineRow[]> {
  const parameters: unknown[] = [query.pathId];
  const conditions = ['path_id = $1'];
  if (query.eventTypes !== undefined) {
    parameters.push(query.eventTypes);
    conditions.push(`event_type = ANY($${parameters.length}::text[])`);
  }
  for (const viewer of query.viewers) {
    conditions.push(viewerSql(viewer, parameters));
  }
  // The table's column, not the text alias of the same name ('10' sorts before '9').
  const order =
    query.newest === undefined
      ? 'ORDER BY timeline_entry.position'
      : 'ORDER BY timeline_entry.position DESC';
  if (query.newest !== undefined) {
    parameters.push(query.newest);
  }
  return dataSource.query(
    `SELECT ${TIMELINE_ROW_COLUMNS} FROM timeline_entry WHERE ${conditions.join(' AND ')} ${order}
     ${query.newest === undefined ? '' : `LIMIT $${parameters.length}`}`,
    parameters,
  );
}

/** The highest position on the path's timeline, '0' when it has none. */
export async function newestPosition(dataSource: DataSource, pathId: string): Promise<string> {
  const [row] = (await dataSource.query(
    `SELECT COALESCE(MAX(position), 0)::text AS position FROM timeline_entry WHERE path_id = $1`,
    [pathId],
  )) as { position: string }[];
  return row?.position ?? '0';
}
