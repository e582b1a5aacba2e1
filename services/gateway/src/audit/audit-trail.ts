import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import type { PartyRelation } from '@polku/path-access';
import { DataSource } from 'typeorm';
import type { AuditDataClass } from './disclosed-data-classes';

/** One data class an answer contained, and the basis on which the caller got it. */
export interface ClassDisclosure {
  readonly dataClass: AuditDataClass;
  /**
   * `owner` (the accountable organisation), `consent:<consentRef>` (the client's consent),
   * `law:<legal basis>` (a legal basis, also the one a statutory role gives), or null when the
   * service decided alone (a command that finds its own path).
   */
  readonly basis: string | null;
}

/** One audit row: who, for which organisation, did what to which path, why and on what basis. */
export interface AuditEntry {
  readonly principal: Principal;
  readonly action: 'READ' | 'WRITE';
  /** DONE: the data was processed; FAILED: the request failed after access was granted. */
  readonly outcome: 'DONE' | 'FAILED' | 'REFUSED';
  readonly refusalReason?: string;
  readonly httpStatus: number;
  /** Method and route template, e.g. `GET /api/v1/paths/:pathId/parties`; never the query. */
  readonly route: string;
  readonly pathId: string | null;
  /** The data classes the answer actually contained (IDENTITY included), not the route's. */
  readonly dataClasses: readonly AuditDataClass[];
  /** Each of dataClasses with its basis. */
  readonly disclosures: readonly ClassDisclosure[];
  /** Rows a list answer held; null for an answer that is not a list. No client identity. */
  readonly rowCount: number | null;
  readonly purpose: string;
  readonly relations: readonly PartyRelation[];
  /** `consent:<id>` or `law:<code>` (see describeBasis). */
  readonly basis: string | null;
  /** The gateway's own id of the request, the one it sent to services (never the caller's). */
  readonly requestId: string;
  /** The caller's own X-Request-Id, when it sent a well-formed one; for correlation only. */
  readonly correlationId: string | null;
  readonly traceId: string | null;
}

const COLUMNS = [
  'user_id',
  'org_id',
  'org_role',
  'user_roles',
  'issuer',
  'action',
  'outcome',
  'refusal_reason',
  'http_status',
  'route',
  'path_id',
  'data_classes',
  'purpose',
  'relations',
  'basis',
  'request_id',
  'trace_id',
  'class_bases',
  'row_count',
  'correlation_id',
] as const;

/** One row's values, in the order of COLUMNS. */
function columnsOf(entry: AuditEntry): unknown[] {
  return [
    entry.principal.userId,
    entry.principal.orgId,
    entry.principal.orgRole,
    entry.principal.roles,
    entry.principal.issuer,
    entry.action,
    entry.outcome,
    entry.refusalReason ?? null,
    entry.httpStatus,
    entry.route,
    entry.pathId,
    entry.dataClasses,
    entry.purpose,
    entry.relations,
    entry.basis,
    entry.requestId,
    entry.traceId,
    JSON.stringify(entry.disclosures),
    entry.rowCount,
    entry.correlationId,
  ];
}

/** Appends to audit_record; the table refuses every change after that. */
@Injectable()
export class AuditTrail {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.appendMany([entry]);
  }

  /** Appends several rows in one statement (a live stream's pushes, batched for throughput). */
  async appendMany(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) {
      return;
    }
    const values: unknown[] = [];
    const rows = entries.map((entry) => {
      const first = values.length;
      values.push(...columnsOf(entry));
      return `(${COLUMNS.map((_, index) => `$${first + index + 1}`).join(', ')})`;
    });
    await this.dataSource.query(
      `INSERT INTO audit_record (${COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`,
      values,
    );
  }
}
