import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import {
  type PageQueryPayload,
  pageFromRows,
  PLAN_COMMANDS,
  RequestStatementCommand,
} from '@polku/contracts';
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
import { StatementIssueService } from './statement-issue.service';
import { StatementRequestService } from './statement-request.service';
import { statementView } from './statement-views';
import { STATEMENTS_SORT, statementPageOfPath } from './statement.repository';
import { checkPathAccess } from '@polku/path-access';

/**
 * Statements and coaching summaries a party asks for, about a measure or the plan, by a due
 * date: a dated task between the parties (PATH data). The statement itself stays in the
 * writer's records; polku knows only that it was asked for and when it was delivered.
 */
@Controller()
export class StatementsHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requesting: StatementRequestService,
    private readonly issuing: StatementIssueService,
  ) {}

  @MessagePattern(PLAN_COMMANDS.requestStatement)
  async request(@Payload() request: PathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const command = validateCommand(RequestStatementCommand, request.body);
    return this.requesting.request(principal, { pathId, command });
  }

  @MessagePattern(PLAN_COMMANDS.issueStatement)
  async issue(
    @Payload() request: PathItemRequest & VersionedPathRequest,
    @RequestPrincipal() principal: Principal,
  ) {
    const pathId = requirePathId(request);
    const statementId = requireItemId(request, 'statement');
    const expectedVersion = requireExpectedVersion(request);
    requireEmptyBody(request);
    return this.issuing.issue(principal, { pathId, statementId, expectedVersion });
  }

  @MessagePattern(PLAN_COMMANDS.listStatements)
  async list(
    @Payload() request: PathRequest & PageQueryPayload,
    @RequestPrincipal() principal: Principal,
  ) {
    const pathId = requirePathId(request);
    const page = requirePage(request, { sort: STATEMENTS_SORT });
    await checkPathAccess(this.dataSource, { principal, pathId, dataClass: 'PATH' });
    const today = finnishDateOf(new Date());
    return pageFromRows({
      rows: await statementPageOfPath(this.dataSource, { pathId, ...page }),
      limit: page.limit,
      positionOf: (row) => ({ key: keysetKey([row.due_date, row.requested_key]), id: row.id }),
      toItem: (row) => statementView(row, today),
      sort: STATEMENTS_SORT,
    });
  }
}
