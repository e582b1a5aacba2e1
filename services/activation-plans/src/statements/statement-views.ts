import type { StatementRow } from './statement.repository';

/** A statement as the API shows it; `overdue` when it is not issued and its due date has passed. */
export function statementView(row: StatementRow, today: string) {
  return {
    statementId: row.id,
    kind: row.kind,
    measureId: row.measure_id,
    planId: row.plan_id,
    requestedByOrgId: row.requested_by_org_id,
    dueDate: row.due_date,
    requestedAt: row.requested_at.toISOString(),
    issuedAt: row.issued_at?.toISOString() ?? null,
    issuedByOrgId: row.issued_by_org_id,
    overdue: row.issued_at === null && row.due_date < today,
    version: row.version,
  };
}
