import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CLIENT_WORK_ROLES, hasRole, type Principal } from '@polku/auth';
import { INTAKE_COMMANDS, type PageQueryPayload } from '@polku/contracts';
import { ForbiddenCommandError, RequestPrincipal, requirePage } from '@polku/service-runtime';
import { OPEN_TASKS_SORT } from './referrer-task.repository';
import { ReferrerTaskService } from './referrer-task.service';

/** The open tasks of the caller's organisation (a declined referral's "find another path"). */
@Controller()
export class ReferrerTasksHandler {
  constructor(private readonly tasks: ReferrerTaskService) {}

  @MessagePattern(INTAKE_COMMANDS.listTasks)
  async list(@Payload() request: PageQueryPayload, @RequestPrincipal() principal: Principal) {
    const page = requirePage(request, { sort: OPEN_TASKS_SORT });
    if (!hasRole(principal, ...CLIENT_WORK_ROLES)) {
      throw new ForbiddenCommandError('only caseworkers and team leads have tasks');
    }
    return this.tasks.openTasksOf(principal.orgId, page);
  }
}
