import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import {
  AssignActionItemCommand,
  MEETING_COMMANDS,
  type PageQueryPayload,
  pageFromRows,
} from '@polku/contracts';
import { checkPathAccess } from '@polku/path-access';
import { keysetKey } from '@polku/persistence';
import {
  type PathItemRequest,
  type PathRequest,
  RequestPrincipal,
  requireEmptyBody,
  requireExpectedVersion,
  requireItemId,
  requirePage,
  requirePathId,
  validateCommand,
  type VersionedPathRequest,
} from '@polku/service-runtime';
import { finnishDateOf } from '@polku/timers';
import { DataSource } from 'typeorm';
import { actionItemView } from './action-item-views';
import { ACTION_ITEMS_SORT, actionItemPageOfPath } from './action-item.repository';
import { ActionItemsService } from './action-items.service';

/**
 * Agreed next steps ("mitä sovittiin jatkosta"): each with one owner organisation and worker and
 * a due date; overdue ones climb worker → team lead → manager on durable timers until completed.
 */
@Controller()
export class ActionItemsHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actionItems: ActionItemsService,
  ) {}

  @MessagePattern(MEETING_COMMANDS.assignActionItem)
  async assign(@Payload() request: PathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const command = validateCommand(AssignActionItemCommand, request.body);
    return this.actionItems.assign(principal, { pathId, command });
  }

  @MessagePattern(MEETING_COMMANDS.completeActionItem)
  async complete(
    @Payload() request: PathItemRequest & VersionedPathRequest,
    @RequestPrincipal() principal: Principal,
  ) {
    const pathId = requirePathId(request);
    const actionItemId = requireItemId(request, 'action item');
    const expectedVersion = requireExpectedVersion(request);
    requireEmptyBody(request);
    return this.actionItems.complete(principal, { pathId, actionItemId, expectedVersion });
  }

  @MessagePattern(MEETING_COMMANDS.listActionItems)
  async list(
    @Payload() request: PathRequest & PageQueryPayload,
    @RequestPrincipal() principal: Principal,
  ) {
    const pathId = requirePathId(request);
    const page = requirePage(request, { sort: ACTION_ITEMS_SORT });
    await checkPathAccess(this.dataSource, { principal, pathId, dataClass: 'PLAN' });
    const today = finnishDateOf(new Date());
    return pageFromRows({
      rows: await actionItemPageOfPath(this.dataSource, { pathId, ...page }),
      limit: page.limit,
      positionOf: (row) => ({ key: keysetKey([row.due_date, row.assigned_key]), id: row.id }),
      toItem: (row) => actionItemView(row, today),
      sort: ACTION_ITEMS_SORT,
    });
  }
}
