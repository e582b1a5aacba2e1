import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import { ListWorkQueueQuery, MarkItemsReadCommand, WORK_QUEUE_COMMANDS } from '@polku/contracts';
import { RequestPrincipal, requirePage, validateCommand } from '@polku/service-runtime';
import { QUEUE_SORT, requireScope } from './queue-rules';
import { WorkQueueService } from './work-queue.service';

/**
 * The caller's work queue: a page of it (overdue first) with its counts, and marking items
 * read. Always the caller's own organisation, from the verified principal.
 */
@Controller()
export class WorkQueueHandler {
  constructor(private readonly queue: WorkQueueService) {}

  @MessagePattern(WORK_QUEUE_COMMANDS.listWorkQueue)
  async list(
    @Payload() request: Record<string, unknown> | undefined,
    @RequestPrincipal() principal: Principal,
  ) {
    const { limit, cursor, ...given } = request ?? {};
    const filters = validateCommand(ListWorkQueueQuery, given);
    const page = requirePage({ limit, cursor }, { sort: QUEUE_SORT });
    const scope = requireScope(principal, filters.scope, filters.workerId);
    return this.queue.list(principal, { scope, filters, page });
  }

  @MessagePattern(WORK_QUEUE_COMMANDS.markItemsRead)
  async markRead(@Payload() request: unknown, @RequestPrincipal() principal: Principal) {
    const { itemIds } = validateCommand(MarkItemsReadCommand, request);
    await this.queue.markRead(principal, itemIds);
    return {};
  }
}
