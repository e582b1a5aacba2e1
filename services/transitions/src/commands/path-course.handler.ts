import { randomUUID } from 'node:crypto';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import { TransitionsConfig } from '@polku/config';
import {
  AcceptTransitionCommand,
  ChangeResponsibleWorkerCommand,
  ClosePathCommand,
  CompleteFollowUpCommand,
  CompleteHandoffCommand,
  DeclineTransitionCommand,
  ExitPathCommand,
  ReviewUnclearPathCommand,
  ProposeTransitionCommand,
  StartWaitingCommand,
  TRANSITION_COMMANDS,
} from '@polku/contracts';
import {
  type PathItemRequest,
  type PathRequest,
  RequestPrincipal,
  requireEmptyBody,
  requireItemId,
  requirePathId,
  validateCommand,
} from '@polku/service-runtime';
import {
  acceptDecision,
  changeWorkerDecision,
  closeDecision,
  completeFollowUpDecision,
  completeHandoffDecision,
  declineDecision,
  endWaitingDecision,
  exitDecision,
  reviewUnclearPathDecision,
  proposeDecision,
  startWaitingDecision,
} from './command-inputs';
import { PathCommandService } from './path-command.service';

/**
 * The path's course over NATS: hand-offs, exits, follow-ups, closing, the responsible worker
 * and waits, and the course itself. Thin: validate, then PathCommandService. What a client waits
 * for is HEALTH_FLAG data, so the wait commands need that cover; all others need PATH.
 */
@Controller()
export class PathCourseHandler {
  constructor(
    private readonly commands: PathCommandService,
    private readonly config: TransitionsConfig,
  ) {}

  @MessagePattern(TRANSITION_COMMANDS.getPath)
  get(@Payload() request: PathRequest, @RequestPrincipal() principal: Principal) {
    return this.commands.view(principal, requirePathId(request));
  }

  @MessagePattern(TRANSITION_COMMANDS.proposeTransition)
  propose(@Payload() request: PathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const command = validateCommand(ProposeTransitionCommand, request.body);
    const transitionId = randomUUID();
    return this.commands.run({
      principal,
      pathId,
      dataClass: 'PATH',
      decision: (caller) => proposeDecision(caller, command, transitionId),
    });
  }

  @MessagePattern(TRANSITION_COMMANDS.acceptTransition)
  accept(@Payload() request: PathItemRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const transitionId = requireItemId(request, 'hand-off');
    const command = validateCommand(AcceptTransitionCommand, request.body);
    return this.commands.run({
      principal,
      pathId,
      dataClass: 'PATH',
      decision: (caller) => acceptDecision(caller, command, transitionId),
    });
  }

  @MessagePattern(TRANSITION_COMMANDS.declineTransition)
  decline(@Payload() request: PathItemRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const transitionId = requireItemId(request, 'hand-off');
    const command = validateCommand(DeclineTransitionCommand, request.body);
    return this.commands.run({
      principal,
      pathId,
      dataClass: 'PATH',
      decision: (caller) => declineDecision(caller, command, transitionId),
    });
  }

  @MessagePattern(TRANSITION_COMMANDS.completeHandoff)
  complete(@Payload() request: PathItemRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const transitionId = requireItemId(request, 'hand-off');
    const command = validateCommand(CompleteHandoffCommand, request.body);
    return this.commands.run({
      principal,
      pathId,
      dataClass: 'PATH',
      decision: (caller) => completeHandoffDecision(caller, command, transitionId),
    });
  }

  @MessagePattern(TRANSITION_COMMANDS.exitPath)
  exit(@Payload() request: PathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const command = validateCommand(ExitPathCommand, request.body);
    return this.commands.run({
      principal,
      pathId,
      dataClass: 'PATH',
      decision: (caller) => exitDecision(caller, command),
    });
  }

  @MessagePattern(TRANSITION_COMMANDS.completeFollowUp)
  completeFollowUp(@Payload() request: PathItemRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const followUpId = requireItemId(request, 'follow-up');
    const command = validateCommand(CompleteFollowUpCommand, request.body);
    return this.commands.run({
      principal,
      pathId,
      dataClass: 'PATH',
      decision: (caller) => completeFollowUpDecision(caller, command, followUpId),
    });
  }

  @MessagePattern(TRANSITION_COMMANDS.closePath)
  close(@Payload() request: PathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    validateCommand(ClosePathCommand, request.body ?? {});
    return this.commands.run({
      principal,
      pathId,
      dataClass: 'PATH',
      decision: (caller) => closeDecision(caller),
    });
  }

  @MessagePattern(TRANSITION_COMMANDS.reviewUnclearPath)
  reviewUnclearPath(@Payload() request: PathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const command = validateCommand(ReviewUnclearPathCommand, request.body ?? {});
    return this.commands.run({
      principal,
      pathId,
      dataClass: 'PATH',
      decision: (caller) => reviewUnclearPathDecision(caller, command),
    });
  }

  @MessagePattern(TRANSITION_COMMANDS.changeResponsibleWorker)
  changeWorker(@Payload() request: PathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const command = validateCommand(ChangeResponsibleWorkerCommand, request.body);
    return this.commands.run({
      principal,
      pathId,
      dataClass: 'PATH',
      decision: (caller) => changeWorkerDecision(caller, command),
    });
  }

  @MessagePattern(TRANSITION_COMMANDS.startWaiting)
  startWaiting(@Payload() request: PathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const command = validateCommand(StartWaitingCommand, request.body);
    const wait = {
      waitId: randomUUID(),
      defaultThresholdBusinessDays: this.config.WAIT_THRESHOLD_BUSINESS_DAYS,
    };
    return this.commands.run({
      principal,
      pathId,
      dataClass: 'HEALTH_FLAG',
      decision: (caller) => startWaitingDecision(caller, command, wait),
    });
  }

  @MessagePattern(TRANSITION_COMMANDS.endWaiting)
  endWaiting(@Payload() request: PathItemRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const waitId = requireItemId(request, 'wait');
    requireEmptyBody(request);
    return this.commands.run({
      principal,
      pathId,
      dataClass: 'HEALTH_FLAG',
      decision: (caller) => endWaitingDecision(caller, waitId),
    });
  }
}
