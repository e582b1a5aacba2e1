import { type CursorPosition, encodeCursor, InvalidCursorError, type Page } from '@polku/contracts';
import type { DataSource } from 'typeorm';

/** The ordering of audit-trail cursors: a cursor of another list is refused. */
export const AUDIT_TRAIL_SORT = 'audit-newest-first';

/** One row of audit_record as the audit-trail view reads it. */
export interface PathAuditRow {
  id: string;
  recorded_at: Date;
  user_id: string;
  org_id: string;
  org_role: string;
  user_roles: string[];
  action: string;
  outcome: string;
  route: string;
  data_classes: string[];
  class_bases: { dataClass: string; basis: string | null }[];
  row_count: number | null;
  purpose: string;
  basis: string | null;
  request_id: string;
  correlation_id: string | null;
}

/** One organisation other than the owner that read the path, folded by the database. */
export interface DisclosureRow {
  org_id: string;
  org_role: string;
  reads: number;
  first_at: Date;
  last_at: Date;
  data_classes: string[];
  bases: string[];
}

// The row id is the position: newest first, and ids never repeat.
const BIGINT = /^[0-9]{1,19}$/;

function afterId(after: CursorPosition | undefined): string | null {
  if (after === undefined) {
    return null;
  }
  if (typeof after.key !== 'string' || !BIGINT.test(after.key) || after.id !== after.key) {
    throw new InvalidCursorError('not a position in the audit trail');
  }
  return after.key;
}

/**
 * One page of a path's processing records, newest first; refused attempts are not processing.
 * Reads limit + 1 rows to know whether there is a next page.
 */
export async function auditPageOfPath(
  dataSource: DataSource,
  options: { readonly pathId: string; readonly limit: number; readonly after?: CursorPosition },
): Promise<Page<ReturnType<typeof auditRecordView>>> {
  const rows = await dataSource.query<PathAuditRow[]>(
    `SELECT id::text AS id, recorded_at, user_id, org_id, org_role, user_roles, action, outcome,
            route, data_classes, class_bases, row_count, purpose, basis, request_id,
            correlation_id
       FROM audit_record
      WHERE path_id = $1 AND outcome <> 'REFUSED' AND ($2::bigint IS NULL OR id < $2::bigint)
      ORDER BY id DESC LIMIT $3`,
    [options.pathId, afterId(options.after), options.limit + 1],
  );
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    items: page.map(auditRecordView),
    nextCursor:
      rows.length > options.limit && last !== undefined
        ? encodeCursor({ key: last.id, id: last.id }, { sort: AUDIT_TRAIL_SORT })
        : null,
  };
}

/**
 * The disclosures of a path: reads by organisations other than the owner, one per organisation
 * with every data class and basis it was given. Folded in the database, so the answer stays as
 * small as the number of organisations however long the trail is.
 */
export function disclosuresOfPath(dataSource: DataSource, pathId: string) {
  return dataSource
    .query<DisclosureRow[]>(
      `WITH reads AS (
         SELECT org_id, org_role, recorded_at, data_classes, basis, class_bases
           FROM audit_record
          WHERE path_id = $1 AND action = 'READ' AND outcome = 'DONE'
            AND NOT ('OWNER' = ANY (relations)))
       SELECT r.org_id, min(r.org_role) AS org_role, count(*)::int AS reads,
              min(r.recorded_at) AS first_at, max(r.recorded_at) AS last_at,
              ARRAY(SELECT DISTINCT c FROM reads x, unnest(x.data_classes) c
                     WHERE x.org_id = r.org_id ORDER BY c) AS data_classes,
              ARRAY(SELECT DISTINCT b FROM (
                       SELECT x.basis AS b FROM reads x WHERE x.org_id = r.org_id
                       UNION
                       SELECT e ->> 'basis' FROM reads x, jsonb_array_elements(x.class_bases) e
                        WHERE x.org_id = r.org_id) bases
                     WHERE b IS NOT NULL ORDER BY b) AS bases
         FROM reads r GROUP BY r.org_id ORDER BY min(r.recorded_at), r.org_id`,
      [pathId],
    )
    .then((rows) => rows.map(disclosureView));
}

/** A record as the client is told of it: who, when, what was disclosed and on what basis. */
export function auditRecordView(row: PathAuditRow) {
  return {
    recordedAt: row.recorded_at.toISOString(),
    userId: row.user_id,
    orgId: row.org_id,
    orgRole: row.org_role,
    roles: row.user_roles,
    action: row.action,
    outcome: row.outcome,
    route: row.route,
    dataClasses: row.data_classes,
    disclosed: row.class_bases,
    rowCount: row.row_count,
    purpose: row.purpose,
    basis: row.basis,
    requestId: row.request_id,
    correlationId: row.correlation_id,
  };
}

/** A disclosure as the client is told of it. */
export function disclosureView(row: DisclosureRow) {
  return {
    orgId: row.org_id,
    orgRole: row.org_role,
    bases: row.bases,
    dataClasses: row.data_classes,
    reads: row.reads,
    firstAt: row.first_at.toISOString(),
    lastAt: row.last_at.toISOString(),
  };
}
