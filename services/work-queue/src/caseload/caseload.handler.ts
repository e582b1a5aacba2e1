import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import { ListCaseloadQuery, WORK_QUEUE_COMMANDS } from '@polku/contracts';
import {
  type PathRequest,
  RequestPrincipal,
  requirePage,
  requirePathId,
  validateCommand,
} from '@polku/service-runtime';
import { CASELOAD_SORT, requireCaseloadReader, requireCaseloadScope } from './caseload-rules';
import { CaseloadService } from './caseload.service';

/** Caseloads, read by the caller for their own organisation only (the verified principal's). */
@Controller()
export class CaseloadHandler {
  constructor(private readonly caseload: CaseloadService) {}

  @MessagePattern(WORK_QUEUE_COMMANDS.listCaseload)
  async list(
    @Payload() request: Record<string, unknown> | undefined,
    @RequestPrincipal() principal: Principal,
  ) {
    const { limit, cursor, ...given } = request ?? {};
    const filters = validateCommand(ListCaseloadQuery, given);
    const page = requirePage({ limit, cursor }, { sort: CASELOAD_SORT });
    const scope = requireCaseloadScope(principal, filters.scope, filters.workerId);
    return this.caseload.list(principal, { scope, filters, page });
  }

  @MessagePattern(WORK_QUEUE_COMMANDS.getCaseloadPath)
  async get(@Payload() request: PathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    requireCaseloadReader(principal);
    return this.caseload.get(principal, pathId);
  }
}
