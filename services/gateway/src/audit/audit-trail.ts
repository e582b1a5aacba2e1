import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import type { DataClass } from '@polku/contracts';
import type { PartyRelation } from '@polku/path-access';
import { DataSource } from 'typeorm';

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
  readonly dataClasses: readonly DataClass[];
  readonly purpose: string;
  readonly relations: readonly PartyRelation[];
  /** `consent:<id>` or `law:<code>` (see describeBasis). */
  readonly basis: string | null;
  readonly requestId: string;
  readonly traceId: string | null;
}

/** Appends to audit_record; the table refuses every change after that. */
@Injectable()
export class AuditTrail {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit_record (user_id, org_id, org_role, user_roles, issuer, action, outcome,
         refusal_reason, http_status, route, path_id, data_classes, purpose, relations, basis,
         request_id, trace_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
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
      ],
    );
  }
}
