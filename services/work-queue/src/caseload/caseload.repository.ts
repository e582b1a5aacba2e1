import type { Principal } from '@polku/auth';
import type { CaseloadScope, ListCaseloadQuery } from '@polku/contracts';
import type { ServicePage } from '@polku/service-runtime';
import type { EntityManager } from 'typeorm';
import { SqlParams } from '../queue/sql-params';
import { OPEN_PATH_STATES } from './caseload-rules';

/** A path's card as the caseload reads it. */
export interface CaseloadRow {
  readonly path_id: string;
  readonly state: string;
  readonly accountable_org_id: string | null;
  readonly worker_id: string | null;
  readonly next_step: string | null;
  readonly due_date: string | null;
  readonly level: string | null;
  readonly measure_type: string | null;
  readonly provider_org_id: string | null;
  readonly plans_count: number;
  readonly organisations_count: number;
  readonly updated_at: Date;
  readonly sort_key: string;
}

const COLUMNS = `c.path_id, c.state, c.accountable_org_id, c.worker_id, c.next_step,
  to_char(c.due_date, 'YYYY-MM-DD') AS due_date, c.level, c.measure_type, c.provider_org_id,
  c.plans_count, c.organisations_count, c.updated_at,
  COALESCE(c.due_date, 'infinity'::date)::text AS sort_key`;

/**
 * One page of a caseload: the paths the caller's organisation is accountable for (MINE: named
 * to the caller), filtered, in due-date order (overdue first, no date last), then path id.
 */
export async function caseloadPage(
  em: EntityManager,
  query: {
    principal: Principal;
    scope: CaseloadScope;
    filters: ListCaseloadQuery;
    today: string;
    page: ServicePage;
  },
): Promise<CaseloadRow[]> {
  const { principal, scope, filters, page } = query;
  const params = new SqlParams();
  const conditions = [
    `c.accountable_org_id = ${params.add(principal.orgId)}`,
    `c.state = ANY(${params.add(filters.state ?? OPEN_PATH_STATES)}::text[])`,
  ];
  const worker = scope === 'MINE' ? principal.userId : filters.workerId;
  if (worker !== undefined) {
    conditions.push(`c.worker_id = ${params.add(worker)}`);
  }
  if (filters.nextStep !== undefined) {
    conditions.push(`c.next_step = ANY(${params.add(filters.nextStep)}::text[])`);
  }
  if (filters.overdue !== undefined) {
    const overdue = `COALESCE(c.due_date < ${params.add(query.today)}::date, false)`;
    conditions.push(filters.overdue ? overdue : `NOT ${overdue}`);
  }
  if (filters.measureType !== undefined) {
    conditions.push(`c.measure_type = ${params.add(filters.measureType)}`);
  }
  if (filters.providerOrgId !== undefined) {
    conditions.push(`c.provider_org_id = ${params.add(filters.providerOrgId)}`);
  }
  if (page.after !== undefined) {
    conditions.push(
      `(COALESCE(c.due_date, 'infinity'::date), c.path_id) >
         (${params.add(String(page.after.key))}::date, ${params.add(page.after.id)}::uuid)`,
    );
  }
  return em.query<CaseloadRow[]>(
    `SELECT ${COLUMNS} FROM path_card c WHERE ${conditions.join(' AND ')}
      ORDER BY COALESCE(c.due_date, 'infinity'::date), c.path_id
      LIMIT ${params.add(page.limit + 1)}`,
    params.values,
  );
}

/** One path's card, when the caller's organisation is accountable for it. */
export async function caseloadPath(
  em: EntityManager,
  principal: Principal,
  pathId: string,
): Promise<CaseloadRow | undefined> {
  const [row] = await em.query<CaseloadRow[]>(
    `SELECT ${COLUMNS} FROM path_card c
      WHERE c.path_id = $1 AND c.accountable_org_id = $2 AND c.state IS NOT NULL`,
    [pathId, principal.orgId],
  );
  return row;
}
