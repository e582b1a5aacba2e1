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
  requireItemId,
  requirePathId,
  validateCommand,
} from '@polku/service-runtime';
import { HandoffsService } from './handoffs.service';

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
  accept(@Payload() request: PathItemRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const handoffId = requireItemId(request, 'hand-off');
    const command = validateCommand(AcceptHandoffCommand, request.body);
    return this.handoffs.accept({ principal, pathId, command, handoffId });
  }

  @MessagePattern(TRANSITION_COMMANDS.declineHandoff)
  decline(@Payload() request: PathItemRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const handoffId = requireItemId(request, 'hand-off');
    const command = validateCommand(DeclineHandoffCommand, request.body);
    return this.handoffs.decline({ principal, pathId, command, handoffId });
  }

  @MessagePattern(TRANSITION_COMMANDS.completeHandoff)
  complete(@Payload() request: PathItemRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const handoffId = requireItemId(request, 'hand-off');
    const command = validateCommand(CompleteHandoffCommand, request.body);
    return this.handoffs.complete({ principal, pathId, command, handoffId });
  }
}
