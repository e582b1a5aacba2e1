import type { StatementKind } from '@polku/contracts';
import type { DataSource, EntityManager } from 'typeorm';

type Runner = EntityManager | DataSource;

export interface StatementRow {
  id: string;
  path_id: string;
  plan_id: string | null;
  measure_id: string | null;
  kind: StatementKind;
  requested_by_org_id: string;
  due_date: string;
  requested_at: Date;
  issued_at: Date | null;
  issued_by_org_id: string | null;
  /** Raised by each change; the ETag a caller sends back in If-Match. */
  version: number;
}

const STATEMENT_COLUMNS = `id, path_id, plan_id, measure_id, kind, requested_by_org_id,
  to_char(due_date, 'YYYY-MM-DD') AS due_date, requested_at, issued_at, issued_by_org_id,
  version`;

export async function insertStatement(
  em: EntityManager,
  statement: {
    id: string;
    pathId: string;
    planId: string | null;
    measureId: string | null;
    kind: StatementKind;
    requestedByOrgId: string;
    dueDate: string;
  },
): Promise<StatementRow> {
  const [row] = await em.query<StatementRow[]>(
    `INSERT INTO statement (id, path_id, plan_id, measure_id, kind, requested_by_org_id, due_date)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${STATEMENT_COLUMNS}`,
    [
      statement.id,
      statement.pathId,
      statement.planId,
      statement.measureId,
      statement.kind,
      statement.requestedByOrgId,
      statement.dueDate,
    ],
  );
  return row;
}

export async function statementOfPathForUpdate(
  em: EntityManager,
  { pathId, statementId }: { pathId: string; statementId: string },
): Promise<StatementRow | undefined> {
  const [row] = await em.query<StatementRow[]>(
    `SELECT ${STATEMENT_COLUMNS} FROM statement WHERE id = $1 AND path_id = $2 FOR UPDATE`,
    [statementId, pathId],
  );
  return row;
}

export async function markStatementIssued(
  em: EntityManager,
  issue: { statementId: string; issuedAt: Date; orgId: string },
): Promise<StatementRow> {
  const [[row]] = await em.query<[StatementRow[], number]>(
    `UPDATE statement SET issued_at = $2, issued_by_org_id = $3, version = version + 1
      WHERE id = $1 RETURNING ${STATEMENT_COLUMNS}`,
    [issue.statementId, issue.issuedAt, issue.orgId],
  );
  return row;
}

export async function statementsOfPath(runner: Runner, pathId: string): Promise<StatementRow[]> {
  return runner.query<StatementRow[]>(
    `SELECT ${STATEMENT_COLUMNS} FROM statement WHERE path_id = $1
      ORDER BY due_date, requested_at, id`,
    [pathId],
  );
}
