import { Body, Controller, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AcceptHandoffCommand,
  CompleteHandoffCommand,
  DeclineHandoffCommand,
  ProposeHandoffCommand,
  TRANSITION_COMMANDS,
} from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { IfMatchVersion } from '../http/concurrency/if-match-version.decorator';
import { ClientDataCommand } from '../http/endpoint-kinds';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';

/**
 * Hand-offs of a path between organisations: proposed by a party, accepted or declined by the
 * receiver, completed when it has taken the client on (docs/transitions.md).
 */
@ApiTags('transitions')
@Controller('paths/:pathId')
export class HandoffsController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Post('hand-offs')
  @ClientDataCommand({
    summary: 'Propose a transition to another organisation (a hand-off)',
    description:
      'By a party of the path, for the client or with them. The sender stays accountable until the receiver completes the hand-off; unanswered by the deadline (10 business days) it escalates worker → team lead → manager.',
    dataClasses: ['PATH'],
    body: ProposeHandoffCommand,
    status: 201,
    idempotent: true,
    versioned: true,
  })
  propose(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Body() command: ProposeHandoffCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      TRANSITION_COMMANDS.proposeHandoff,
      { pathId, body: command },
      commandMetadataOf(request),
    );
  }

  @Post('hand-offs/:handoffId/acceptance')
  @ClientDataCommand({
    summary: 'Accept a proposed hand-off (the receiving organisation)',
    description:
      'With the start date; the sender stays accountable until the hand-off is completed.',
    dataClasses: ['PATH'],
    body: AcceptHandoffCommand,
    status: 200,
    idempotent: false,
    ifMatch: true,
  })
  accept(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('handoffId', ParseUUIDPipe) handoffId: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() command: AcceptHandoffCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      TRANSITION_COMMANDS.acceptHandoff,
      { pathId, id: handoffId, expectedVersion, body: command },
      commandMetadataOf(request),
    );
  }

  @Post('hand-offs/:handoffId/decline')
  @ClientDataCommand({
    summary: 'Decline a proposed hand-off (the receiving organisation)',
    description:
      'The proposal goes back to the sender with the reason, as its next step; never into the void.',
    dataClasses: ['PATH'],
    body: DeclineHandoffCommand,
    status: 200,
    idempotent: false,
    ifMatch: true,
  })
  decline(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('handoffId', ParseUUIDPipe) handoffId: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() command: DeclineHandoffCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      TRANSITION_COMMANDS.declineHandoff,
      { pathId, id: handoffId, expectedVersion, body: command },
      commandMetadataOf(request),
    );
  }

  @Post('hand-offs/:handoffId/completion')
  @ClientDataCommand({
    summary: 'Complete the hand-off (the receiving organisation)',
    description:
      'Ownership moves to the receiver (OwnershipTransferred); the path starts a new segment with it.',
    dataClasses: ['PATH'],
    body: CompleteHandoffCommand,
    status: 200,
    idempotent: false,
    ifMatch: true,
  })
  complete(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('handoffId', ParseUUIDPipe) handoffId: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() command: CompleteHandoffCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      TRANSITION_COMMANDS.completeHandoff,
      { pathId, id: handoffId, expectedVersion, body: command },
      commandMetadataOf(request),
    );
  }
}
