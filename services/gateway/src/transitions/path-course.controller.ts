import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AcceptTransitionCommand,
  ChangeResponsibleWorkerCommand,
  ClosePathCommand,
  CompleteFollowUpCommand,
  CompleteHandoffCommand,
  DeclineTransitionCommand,
  ExitPathCommand,
  ProposeTransitionCommand,
  ReviewUnclearPathCommand,
  StartWaitingCommand,
  TRANSITION_COMMANDS,
} from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { ClientData } from '../access/client-data.decorator';
import { IdempotentCommand } from '../http/idempotency/idempotent-command.decorator';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';

/**
 * The path's course: hand-offs between organisations, exits with a destination, follow-ups and
 * closure, the responsible worker, waits. The transitions service keeps every open path with an
 * accountable organisation, a named worker and a next step (docs/transitions.md).
 */
@ApiTags('transitions')
@ApiBearerAuth('bearer')
@Controller('paths/:pathId')
export class PathCourseController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Get('course')
  @ApiOperation({
    summary: 'The path’s state, accountable organisation, named worker and next step',
    description: 'With the pending hand-off, the exit and its follow-ups.',
  })
  @ClientData({
    action: 'READ',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  get(@Param('pathId', ParseUUIDPipe) pathId: string, @Req() request: FastifyRequest) {
    return this.bus.send(TRANSITION_COMMANDS.getPath, { pathId }, commandMetadataOf(request));
  }

  @Post('transitions')
  @IdempotentCommand()
  @ApiOperation({
    summary: 'Propose a transition to another organisation (a hand-off)',
    description:
      'By a party of the path, for the client or with them. The sender stays accountable until the receiver completes the hand-off; unanswered by the deadline (10 business days) it escalates worker → team lead → manager.',
  })
  @ClientData({
    action: 'WRITE',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  propose(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Body() command: ProposeTransitionCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      TRANSITION_COMMANDS.proposeTransition,
      { pathId, body: command },
      commandMetadataOf(request),
    );
  }

  @Post('transitions/:transitionId/acceptance')
  @HttpCode(200)
  @IdempotentCommand()
  @ApiOperation({
    summary: 'Accept a proposed transition (the receiving organisation)',
    description:
      'With the start date; the sender stays accountable until the hand-off is completed.',
  })
  @ClientData({
    action: 'WRITE',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  accept(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('transitionId', ParseUUIDPipe) transitionId: string,
    @Body() command: AcceptTransitionCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      TRANSITION_COMMANDS.acceptTransition,
      { pathId, id: transitionId, body: command },
      commandMetadataOf(request),
    );
  }

  @Post('transitions/:transitionId/decline')
  @HttpCode(200)
  @IdempotentCommand()
  @ApiOperation({
    summary: 'Decline a proposed transition (the receiving organisation)',
    description:
      'The proposal goes back to the sender with the reason, as its next step; never into the void.',
  })
  @ClientData({
    action: 'WRITE',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  decline(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('transitionId', ParseUUIDPipe) transitionId: string,
    @Body() command: DeclineTransitionCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      TRANSITION_COMMANDS.declineTransition,
      { pathId, id: transitionId, body: command },
      commandMetadataOf(request),
    );
  }

  @Post('transitions/:transitionId/completion')
  @HttpCode(200)
  @IdempotentCommand()
  @ApiOperation({
    summary: 'Complete the hand-off (the receiving organisation)',
    description:
      'Ownership moves to the receiver (OwnershipTransferred); the path starts a new segment with it.',
  })
  @ClientData({
    action: 'WRITE',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  complete(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('transitionId', ParseUUIDPipe) transitionId: string,
    @Body() command: CompleteHandoffCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      TRANSITION_COMMANDS.completeHandoff,
      { pathId, id: transitionId, body: command },
      commandMetadataOf(request),
    );
  }

  @Post('exit')
  @HttpCode(200)
  @IdempotentCommand()
  @ApiOperation({
    summary: 'Record the client’s exit with a destination',
    description:
      'A destination from Table 7 (domain.md §3.7). Every exit schedules follow-ups (1, 3 and 6 months); UNCLEAR_PATH keeps an owner and a review date instead.',
  })
  @ClientData({
    action: 'WRITE',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  exit(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Body() command: ExitPathCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      TRANSITION_COMMANDS.exitPath,
      { pathId, body: command },
      commandMetadataOf(request),
    );
  }

  @Post('follow-ups/:followUpId/completion')
  @HttpCode(200)
  @IdempotentCommand()
  @ApiOperation({
    summary: 'Record a follow-up: where the client is now',
    description:
      'Same, changed (with the new destination), back in the intermediate labour market, or unknown; whether it confirms the destination.',
  })
  @ClientData({
    action: 'WRITE',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  completeFollowUp(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('followUpId', ParseUUIDPipe) followUpId: string,
    @Body() command: CompleteFollowUpCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      TRANSITION_COMMANDS.completeFollowUp,
      { pathId, id: followUpId, body: command },
      commandMetadataOf(request),
    );
  }

  @Post('closure')
  @HttpCode(200)
  @IdempotentCommand()
  @ApiOperation({
    summary: 'Close the path',
    description:
      'Only in follow-up and only with a confirmed destination; an unclear path cannot be closed.',
  })
  @ClientData({
    action: 'WRITE',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  close(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Body() command: ClosePathCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      TRANSITION_COMMANDS.closePath,
      { pathId, body: command },
      commandMetadataOf(request),
    );
  }

  @Post('unclear-path-review')
  @HttpCode(200)
  @IdempotentCommand()
  @ApiOperation({
    summary: 'Record the review of an unclear path',
    description:
      'By the accountable organisation: the search for a next step goes on, with the next review date (default 20 business days). An unclear path is left only by a hand-off or an exit with a destination.',
  })
  @ClientData({
    action: 'WRITE',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  reviewUnclearPath(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Body() command: ReviewUnclearPathCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      TRANSITION_COMMANDS.reviewUnclearPath,
      { pathId, body: command },
      commandMetadataOf(request),
    );
  }

  @Post('responsible-worker')
  @HttpCode(200)
  @IdempotentCommand()
  @ApiOperation({
    summary: 'Name another responsible worker of the accountable organisation',
    description: 'Only by the accountable organisation.',
  })
  @ClientData({
    action: 'WRITE',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  changeWorker(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Body() command: ChangeResponsibleWorkerCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      TRANSITION_COMMANDS.changeResponsibleWorker,
      { pathId, body: command },
      commandMetadataOf(request),
    );
  }

  @Post('waits')
  @IdempotentCommand()
  @ApiOperation({
    summary: 'Record that the client waits for a service',
    description:
      'HEALTH_FLAG data: what the client waits for can reveal health. WaitExceeded is raised after the threshold (business days).',
  })
  @ClientData({
    action: 'WRITE',
    dataClasses: ['HEALTH_FLAG'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
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
  @HttpCode(200)
  @IdempotentCommand()
  @ApiOperation({
    summary: 'The wait is over',
    description: 'Stops the wait’s timer.',
  })
  @ClientData({
    action: 'WRITE',
    dataClasses: ['HEALTH_FLAG'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  endWaiting(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('waitId', ParseUUIDPipe) waitId: string,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      TRANSITION_COMMANDS.endWaiting,
      { pathId, id: waitId, body: {} },
      commandMetadataOf(request),
    );
  }
}
