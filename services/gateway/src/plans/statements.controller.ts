import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PLAN_COMMANDS, RequestStatementCommand } from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { IfMatchVersion } from '../http/concurrency/if-match-version.decorator';
import { ClientDataCommand, ClientDataRead } from '../http/endpoint-kinds';
import { PageQuery, type PageRequest } from '../http/pagination/page-query.decorator';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';

/** Statements and coaching summaries asked of a provider, each with a due date. */
@ApiTags('statements')
@Controller('paths/:pathId/statements')
export class StatementsController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Post()
  @ClientDataCommand({
    summary: 'Request a statement or a coaching summary',
    description:
      'About a measure of the path, or the plan. Due in ten Finnish business days unless a due date is given.',
    dataClasses: ['PATH'],
    body: RequestStatementCommand,
    status: 201,
    idempotent: true,
    versioned: true,
  })
  request(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Body() command: RequestStatementCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      PLAN_COMMANDS.requestStatement,
      { pathId, body: command },
      commandMetadataOf(request),
    );
  }

  @Post(':statementId/issue')
  @ClientDataCommand({
    summary: 'Mark a requested statement issued',
    description:
      'Needs If-Match with the statement’s version as its ETag (in the list; 412 when it changed since).',
    dataClasses: ['PATH'],
    body: 'none',
    status: 200,
    idempotent: false,
    ifMatch: true,
  })
  issue(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('statementId', ParseUUIDPipe) statementId: string,
    @IfMatchVersion() expectedVersion: number,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      PLAN_COMMANDS.issueStatement,
      { pathId, id: statementId, expectedVersion, body: {} },
      commandMetadataOf(request),
    );
  }

  @Get()
  @ClientDataRead({
    summary: 'The statements of the path, with due dates and which are overdue',
    dataClasses: ['PATH'],
    answer: 'page',
  })
  list(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @PageQuery() page: PageRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      PLAN_COMMANDS.listStatements,
      { pathId, limit: page.limit, cursor: page.cursor },
      commandMetadataOf(request),
    );
  }
}
