import type { DataSource } from 'typeorm';

/** One row of audit_record as the audit-trail view reads it. */
export interface PathAuditRow {
  recorded_at: Date;
  user_id: string;
  org_id: string;
  org_role: string;
  user_roles: string[];
  action: string;
  outcome: string;
  route: string;
  data_classes: string[];
  purpose: string;
  relations: string[];
  basis: string | null;
  request_id: string;
}

/** How many records the audit-trail view returns at most, newest first. */
export const PATH_AUDIT_TRAIL_LIMIT = 1000;

/** The processing records of one path, newest first; refused attempts are not processing. */
export function auditRowsOfPath(dataSource: DataSource, pathId: string): Promise<PathAuditRow[]> {
  return dataSource.query<PathAuditRow[]>(
    `SELECT recorded_at, user_id, org_id, org_role, user_roles, action, outcome, route,
            data_classes, purpose, relations, basis, request_id
       FROM audit_record WHERE path_id = $1 AND outcome <> 'REFUSED'
      ORDER BY recorded_at DESC, id DESC LIMIT ${PATH_AUDIT_TRAIL_LIMIT}`,
    [pathId],
  );
}

interface Disclosure {
  orgId: string;
  orgRole: string;
  bases: Set<string>;
  dataClasses: Set<string>;
  reads: number;
  firstAt: string;
  lastAt: string;
}

/**
 * The audit trail of a path as its owner answers the client (Client Data Act 703/2023 §11):
 * every record, and the disclosures — reads by organisations other than the owner — folded per
 * organisation with the bases and data classes they were given.
 */
export function pathAuditTrailView(pathId: string, rows: readonly PathAuditRow[]) {
  const records = rows.map((row) => ({
    recordedAt: row.recorded_at.toISOString(),
    userId: row.user_id,
    orgId: row.org_id,
    orgRole: row.org_role,
    roles: row.user_roles,
    action: row.action,
    outcome: row.outcome,
    route: row.route,
    dataClasses: row.data_classes,
    purpose: row.purpose,
    basis: row.basis,
    requestId: row.request_id,
  }));
  const disclosed = new Map<string, Disclosure>();
  for (const row of rows) {
    if (row.action !== 'READ' || row.outcome !== 'DONE' || row.relations.includes('OWNER')) {
      continue;
    }
    const at = row.recorded_at.toISOString();
    const entry = disclosed.get(row.org_id) ?? {
      orgId: row.org_id,
      orgRole: row.org_role,
      bases: new Set<string>(),
      dataClasses: new Set<string>(),
      reads: 0,
      firstAt: at,
      lastAt: at,
    };
    entry.reads += 1;
    entry.firstAt = at < entry.firstAt ? at : entry.firstAt;
    entry.lastAt = at > entry.lastAt ? at : entry.lastAt;
    row.data_classes.forEach((dataClass) => entry.dataClasses.add(dataClass));
    if (row.basis !== null) {
      entry.bases.add(row.basis);
    }
    disclosed.set(row.org_id, entry);
  }
  return {
    pathId,
    records,
    disclosures: [...disclosed.values()].map((entry) => ({
      ...entry,
      bases: [...entry.bases].sort(),
      dataClasses: [...entry.dataClasses].sort(),
    })),
  };
}
