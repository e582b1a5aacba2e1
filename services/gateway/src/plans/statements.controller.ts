import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PLAN_COMMANDS, RequestStatementCommand } from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { ClientData } from '../access/client-data.decorator';
import { IdempotentCommand } from '../http/idempotency/idempotent-command.decorator';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';

/** Statements and coaching summaries asked of a provider, each with a due date. */
@ApiTags('statements')
@ApiBearerAuth('bearer')
@Controller('paths/:pathId/statements')
export class StatementsController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Post()
  @IdempotentCommand()
  @ApiOperation({
    summary: 'Request a statement or a coaching summary',
    description:
      'About a measure of the path, or the plan. Due in ten Finnish business days unless a due date is given.',
  })
  @ClientData({
    action: 'WRITE',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
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
  @HttpCode(200)
  @IdempotentCommand()
  @ApiOperation({ summary: 'Mark a requested statement issued' })
  @ClientData({
    action: 'WRITE',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  issue(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('statementId', ParseUUIDPipe) statementId: string,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      PLAN_COMMANDS.issueStatement,
      { pathId, id: statementId, body: {} },
      commandMetadataOf(request),
    );
  }

  @Get()
  @ApiOperation({ summary: 'The statements of the path, with due dates and which are overdue' })
  @ClientData({
    action: 'READ',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  list(@Param('pathId', ParseUUIDPipe) pathId: string, @Req() request: FastifyRequest) {
    return this.bus.send(PLAN_COMMANDS.listStatements, { pathId }, commandMetadataOf(request));
  }
}
