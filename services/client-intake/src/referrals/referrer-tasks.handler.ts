import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { CLIENT_WORK_ROLES, hasRole, type Principal } from '@polku/auth';
import { INTAKE_COMMANDS } from '@polku/contracts';
import { ForbiddenCommandError, RequestPrincipal } from '@polku/service-runtime';
import { ReferrerTaskService } from './referrer-task.service';

/** The open tasks of the caller's organisation (a declined referral's "find another path"). */
@Controller()
export class ReferrerTasksHandler {
  constructor(private readonly tasks: ReferrerTaskService) {}

  @MessagePattern(INTAKE_COMMANDS.listTasks)
  async list(@RequestPrincipal() principal: Principal) {
    if (!hasRole(principal, ...CLIENT_WORK_ROLES)) {
      throw new ForbiddenCommandError('only caseworkers and team leads have tasks');
    }
    return this.tasks.openTasksOf(principal.orgId);
  }
}
