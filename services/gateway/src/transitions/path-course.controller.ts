import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
import { ClientDataCommand, ClientDataRead } from '../http/endpoint-kinds';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';

/**
 * The path's course: hand-offs between organisations, exits with a destination, follow-ups and
 * closure, the responsible worker, waits. The transitions service keeps every open path with an
 * accountable organisation, a named worker and a next step (docs/transitions.md).
 */
@ApiTags('transitions')
@Controller('paths/:pathId')
export class PathCourseController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Get('course')
  @ClientDataRead({
    summary: 'The path’s state, accountable organisation, named worker and next step',
    description: 'With the pending hand-off, the exit and its follow-ups.',
    dataClasses: ['PATH'],
  })
  get(@Param('pathId', ParseUUIDPipe) pathId: string, @Req() request: FastifyRequest) {
    return this.bus.send(TRANSITION_COMMANDS.getPath, { pathId }, commandMetadataOf(request));
  }

  @Post('transitions')
  @ClientDataCommand({
    summary: 'Propose a transition to another organisation (a hand-off)',
    description:
      'By a party of the path, for the client or with them. The sender stays accountable until the receiver completes the hand-off; unanswered by the deadline (10 business days) it escalates worker → team lead → manager.',
    dataClasses: ['PATH'],
    body: ProposeTransitionCommand,
    status: 201,
    idempotent: true,
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
  @ClientDataCommand({
    summary: 'Accept a proposed transition (the receiving organisation)',
    description:
      'With the start date; the sender stays accountable until the hand-off is completed.',
    dataClasses: ['PATH'],
    body: AcceptTransitionCommand,
    status: 200,
    idempotent: true,
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
  @ClientDataCommand({
    summary: 'Decline a proposed transition (the receiving organisation)',
    description:
      'The proposal goes back to the sender with the reason, as its next step; never into the void.',
    dataClasses: ['PATH'],
    body: DeclineTransitionCommand,
    status: 200,
    idempotent: true,
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
  @ClientDataCommand({
    summary: 'Complete the hand-off (the receiving organisation)',
    description:
      'Ownership moves to the receiver (OwnershipTransferred); the path starts a new segment with it.',
    dataClasses: ['PATH'],
    body: CompleteHandoffCommand,
    status: 200,
    idempotent: true,
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
  @ClientDataCommand({
    summary: 'Record the client’s exit with a destination',
    description:
      'A destination from Table 7 (domain.md §3.7). Every exit schedules follow-ups (1, 3 and 6 months); UNCLEAR_PATH keeps an owner and a review date instead.',
    dataClasses: ['PATH'],
    body: ExitPathCommand,
    status: 200,
    idempotent: true,
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
  @ClientDataCommand({
    summary: 'Record a follow-up: where the client is now',
    description:
      'Same, changed (with the new destination), back in the intermediate labour market, or unknown; whether it confirms the destination.',
    dataClasses: ['PATH'],
    body: CompleteFollowUpCommand,
    status: 200,
    idempotent: true,
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
  @ClientDataCommand({
    summary: 'Close the path',
    description:
      'Only in follow-up and only with a confirmed destination; an unclear path cannot be closed.',
    dataClasses: ['PATH'],
    body: ClosePathCommand,
    status: 200,
    idempotent: true,
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
  @ClientDataCommand({
    summary: 'Record the review of an unclear path',
    description:
      'By the accountable organisation: the search for a next step goes on, with the next review date (default 20 business days). An unclear path is left only by a hand-off or an exit with a destination.',
    dataClasses: ['PATH'],
    body: ReviewUnclearPathCommand,
    status: 200,
    idempotent: true,
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
  @ClientDataCommand({
    summary: 'Name another responsible worker of the accountable organisation',
    description: 'Only by the accountable organisation.',
    dataClasses: ['PATH'],
    body: ChangeResponsibleWorkerCommand,
    status: 200,
    idempotent: true,
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
  @ClientDataCommand({
    summary: 'Record that the client waits for a service',
    description:
      'HEALTH_FLAG data: what the client waits for can reveal health. WaitExceeded is raised after the threshold (business days).',
    dataClasses: ['HEALTH_FLAG'],
    body: StartWaitingCommand,
    status: 201,
    idempotent: true,
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
    idempotent: true,
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
