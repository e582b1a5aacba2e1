import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import {
  EndMeasureCommand,
  type PageQueryPayload,
  pageFromRows,
  PLAN_COMMANDS,
  StartMeasureCommand,
} from '@polku/contracts';
import {
  type PathItemRequest,
  type PathRequest,
  RequestPrincipal,
  requireExpectedVersion,
  requireItemId,
  requirePage,
  requirePathId,
  validateCommand,
  type VersionedPathRequest,
} from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { MeasureEndService } from './measure-end.service';
import { MeasureStartService } from './measure-start.service';
import { measureListView } from './measure-views';
import {
  attendanceCountsOf,
  MEASURES_SORT,
  measurePageOfPath,
  pausesOf,
} from './measure.repository';
import { checkPathAccess, decidePathAccess } from '@polku/path-access';

/**
 * Measures of the path's plan: started with a schedule the law allows, ended, and listed. Their
 * start and end are PATH data (the path skeleton every party sees); pauses and attendance are
 * shown in the list only to callers covered for HEALTH_FLAG and ATTENDANCE.
 */
@Controller()
export class MeasuresHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly starting: MeasureStartService,
    private readonly ending: MeasureEndService,
  ) {}

  @MessagePattern(PLAN_COMMANDS.startMeasure)
  async start(@Payload() request: PathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const command = validateCommand(StartMeasureCommand, request.body);
    return this.starting.start(principal, { pathId, command });
  }

  @MessagePattern(PLAN_COMMANDS.endMeasure)
  async end(
    @Payload() request: PathItemRequest & VersionedPathRequest,
    @RequestPrincipal() principal: Principal,
  ) {
    const pathId = requirePathId(request);
    const measureId = requireItemId(request, 'measure');
    const expectedVersion = requireExpectedVersion(request);
    const command = validateCommand(EndMeasureCommand, request.body);
    return this.ending.end(principal, { pathId, measureId, expectedVersion, command });
  }

  @MessagePattern(PLAN_COMMANDS.listMeasures)
  async list(
    @Payload() request: PathRequest & PageQueryPayload,
    @RequestPrincipal() principal: Principal,
  ) {
    const pathId = requirePathId(request);
    const page = requirePage(request, { sort: MEASURES_SORT });
    const grant = await checkPathAccess(this.dataSource, { principal, pathId, dataClass: 'PATH' });
    const { items: measures, nextCursor } = pageFromRows({
      rows: await measurePageOfPath(this.dataSource, { pathId, ...page }),
      limit: page.limit,
      positionOf: (row) => ({ key: row.sort_key, id: row.id }),
      sort: MEASURES_SORT,
    });
    const ids = measures.map((measure) => measure.id);
    // A pause's reason and its from–to can reveal health (HEALTH_FLAG); attendance is its own
    // class. Each is shown only to a caller covered for it, and the answer says what was held
    // back. The status PAUSED stays visible: every party needs to know the measure is not
    // running, and it says nothing about why.
    const seesPauses = decidePathAccess(principal, grant.facts, 'HEALTH_FLAG').allowed;
    const seesAttendance = decidePathAccess(principal, grant.facts, 'ATTENDANCE').allowed;
    const view = measureListView({
      measures,
      pauses: seesPauses ? await pausesOf(this.dataSource, ids) : undefined,
      counts: seesAttendance ? await attendanceCountsOf(this.dataSource, ids) : undefined,
    });
    return { items: view.items, nextCursor, withheld: view.withheld };
  }
}
