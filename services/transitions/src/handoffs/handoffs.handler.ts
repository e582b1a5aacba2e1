import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import {
  AcceptHandoffCommand,
  CompleteHandoffCommand,
  DeclineHandoffCommand,
  ProposeHandoffCommand,
  TRANSITION_COMMANDS,
} from '@polku/contracts';
import {
  type PathItemRequest,
  type PathRequest,
  RequestPrincipal,
  requireExpectedVersion,
  requireItemId,
  requirePathId,
  validateCommand,
  type VersionedPathRequest,
} from '@polku/service-runtime';
import { HandoffsService } from './handoffs.service';

/** An answer to a hand-off, at the path version the receiver read (If-Match). */
type AnswerRequest = PathItemRequest & VersionedPathRequest;

/** Hand-off commands over NATS. Thin: validate, then HandoffsService. */
@Controller()
export class HandoffsHandler {
  constructor(private readonly handoffs: HandoffsService) {}

  @MessagePattern(TRANSITION_COMMANDS.proposeHandoff)
  propose(@Payload() request: PathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const command = validateCommand(ProposeHandoffCommand, request.body);
    return this.handoffs.propose({ principal, pathId, command });
  }

  @MessagePattern(TRANSITION_COMMANDS.acceptHandoff)
  accept(@Payload() request: AnswerRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const handoffId = requireItemId(request, 'hand-off');
    const expectedVersion = requireExpectedVersion(request);
    const command = validateCommand(AcceptHandoffCommand, request.body);
    return this.handoffs.accept({ principal, pathId, expectedVersion, command, handoffId });
  }

  @MessagePattern(TRANSITION_COMMANDS.declineHandoff)
  decline(@Payload() request: AnswerRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const handoffId = requireItemId(request, 'hand-off');
    const expectedVersion = requireExpectedVersion(request);
    const command = validateCommand(DeclineHandoffCommand, request.body);
    return this.handoffs.decline({ principal, pathId, expectedVersion, command, handoffId });
  }

  @MessagePattern(TRANSITION_COMMANDS.completeHandoff)
  complete(@Payload() request: AnswerRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const handoffId = requireItemId(request, 'hand-off');
    const expectedVersion = requireExpectedVersion(request);
    const command = validateCommand(CompleteHandoffCommand, request.body);
    return this.handoffs.complete({ principal, pathId, expectedVersion, command, handoffId });
  }
}
