import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLIENT_WORK_ROLES, hasRole, type Principal } from '@polku/auth';
import { callerEnvelope } from '@polku/path-access';
import {
  BASIC_NEED_ISSUE_FLAGGED_V1,
  BASIC_NEED_RESOLVED_V1,
  INTAKE_COMPLETED_V1,
  type CompleteIntakeCommand,
  type ResolveBasicNeedCommand,
} from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { PreconditionFailedError, retriedTransaction } from '@polku/persistence';
import {
  CommandConflictError,
  CommandValidationError,
  ForbiddenCommandError,
  NotFoundError,
} from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { IntakePathFacts } from '../access/intake-path-facts';
import { clientRefOfPath } from '../clients/client-path.repository';
import { OrganisationDirectory } from '../organisations/organisation-directory';
import { assertIntakeByAccountable, assertMayRecordIntake } from '../path-order/path-order-rules';
import { lockedPathStage } from '../path-order/path-stage.repository';
import { openItemWithoutOwner } from './basics-checklist-rule';
import { actionItemView, intakeView } from './intake-views';
import {
  actionItemOfPathForUpdate,
  actionItemsOfPath,
  insertActionItem,
  insertAssessment,
  latestAssessmentOfPath,
  markActionItemResolved,
} from './intake.repository';
import { parallelServiceReferralsOfPath } from './parallel-service.repository';

/**
 * The intake assessment: the entry situation in coded categories and the "basics in order"
 * checklist. Its data class is HEALTH_FLAG (the health flag and the treatment item), so only an
 * organisation the client's consent covers for HEALTH_FLAG records or reads it. Every open item
 * becomes an action item with an owning organisation.
 */
@Injectable()
export class IntakeAssessmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly facts: IntakePathFacts,
    private readonly organisations: OrganisationDirectory,
  ) {}

  async complete(
    principal: Principal,
    request: { pathId: string; command: CompleteIntakeCommand },
  ) {
    const { pathId, command } = request;
    const uncovered = openItemWithoutOwner(command);
    if (uncovered !== undefined) {
      throw new CommandValidationError(
        `basicNeedIssues: the open checklist item ${uncovered} needs an issue with an owner`,
      );
    }
    return retriedTransaction(this.dataSource, async (em) => {
      // HEALTH_FLAG is covered only by the client's consent: the events record which one.
      const { basis } = await this.facts.assertAccess(principal, pathId, 'HEALTH_FLAG', em);
      if (!hasRole(principal, ...CLIENT_WORK_ROLES)) {
        throw new ForbiddenCommandError('only caseworkers and team leads record an intake');
      }
      // Under the path's lock: of two intakes at once, the second sees the first.
      const stage = await lockedPathStage(em, pathId);
      if (stage === undefined) {
        throw new NotFoundError('no such path');
      }
      assertMayRecordIntake(stage);
      assertIntakeByAccountable(stage, principal.orgId);
      await this.organisations.assertKnown(em, {
        orgIds: command.basicNeedIssues.map((issue) => issue.ownerOrgId),
        field: 'basicNeedIssues.ownerOrgId',
      });
      const intakeId = randomUUID();
      const { basicNeedIssues, basics, ...situation } = command;
      await insertAssessment(em, {
        id: intakeId,
        pathId,
        situation,
        basics: { ...basics },
        completedByUser: principal.userId,
        completedByOrgId: principal.orgId,
      });
      const envelope = callerEnvelope({
        pathId,
        clientRef: await clientRefOfPath(em, pathId),
        principal,
        basis,
        correlationId: intakeId,
      });
      await this.outbox.append(em, INTAKE_COMPLETED_V1.subject, {
        ...envelope,
        data: { intakeId, ...situation, basics: { ...basics } },
      });
      const items = [];
      for (const issue of basicNeedIssues) {
        const issueId = randomUUID();
        const actionItemId = randomUUID();
        const row = await insertActionItem(em, { id: actionItemId, pathId, issueId, issue });
        items.push(actionItemView(row));
        await this.outbox.append(em, BASIC_NEED_ISSUE_FLAGGED_V1.subject, {
          ...envelope,
          data: {
            issueId,
            kind: issue.kind,
            actionItemId,
            ownerOrgId: issue.ownerOrgId,
            ...(issue.dueDate ? { dueDate: issue.dueDate } : {}),
          },
        });
      }
      return { intakeId, actionItems: items };
    });
  }

  /** Resolves an open action item, only at the version the caller read (If-Match). */
  async resolve(
    principal: Principal,
    request: {
      pathId: string;
      actionItemId: string;
      expectedVersion: number;
      command: ResolveBasicNeedCommand;
    },
  ) {
    const { pathId, expectedVersion, command } = request;
    return retriedTransaction(this.dataSource, async (em) => {
      const { basis } = await this.facts.assertAccess(principal, pathId, 'HEALTH_FLAG', em);
      const item = await actionItemOfPathForUpdate(em, request);
      if (item === undefined) {
        throw new NotFoundError('no such action item');
      }
      // Compared under the lock: the version the caller read (If-Match) is still the current one.
      if (item.version !== expectedVersion) {
        throw new PreconditionFailedError(expectedVersion, item.version);
      }
      if (item.status !== 'OPEN') {
        throw new CommandConflictError('the action item is already resolved');
      }
      const row = await markActionItemResolved(em, {
        actionItemId: item.id,
        resolution: command.resolution,
      });
      await this.outbox.append(em, BASIC_NEED_RESOLVED_V1.subject, {
        ...callerEnvelope({
          pathId,
          clientRef: await clientRefOfPath(em, pathId),
          principal,
          basis,
        }),
        data: { issueId: item.issue_id, actionItemId: item.id, resolution: command.resolution },
      });
      return actionItemView(row);
    });
  }

  /** The path's latest assessment, its action items and its parallel services. */
  async intakeOf(pathId: string) {
    // One after another: pg does not queue concurrent queries on one connection.
    const em = this.dataSource.manager;
    const assessment = await latestAssessmentOfPath(em, pathId);
    const actionItems = await actionItemsOfPath(em, pathId);
    const parallelServices = await parallelServiceReferralsOfPath(em, pathId);
    return intakeView({ assessment, actionItems, parallelServices });
  }
}
