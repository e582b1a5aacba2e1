import { Body, Controller, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ClosePathCommand,
  CompleteFollowUpCommand,
  ExitPathCommand,
  ReviewUnclearPathCommand,
  TRANSITION_COMMANDS,
} from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { IfMatchVersion } from '../http/concurrency/if-match-version.decorator';
import { ClientDataCommand } from '../http/endpoint-kinds';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';

/**
 * The end of a path: the exit with a destination, its follow-ups, the closure, and the review
 * of an unclear path that stays open until a next step is found (docs/transitions.md).
 */
@ApiTags('transitions')
@Controller('paths/:pathId')
export class ExitsController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Post('exit')
  @ClientDataCommand({
    summary: 'Record the client’s exit with a destination',
    description:
      'A destination from Table 7 (docs/domain.md §3.7). Every exit schedules follow-ups (1, 3 and 6 months); UNCLEAR_PATH keeps an owner and a review date instead.',
    dataClasses: ['PATH'],
    body: ExitPathCommand,
    status: 200,
    idempotent: false,
    ifMatch: true,
  })
  exit(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() command: ExitPathCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      TRANSITION_COMMANDS.exitPath,
      { pathId, expectedVersion, body: command },
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
    idempotent: false,
    ifMatch: true,
  })
  completeFollowUp(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('followUpId', ParseUUIDPipe) followUpId: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() command: CompleteFollowUpCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      TRANSITION_COMMANDS.completeFollowUp,
      { pathId, id: followUpId, expectedVersion, body: command },
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
    idempotent: false,
    ifMatch: true,
  })
  close(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() command: ClosePathCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      TRANSITION_COMMANDS.closePath,
      { pathId, expectedVersion, body: command },
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
    idempotent: false,
    ifMatch: true,
  })
  reviewUnclearPath(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() command: ReviewUnclearPathCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      TRANSITION_COMMANDS.reviewUnclearPath,
      { pathId, expectedVersion, body: command },
      commandMetadataOf(request),
    );
  }
}
