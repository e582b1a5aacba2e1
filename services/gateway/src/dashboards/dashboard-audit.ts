import { trace } from '@opentelemetry/api';
import type { Principal } from '@polku/auth';
import type { DashboardPage, DashboardTable } from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import type { AuditEntry } from '../audit/audit-trail';
import { correlationIdOf } from '../audit/request-ids';

/**
 * The purpose of a dashboard read in the audit trail: figures for running the services, not
 * work with a client (docs/auth.md, "The audit trail").
 */
export const DASHBOARD_PURPOSE = 'MANAGEMENT_STATISTICS';

/** Why a caller without the MANAGER role was refused, as the audit row records it. */
export const NOT_A_MANAGER = 'NOT_A_MANAGER';

function isPage(answer: DashboardTable | DashboardPage): answer is DashboardPage {
  return Array.isArray((answer as DashboardPage).views);
}

/** The tables of an answer: one view, or every view of a page. */
function tablesOf(answer: DashboardTable | DashboardPage): readonly DashboardTable[] {
  return isPage(answer) ? answer.views : [answer];
}

/**
 * One audit row of a dashboard read: an aggregate read, so no path id, no data class and no
 * disclosure of any client, whatever the outcome. A read that answered records how many table
 * rows (categories, not clients) it held and its basis, `aggregate:ORGANISATION` (the caller's
 * own organisation's figures) or `aggregate:REGION` (every organisation's together).
 */
export function dashboardAuditEntry(options: {
  readonly principal: Principal;
  readonly request: FastifyRequest;
  readonly outcome: AuditEntry['outcome'];
  readonly httpStatus: number;
  readonly answer?: DashboardTable | DashboardPage;
}): AuditEntry {
  const { principal, request, answer } = options;
  const tables = answer === undefined ? [] : tablesOf(answer);
  const scopes = [...new Set(tables.map((table) => table.scope))].sort();
  return {
    principal,
    action: 'READ',
    outcome: options.outcome,
    ...(options.outcome === 'REFUSED' ? { refusalReason: NOT_A_MANAGER } : {}),
    httpStatus: options.httpStatus,
    route: `${request.method} ${request.routeOptions?.url ?? ''}`,
    pathId: null,
    dataClasses: [],
    disclosures: [],
    rowCount:
      answer === undefined ? null : tables.reduce((rows, table) => rows + table.rows.length, 0),
    purpose: DASHBOARD_PURPOSE,
    relations: [],
    basis: scopes.length === 0 ? null : scopes.map((scope) => `aggregate:${scope}`).join(','),
    requestId: String(request.id),
    correlationId: correlationIdOf(request),
    traceId: trace.getActiveSpan()?.spanContext().traceId ?? null,
  };
}
