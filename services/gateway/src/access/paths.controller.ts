import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { readPathAccessFacts } from '@polku/path-access';
import { DataSource } from 'typeorm';
import { AUDIT_TRAIL_SORT, auditPageOfPath, disclosuresOfPath } from '../audit/path-audit-trail';
import { ClientDataRead } from '../http/endpoint-kinds';
import {
  invalidCursorProblem,
  PageQuery,
  type PageRequest,
} from '../http/pagination/page-query.decorator';
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
    answer: 'one',
  })
  async parties(@Param('pathId', new ParseUUIDPipe()) pathId: string) {
    return pathPartiesView(pathId, await readPathAccessFacts(this.dataSource, pathId), Date.now());
  }

  @Get(':pathId/audit-trail')
  @ClientDataRead({
    summary: 'Who processed the data of a path, to whom it was disclosed, on what basis',
    description:
      'For the accountable (owner) organisation, to answer the client (Client Data Act 703/2023 §11). One page of the records of reads and writes of the path, newest first (`items`, `nextCursor`): each names the data classes the answer contained (IDENTITY among them) with the basis of each, and the gateway’s request id. `disclosures` folds the reads by organisations other than the owner, over the whole trail, on every page. Reading it is itself audited.',
    dataClasses: ['PATH'],
    purpose: 'ACCESS_LOG_REVIEW',
    relations: ['OWNER'],
    answer: 'page',
  })
  async auditTrail(
    @Param('pathId', new ParseUUIDPipe()) pathId: string,
    @PageQuery({ sort: AUDIT_TRAIL_SORT }) page: PageRequest,
  ) {
    const records = await auditPageOfPath(this.dataSource, {
      pathId,
      limit: page.limit,
      ...(page.after === undefined ? {} : { after: page.after }),
    }).catch((error: unknown) => {
      throw invalidCursorProblem(error);
    });
    return { pathId, ...records, disclosures: await disclosuresOfPath(this.dataSource, pathId) };
  }
}
