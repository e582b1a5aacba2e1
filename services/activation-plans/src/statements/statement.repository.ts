import type { CursorPosition, StatementKind } from '@polku/contracts';
import { keysetAfter, keysetTimestampSql } from '@polku/persistence';
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
    `INSERT INTO statement (id, path_id, plan_id, measure_id, kind, requested_by_org_id, due_date,
       requested_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${STATEMENT_COLUMNS}`,
    [
      statement.id,
      statement.pathId,
      statement.planId,
      statement.measureId,
      statement.kind,
      statement.requestedByOrgId,
      statement.dueDate,
      new Date(),
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

/** The ordering of a path's statements, soonest due first; a cursor of another list is refused. */
export const STATEMENTS_SORT = 'statements-soonest-due';

/**
 * One page of the path's statements, soonest due first by (due_date, requested_at, id): limit
 * + 1 rows; a row's cursor key is its due date and request time (keysetKey).
 */
export async function statementPageOfPath(
  runner: Runner,
  query: { readonly pathId: string; readonly limit: number; readonly after?: CursorPosition },
): Promise<(StatementRow & { requested_key: string })[]> {
  const after = keysetAfter(query.after, { keys: ['date', 'timestamp'], id: 'uuid' });
  return runner.query<(StatementRow & { requested_key: string })[]>(
    `SELECT ${STATEMENT_COLUMNS}, ${keysetTimestampSql('requested_at')} AS requested_key
       FROM statement
      WHERE path_id = $1
        AND ($2::date IS NULL OR (due_date, requested_at, id) > ($2, $3::timestamptz, $4::uuid))
      ORDER BY due_date, requested_at, id LIMIT $5`,
    [
      query.pathId,
      after?.keyParts[0] ?? null,
      after?.keyParts[1] ?? null,
      after?.id ?? null,
      query.limit + 1,
    ],
  );
}
