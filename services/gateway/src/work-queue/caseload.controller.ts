import { Controller, Get, Param, ParseUUIDPipe, Query, Req } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  CASELOAD_SCOPES,
  type CaseloadPathView,
  ListCaseloadQuery,
  MEASURE_TYPES,
  NEXT_STEP_KINDS,
  type Page,
  PATH_STATES,
  WORK_QUEUE_COMMANDS,
} from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { ClientDataList, ClientDataRead } from '../http/endpoint-kinds';
import { PageQuery, type PageRequest } from '../http/pagination/page-query.decorator';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';
import { BooleanFilter, UuidFilter, WorkerFilter } from './filter-docs';
import { listFiltersOf } from './list-filters';

/**
 * The caseload (docs/work-queue.md): the paths an organisation or one of its workers is
 * responsible for, where each stands, and how many plans and organisations the client has.
 * The service scopes every path to the caller's own organisation.
 */
@ApiTags('caseload')
@Controller('caseload')
export class CaseloadController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Get()
  @ClientDataList({
    summary: 'The paths the caller or their organisation is responsible for, filtered and paged',
    description:
      'MINE (the default): paths the caller is the named worker of. ORGANISATION: every path the caller’s organisation is accountable for; `workerId` narrows it to one worker. Each path with its state, next step and due date, the measure and its provider, plans per client and organisations per client. Pseudonymous ids, kinds, dates and counts only; each read is audited with the number of paths.',
    dataClasses: ['PATH'],
    organisationBasis: 'owner',
  })
  @ApiQuery({
    name: 'scope',
    required: false,
    enum: CASELOAD_SCOPES,
    description: 'Whose caseload; MINE when not given.',
  })
  @ApiQuery({
    name: 'state',
    required: false,
    isArray: true,
    enum: PATH_STATES,
    description: 'Only paths in these states (open states when absent); repeat for several.',
  })
  @ApiQuery({
    name: 'nextStep',
    required: false,
    isArray: true,
    enum: NEXT_STEP_KINDS,
    description: 'Only paths whose next step is one of these; repeat for several.',
  })
  @BooleanFilter('overdue', 'Only paths whose next step is overdue (true), or not (false).')
  @ApiQuery({
    name: 'measureType',
    required: false,
    enum: MEASURE_TYPES,
    description: 'Only paths with a measure of this type running or paused.',
  })
  @UuidFilter('providerOrgId', 'Only paths whose measure this organisation runs.')
  @WorkerFilter('ORGANISATION scope only: only the paths of this worker.')
  list(
    @PageQuery() page: PageRequest,
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
  ): Promise<Page<CaseloadPathView>> {
    const filters = listFiltersOf(ListCaseloadQuery, query, {
      single: ['scope', 'measureType', 'providerOrgId', 'workerId'],
      repeatable: ['state', 'nextStep'],
      booleans: ['overdue'],
    });
    return this.bus.send(
      WORK_QUEUE_COMMANDS.listCaseload,
      { ...filters, limit: page.limit, cursor: page.cursor },
      commandMetadataOf(request),
    );
  }

  @Get(':pathId')
  @ClientDataRead({
    summary: 'One path of the caller’s organisation’s caseload',
    description:
      'As in the list: state, next step, measure, plans per client and organisations per client. 404 when the caller’s organisation is not accountable for the path, as for a path that does not exist.',
    dataClasses: ['PATH'],
    answer: 'one',
  })
  get(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Req() request: FastifyRequest,
  ): Promise<CaseloadPathView> {
    return this.bus.send(
      WORK_QUEUE_COMMANDS.getCaseloadPath,
      { pathId },
      commandMetadataOf(request),
    );
  }
}
