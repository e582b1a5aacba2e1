import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal } from '@polku/auth';
import { callerEnvelope, checkPathAccess } from '@polku/path-access';
import { STATEMENT_ISSUED_V1 } from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { PreconditionFailedError, retriedTransaction } from '@polku/persistence';
import { clientRefOfPath } from '@polku/path-access';
import { CommandConflictError, NotFoundError } from '@polku/service-runtime';
import { finnishDateOf } from '@polku/timers';
import { DataSource } from 'typeorm';
import { assertPathStillOpen } from '../path-stage/path-state-rules';
import { lockedPathStageFacts } from '../path-stage/path-stage.repository';
import { statementView } from './statement-views';
import { markStatementIssued, statementOfPathForUpdate } from './statement.repository';

/** A requested statement marked delivered, once, at the version the caller read (If-Match). */
@Injectable()
export class StatementIssueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async issue(
    principal: Principal,
    request: { pathId: string; statementId: string; expectedVersion: number },
  ) {
    const { pathId, statementId, expectedVersion } = request;
    return retriedTransaction(this.dataSource, async (em) => {
      const { basis } = await checkPathAccess(em, { principal, pathId, dataClass: 'PATH' });
      const facts = await lockedPathStageFacts(em, pathId);
      const statement = await statementOfPathForUpdate(em, { pathId, statementId });
      if (statement === undefined) {
        throw new NotFoundError('no such statement');
      }
      // Compared under the lock: the version the caller read (If-Match) is still the current one.
      if (statement.version !== expectedVersion) {
        throw new PreconditionFailedError(expectedVersion, statement.version);
      }
      assertPathStillOpen(facts, 'issue the statement');
      if (statement.issued_at !== null) {
        throw new CommandConflictError('the statement has already been issued');
      }
      const issuedAt = new Date();
      const issued = await markStatementIssued(em, {
        statementId,
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
}
