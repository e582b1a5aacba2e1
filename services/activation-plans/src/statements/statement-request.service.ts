import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal } from '@polku/auth';
import { callerEnvelope, checkPathAccess } from '@polku/path-access';
import { ActivationPlansConfig } from '@polku/config';
import { type RequestStatementCommand, STATEMENT_REQUESTED_V1 } from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { clientRefOfPath } from '@polku/path-access';
import { retriedTransaction } from '@polku/persistence';
import { CommandValidationError, RuleViolationError } from '@polku/service-runtime';
import { addBusinessDays, finnishDateOf } from '@polku/timers';
import { DataSource, type EntityManager } from 'typeorm';
import { assertPathStillOpen } from '../path-stage/path-state-rules';
import { lockedPathStageFacts } from '../path-stage/path-stage.repository';
import { measureOfPathForUpdate } from '../measures/measure.repository';
import { PLAN_MISSING } from '../measures/measure-start-rules';
import { planOfPath } from '../plans/plan.repository';
import { statementView } from './statement-views';
import { insertStatement } from './statement.repository';

/** A statement or coaching summary asked for, about a measure or the plan, by a due date. */
@Injectable()
export class StatementRequestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly config: ActivationPlansConfig,
  ) {}

  async request(
    principal: Principal,
    request: { pathId: string; command: RequestStatementCommand },
  ) {
    const { pathId, command } = request;
    const today = finnishDateOf(new Date());
    if (command.dueDate !== undefined && command.dueDate < today) {
      throw new CommandValidationError(`dueDate: ${command.dueDate} is before today (${today})`);
    }
    const dueDate =
      command.dueDate ?? addBusinessDays(today, this.config.STATEMENT_DUE_BUSINESS_DAYS);
    return retriedTransaction(this.dataSource, async (em) => {
      const { basis } = await checkPathAccess(em, { principal, pathId, dataClass: 'PATH' });
      assertPathStillOpen(await lockedPathStageFacts(em, pathId), 'ask for a statement');
      const about = await statementSubject(em, { pathId, measureId: command.measureId });
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
}

/** What the statement is about: the named measure of this path, or else the path's plan. */
async function statementSubject(
  em: EntityManager,
  subject: { pathId: string; measureId: string | undefined },
): Promise<{ measureId: string } | { planId: string }> {
  const { pathId, measureId } = subject;
  if (measureId !== undefined) {
    if ((await measureOfPathForUpdate(em, { pathId, measureId })) === undefined) {
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
