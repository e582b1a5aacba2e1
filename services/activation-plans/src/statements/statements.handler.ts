import { randomUUID } from 'node:crypto';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import { ActivationPlansConfig } from '@polku/config';
import {
  PLAN_COMMANDS,
  RequestStatementCommand,
  STATEMENT_ISSUED_V1,
  STATEMENT_REQUESTED_V1,
} from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { callerEnvelope, checkPathAccess, clientRefOfPath } from '@polku/path-access';
import {
  CommandConflictError,
  CommandValidationError,
  NotFoundError,
  type PathItemRequest,
  type PathRequest,
  RequestPrincipal,
  requireEmptyBody,
  requireItemId,
  requirePathId,
  RuleViolationError,
  validateCommand,
} from '@polku/service-runtime';
import { addBusinessDays, finnishDateOf } from '@polku/timers';
import { DataSource, type EntityManager } from 'typeorm';
import { measureOfPathForUpdate } from '../measures/measure.repository';
import { PLAN_MISSING } from '../measures/measure-start-rules';
import { planOfPath } from '../plans/plan.repository';
import { statementView } from './statement-views';
import {
  insertStatement,
  markStatementIssued,
  statementOfPathForUpdate,
  statementsOfPath,
} from './statement.repository';

/**
 * Statements and coaching summaries a party asks for, about a measure or the plan, by a due
 * date: a dated task between the parties (PATH data). The statement itself stays in the
 * writer's records; polku knows only that it was asked for and when it was delivered.
 */
@Controller()
export class StatementsHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly config: ActivationPlansConfig,
  ) {}

  @MessagePattern(PLAN_COMMANDS.requestStatement)
  async request(@Payload() request: PathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const command = validateCommand(RequestStatementCommand, request.body);
    const today = finnishDateOf(new Date());
    if (command.dueDate !== undefined && command.dueDate < today) {
      throw new CommandValidationError(`dueDate: ${command.dueDate} is before today (${today})`);
    }
    const dueDate =
      command.dueDate ?? addBusinessDays(today, this.config.STATEMENT_DUE_BUSINESS_DAYS);
    return this.dataSource.transaction(async (em) => {
      const { basis } = await checkPathAccess(em, { principal, pathId, dataClass: 'PATH' });
      const about = await this.subject(em, pathId, command.measureId);
      const statement = await insertStatement(em, {
        id: randomUUID(),
        pathId,
        planId: 'planId' in about ? about.planId : null,
        measureId: 'measureId' in about ? about.measureId : null,
        kind: command.kind,
        requestedByOrgId: principal.orgId,
        dueDate,
      });
      await this.outbox.append(em, STATEMENT_REQUESTED_V1.subject, {
        ...callerEnvelope({
          pathId,
          clientRef: await clientRefOfPath(em, pathId),
          principal,
          basis,
          correlationId: statement.id,
        }),
        data: {
          statementId: statement.id,
          // Exactly one of measureId and planId, as the contract wants.
          ...about,
          kind: command.kind,
          requestedByOrgId: principal.orgId,
          dueDate,
        },
      });
      return statementView(statement, today);
    });
  }

  @MessagePattern(PLAN_COMMANDS.issueStatement)
  async issue(@Payload() request: PathItemRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const statementId = requireItemId(request, 'statement');
    requireEmptyBody(request);
    return this.dataSource.transaction(async (em) => {
      const { basis } = await checkPathAccess(em, { principal, pathId, dataClass: 'PATH' });
      const statement = await statementOfPathForUpdate(em, pathId, statementId);
      if (statement === undefined) {
        throw new NotFoundError('no such statement');
      }
      if (statement.issued_at !== null) {
        throw new CommandConflictError('the statement has already been issued');
      }
      const issuedAt = new Date();
      const issued = await markStatementIssued(em, statementId, {
        issuedAt,
        orgId: principal.orgId,
      });
      await this.outbox.append(em, STATEMENT_ISSUED_V1.subject, {
        ...callerEnvelope({
          pathId,
          clientRef: await clientRefOfPath(em, pathId),
          principal,
          basis,
          correlationId: statementId,
        }),
        occurredAt: issuedAt,
        data: { statementId, issuedAt: issuedAt.toISOString() },
      });
      return statementView(issued, finnishDateOf(issuedAt));
    });
  }

  @MessagePattern(PLAN_COMMANDS.listStatements)
  async list(@Payload() request: PathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    await checkPathAccess(this.dataSource, { principal, pathId, dataClass: 'PATH' });
    const today = finnishDateOf(new Date());
    const rows = await statementsOfPath(this.dataSource, pathId);
    return { items: rows.map((row) => statementView(row, today)) };
  }

  /** What the statement is about: the named measure of this path, or else the path's plan. */
  private async subject(
    em: EntityManager,
    pathId: string,
    measureId: string | undefined,
  ): Promise<{ measureId: string } | { planId: string }> {
    if (measureId !== undefined) {
      if ((await measureOfPathForUpdate(em, pathId, measureId)) === undefined) {
        throw new CommandValidationError('measureId: the path has no such measure');
      }
      return { measureId };
    }
    const plan = await planOfPath(em, pathId);
    if (plan === undefined) {
      throw new RuleViolationError('the path has no activation plan', [
        { ...PLAN_MISSING, field: 'measureId' },
      ]);
    }
    return { planId: plan.id };
  }
}
