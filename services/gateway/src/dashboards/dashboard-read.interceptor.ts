import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasRole } from '@polku/auth';
import type { DashboardPage, DashboardTable } from '@polku/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, type Observable } from 'rxjs';
import { AuditTrail } from '../audit/audit-trail';
import { UnauthenticatedException } from '../auth/authentication.guard';
import { principalOf } from '../auth/principal-of-request';
import { PROBLEM_TYPES } from '../problem/problem-details';
import { httpStatusOf } from '../problem/problem-details.filter';
import { ProblemException } from '../problem/problem.exception';
import { answerFormatOf, CSV_MEDIA_TYPE } from './answer-format';
import { dashboardAuditEntry } from './dashboard-audit';
import { dashboardCsv, dashboardCsvFileName } from './dashboard-csv';
import type { DashboardAnswerFormat } from './dashboard-query';

/** Metadata: the route may answer its table as CSV (`?format=csv` or `Accept: text/csv`). */
export const DASHBOARD_CSV = 'polku:dashboard-csv';

function forbidden(): ProblemException {
  return new ProblemException({
    type: PROBLEM_TYPES.forbidden,
    title: 'Your organisation or role may not do this',
    status: 403,
    detail: 'Dashboards are for managers.',
  });
}

/**
 * Around every dashboard route (docs/dashboards.md, "The API and CSV export"):
 *
 * 1. Only a MANAGER gets past, before the query is even read: anyone else is 403, whatever the
 *    query. The dashboards service refuses them too; checking here keeps a caseworker's
 *    request off the bus and makes the refusal the gateway's own, audited row.
 * 2. One audit row per request, written before the answer leaves (dashboard-audit.ts): an
 *    aggregate read without path ids, refused, failed or done.
 * 3. A view asked for as CSV leaves as the CSV of the very table the service answered, so the
 *    file shows exactly the cells, suppressed ones included, that the JSON answer would.
 */
@Injectable()
export class DashboardReadInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditTrail,
  ) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    const reply = execution.switchToHttp().getResponse<FastifyReply>();
    const principal = principalOf(request);
    if (principal === undefined) {
      throw new UnauthenticatedException('dashboard route reached without a principal');
    }
    const csvAllowed = this.reflector.get<boolean | undefined>(
      DASHBOARD_CSV,
      execution.getHandler(),
    );
    const entry = (
      outcome: 'DONE' | 'FAILED' | 'REFUSED',
      httpStatus: number,
      answer?: DashboardTable | DashboardPage,
    ) =>
      dashboardAuditEntry({
        principal,
        request,
        outcome,
        httpStatus,
        ...(answer === undefined ? {} : { answer }),
      });
    if (!hasRole(principal, 'MANAGER')) {
      return from(this.audit.append(entry('REFUSED', 403))).pipe(
        mergeMap(() => {
          throw forbidden();
        }),
      );
    }
    return next.handle().pipe(
      mergeMap(async (answer: DashboardTable | DashboardPage) => {
        const format = csvAllowed === true ? this.formatOf(request) : 'json';
        const body = format === 'csv' ? this.csv(answer as DashboardTable, reply) : answer;
        await this.audit.append(entry('DONE', 200, answer));
        return body;
      }),
      catchError(async (error: unknown) => {
        await this.audit.append(entry('FAILED', httpStatusOf(error)));
        throw error;
      }),
    );
  }

  /** The format asked for; the handler has already refused a `format` other than json or csv. */
  private formatOf(request: FastifyRequest): DashboardAnswerFormat {
    const format = (request.query as Record<string, unknown> | undefined)?.format;
    return answerFormatOf(
      format === 'csv' || format === 'json' ? format : undefined,
      request.headers.accept,
    );
  }

  private csv(table: DashboardTable, reply: FastifyReply): string {
    const body = dashboardCsv(table);
    void reply.header('content-type', `${CSV_MEDIA_TYPE}; charset=utf-8; header=present`);
    void reply.header(
      'content-disposition',
      `attachment; filename="${dashboardCsvFileName(table)}"`,
    );
    return body;
  }
}
