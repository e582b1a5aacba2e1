import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { readPathAccessFacts } from '@polku/path-access';
import { DataSource } from 'typeorm';
import { auditRowsOfPath, pathAuditTrailView } from '../audit/path-audit-trail';
import { ClientDataRead } from '../http/endpoint-kinds';
import { pathPartiesView } from './path-parties.view';

/** Path-level views the gateway answers itself, from its access projection and audit trail. */
@ApiTags('paths')
@Controller('paths')
export class PathsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':pathId/parties')
  @ClientDataRead({
    summary: 'Who takes part in a path now, and on what basis',
    description:
      'The organisations that are parties to the path now, their relations and the consent or legal basis that covers each data class for them. 404 for a caller that is not a party.',
    dataClasses: ['PATH'],
  })
  async parties(@Param('pathId', new ParseUUIDPipe()) pathId: string) {
    return pathPartiesView(pathId, await readPathAccessFacts(this.dataSource, pathId), Date.now());
  }

  @Get(':pathId/audit-trail')
  @ClientDataRead({
    summary: 'Who processed the data of a path, to whom it was disclosed, on what basis',
    description:
      'For the accountable (owner) organisation, to answer the client (Client Data Act 703/2023 §11). Every record of reads and writes of the path, newest first, and the disclosures: reads by organisations other than the owner. Reading it is itself audited.',
    dataClasses: ['PATH'],
    purpose: 'ACCESS_LOG_REVIEW',
    relations: ['OWNER'],
  })
  async auditTrail(@Param('pathId', new ParseUUIDPipe()) pathId: string) {
    return pathAuditTrailView(pathId, await auditRowsOfPath(this.dataSource, pathId));
  }
}
