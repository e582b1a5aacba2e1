import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AgreePlanCommand,
  PLAN_COMMANDS,
  RecordGoalProgressCommand,
  RevisePlanCommand,
} from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { IfMatchVersion } from '../http/concurrency/if-match-version.decorator';
import { ClientDataCommand, ClientDataRead } from '../http/endpoint-kinds';
import { PageQuery, type PageRequest } from '../http/pagination/page-query.decorator';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';
import { planPartyRegistryRoles } from './plan-party-roles';

/**
 * The path's one activation plan: agreed by its parties with the client, revised as whole new
 * versions (who changed what and why), with goals in the client's own words. PLAN data: the
 * employment authority and social services see it as plan parties by law, any other party on
 * the client's consent.
 */
@ApiTags('activation plans')
@Controller('paths/:pathId/activation-plan')
export class ActivationPlanController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Post()
  @ClientDataCommand({
    summary: 'Agree the path’s activation plan (version 1)',
    description:
      'By a party of the path whose organisation is among the plan’s parties: the parties (each in its role in the organisation registry), whether the client agreed, the client’s other plans by reference, the review date (default six months on) and the goals in the client’s own words. A path has one plan; 409 when it exists (revise it instead).',
    dataClasses: ['PATH'],
    body: AgreePlanCommand,
    status: 201,
    idempotent: true,
    versioned: true,
  })
  async agree(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Body() command: AgreePlanCommand,
    @Req() request: FastifyRequest,
  ) {
    const registry = await planPartyRegistryRoles(this.bus, command, request);
    return this.bus.send(
      PLAN_COMMANDS.agreePlan,
      { pathId, body: command, ...registry },
      commandMetadataOf(request),
    );
  }

  @Put()
  @ClientDataCommand({
    summary: 'Revise the plan: the next version, whole',
    description:
      'Needs If-Match with the plan’s ETag (412 when a colleague revised it first). The reason as a category, optionally a one-sentence note; the service works out what changed and answers 422 when nothing did. A goal keeps its progress when sent with its goalId.',
    dataClasses: ['PLAN'],
    body: RevisePlanCommand,
    status: 200,
    idempotent: false,
    ifMatch: true,
  })
  async revise(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() command: RevisePlanCommand,
    @Req() request: FastifyRequest,
  ) {
    const registry = await planPartyRegistryRoles(this.bus, command, request);
    return this.bus.send(
      PLAN_COMMANDS.revisePlan,
      { pathId, expectedVersion, body: command, ...registry },
      commandMetadataOf(request),
    );
  }

  @Get()
  @ClientDataRead({
    summary: 'The current plan, its goals with their latest progress, and the linked plans',
    dataClasses: ['PLAN'],
    versioned: true,
    answer: 'one',
  })
  get(@Param('pathId', ParseUUIDPipe) pathId: string, @Req() request: FastifyRequest) {
    return this.bus.send(PLAN_COMMANDS.getPlan, { pathId }, commandMetadataOf(request));
  }

  @Get('history')
  @ClientDataRead({
    summary: 'Every version of the plan, newest first: who changed what, why, and a readable diff',
    dataClasses: ['PLAN'],
    answer: 'page',
  })
  history(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @PageQuery() page: PageRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      PLAN_COMMANDS.getPlanHistory,
      { pathId, limit: page.limit, cursor: page.cursor },
      commandMetadataOf(request),
    );
  }

  @Post('goals/:goalId/progress')
  @ClientDataCommand({
    summary: 'Record progress on a goal',
    description: 'A GAS level −2…+2 for a goal with a GAS scale; who assessed it.',
    dataClasses: ['PLAN'],
    body: RecordGoalProgressCommand,
    status: 201,
    idempotent: true,
  })
  recordProgress(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('goalId', ParseUUIDPipe) goalId: string,
    @Body() command: RecordGoalProgressCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      PLAN_COMMANDS.recordGoalProgress,
      { pathId, id: goalId, body: command },
      commandMetadataOf(request),
    );
  }
}
