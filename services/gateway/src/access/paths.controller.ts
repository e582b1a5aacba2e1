import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { readPathAccessFacts } from '@polku/path-access';
import { DataSource } from 'typeorm';
import { ClientData } from './client-data.decorator';

interface AuditRow {
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

/** Path-level views the gateway answers itself, from its access projection and audit trail. */
@ApiTags('paths')
@ApiBearerAuth('bearer')
@Controller('paths')
export class PathsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':pathId/parties')
  @ApiOperation({
    summary: 'Who takes part in a path now, and on what basis',
    description:
      'The organisations that are parties to the path now, their relations and the consent or legal basis that covers each data class for them. 404 for a caller that is not a party.',
  })
  @ClientData({
    action: 'READ',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  async parties(@Param('pathId', new ParseUUIDPipe()) pathId: string) {
    const facts = await readPathAccessFacts(this.dataSource, pathId);
    const now = Date.now();
    const current = <T extends { until?: Date | null; validTo?: Date | null }>(item: T) =>
      (item.until ?? item.validTo ?? null) === null ||
      (item.until ?? item.validTo ?? new Date(0)).getTime() > now;
    return {
      pathId,
      parties: (facts?.parties ?? []).filter(current).map((party) => ({
        orgId: party.orgId,
        relation: party.relation,
        since: party.since.toISOString(),
      })),
      coverage: (facts?.coverages ?? [])
        .filter((coverage) => current(coverage) && coverage.withdrawnAt === null)
        .map((coverage) => ({
          orgId: coverage.orgId,
          dataClasses: coverage.dataClasses,
          basis: coverage.basis,
          validFrom: coverage.validFrom.toISOString(),
          validTo: coverage.validTo?.toISOString() ?? null,
        })),
    };
  }

  @Get(':pathId/audit-trail')
  @ApiOperation({
    summary: 'Who processed the data of a path, to whom it was disclosed, on what basis',
    description:
      'For the accountable (owner) organisation, to answer the client (Client Data Act 703/2023 §11). Every record of reads and writes of the path, newest first, and the disclosures: reads by organisations other than the owner. Reading it is itself audited.',
  })
  @ClientData({
    action: 'READ',
    dataClasses: ['PATH'],
    purpose: 'ACCESS_LOG_REVIEW',
    pathParam: 'pathId',
    relations: ['OWNER'],
  })
  async auditTrail(@Param('pathId', new ParseUUIDPipe()) pathId: string) {
    const rows = await this.dataSource.query<AuditRow[]>(
      `SELECT recorded_at, user_id, org_id, org_role, user_roles, action, outcome, route,
              data_classes, purpose, relations, basis, request_id
         FROM audit_record WHERE path_id = $1 AND outcome <> 'REFUSED'
        ORDER BY recorded_at DESC, id DESC LIMIT 1000`,
      [pathId],
    );
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
    const disclosed = new Map<
      string,
      {
        orgId: string;
        orgRole: string;
        bases: Set<string>;
        dataClasses: Set<string>;
        reads: number;
        firstAt: string;
        lastAt: string;
      }
    >();
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
}
