import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ChangeResponsibleWorkerCommand,
  StartWaitingCommand,
  TRANSITION_COMMANDS,
} from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { IfMatchVersion } from '../http/concurrency/if-match-version.decorator';
import { ClientDataCommand, ClientDataRead } from '../http/endpoint-kinds';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';

/**
 * The path: its state, accountable organisation, named worker and next step, the
 * responsible worker and the client's waits. The transitions service keeps every open path
 * with an accountable organisation, a named worker and a next step (docs/transitions.md).
 * Changes of an existing path need If-Match with the path's ETag: the path is one versioned
 * resource, whatever part of it (a hand-off, a follow-up, a wait) the command names.
 */
@ApiTags('transitions')
@Controller('paths/:pathId')
export class PathController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Get()
  @ClientDataRead({
    summary: 'The path’s state, accountable organisation, named worker and next step',
    description:
      'With the pending hand-off and its checklist (whether a transition meeting or joint transfer visit was held for it, which and when), the exit and its follow-ups. Its ETag is the path’s version: send it as If-Match with every change of the path below (responsible worker, end of a wait, hand-off answers, exit, follow-ups, closure, unclear-path review).',
    dataClasses: ['PATH'],
    versioned: true,
    answer: 'one',
  })
  get(@Param('pathId', ParseUUIDPipe) pathId: string, @Req() request: FastifyRequest) {
    return this.bus.send(TRANSITION_COMMANDS.getPath, { pathId }, commandMetadataOf(request));
  }

  @Post('responsible-worker')
  @ClientDataCommand({
    summary: 'Name another responsible worker of the accountable organisation',
    description: 'Only by the accountable organisation.',
    dataClasses: ['PATH'],
    body: ChangeResponsibleWorkerCommand,
    status: 200,
    idempotent: false,
    ifMatch: true,
  })
  changeWorker(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() command: ChangeResponsibleWorkerCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      TRANSITION_COMMANDS.changeResponsibleWorker,
      { pathId, expectedVersion, body: command },
      commandMetadataOf(request),
    );
  }

  @Post('waits')
  @ClientDataCommand({
    summary: 'Record that the client waits for a service',
    description:
      'HEALTH_FLAG data: what the client waits for can reveal health. WaitExceeded is raised after the threshold (business days).',
    dataClasses: ['HEALTH_FLAG'],
    body: StartWaitingCommand,
    status: 201,
    idempotent: true,
    versioned: true,
  })
  startWaiting(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Body() command: StartWaitingCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      TRANSITION_COMMANDS.startWaiting,
      { pathId, body: command },
      commandMetadataOf(request),
    );
  }

  @Post('waits/:waitId/end')
  @ClientDataCommand({
    summary: 'The wait is over',
    description: 'Stops the wait’s timer.',
    dataClasses: ['HEALTH_FLAG'],
    body: 'none',
    status: 200,
    idempotent: false,
    ifMatch: true,
  })
  endWaiting(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('waitId', ParseUUIDPipe) waitId: string,
    @IfMatchVersion() expectedVersion: number,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      TRANSITION_COMMANDS.endWaiting,
      { pathId, id: waitId, expectedVersion, body: {} },
      commandMetadataOf(request),
    );
  }
}
