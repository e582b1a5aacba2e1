import { randomUUID } from 'node:crypto';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLIENT_WORK_ROLES, emitterOf, hasRole, type Principal } from '@polku/auth';
import {
  BASIC_NEED_ISSUE_FLAGGED_V1,
  BASIC_NEED_RESOLVED_V1,
  BASICS_CHECKLIST_ITEMS,
  CHECKLIST_ITEM_OF_BASIC_NEED_ISSUE_KIND,
  CompleteIntakeCommand,
  INTAKE_COMMANDS,
  INTAKE_COMPLETED_V1,
  PARALLEL_SERVICE_REFERRED_V1,
  ReferParallelServiceCommand,
  ResolveBasicNeedCommand,
  type PathScoped,
} from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { envelopeBasisOf } from '@polku/path-access';
import {
  CommandConflictError,
  CommandValidationError,
  ForbiddenCommandError,
  NotFoundError,
  RequestPrincipal,
  validateCommand,
} from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { IntakePathFacts } from '../access/intake-path-facts';
import { ClientRegistry } from '../clients/client-registry';
import { OrganisationDirectory } from '../organisations/organisation-directory';

interface ActionItemRow {
  id: string;
  issue_id: string;
  kind: string;
  owner_org_id: string;
  due_date: string | null;
  status: string;
  resolution: string | null;
}

const actionItemView = (row: ActionItemRow) => ({
  actionItemId: row.id,
  issueId: row.issue_id,
  kind: row.kind,
  ownerOrgId: row.owner_org_id,
  dueDate: row.due_date,
  status: row.status,
  resolution: row.resolution,
});

/**
 * The intake assessment: the entry situation in coded categories and the "basics in order"
 * checklist. Its data class is HEALTH_FLAG (the health flag and the treatment item), so only an
 * organisation the client's consent covers for HEALTH_FLAG records or reads it. Every open item
 * becomes an action item with an owning organisation.
 */
@Controller()
export class IntakeHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly facts: IntakePathFacts,
    private readonly clients: ClientRegistry,
    private readonly organisations: OrganisationDirectory,
  ) {}

  @MessagePattern(INTAKE_COMMANDS.completeIntake)
  async complete(
    @Payload() request: PathScoped<unknown>,
    @RequestPrincipal() principal: Principal,
  ) {
    const command = validateCommand(CompleteIntakeCommand, request.body);
    for (const item of BASICS_CHECKLIST_ITEMS) {
      const open = command.basics[item] === 'OPEN';
      const covered = command.basicNeedIssues.some(
        (issue) => CHECKLIST_ITEM_OF_BASIC_NEED_ISSUE_KIND[issue.kind] === item,
      );
      if (open && !covered) {
        throw new CommandValidationError(
          `basicNeedIssues: the open checklist item ${item} needs an issue with an owner`,
        );
      }
    }
    return this.dataSource.transaction(async (em) => {
      // HEALTH_FLAG is covered only by the client's consent: the events record which one.
      const { basis } = await this.facts.assertAccess(principal, request.pathId, 'HEALTH_FLAG', em);
      if (!hasRole(principal, ...CLIENT_WORK_ROLES)) {
        throw new ForbiddenCommandError('only caseworkers and team leads record an intake');
      }
      for (const issue of command.basicNeedIssues) {
        if ((await this.organisations.find(issue.ownerOrgId, em)) === undefined) {
          throw new CommandValidationError('basicNeedIssues.ownerOrgId: unknown organisation');
        }
      }
      const intakeId = randomUUID();
      const { basicNeedIssues, basics, ...situation } = command;
      await em.query(
        `INSERT INTO intake_assessment (id, path_id, situation, basics, completed_by_user,
           completed_by_org_id) VALUES ($1, $2, $3, $4, $5, $6)`,
        [intakeId, request.pathId, situation, { ...basics }, principal.userId, principal.orgId],
      );
      const clientRef = await this.clients.clientRefOfPath(em, request.pathId);
      const envelopeBase = {
        pathId: request.pathId,
        clientRef,
        emitter: emitterOf(principal),
        correlationId: intakeId,
      };
      await this.outbox.append(em, INTAKE_COMPLETED_V1.subject, {
        ...envelopeBase,
        ...envelopeBasisOf(basis),
        data: { intakeId, ...situation, basics: { ...basics } },
      });
      const items = [];
      for (const issue of basicNeedIssues) {
        const issueId = randomUUID();
        const actionItemId = randomUUID();
        const [row] = await em.query<ActionItemRow[]>(
          `INSERT INTO action_item (id, path_id, issue_id, kind, owner_org_id, due_date)
           VALUES ($1, $2, $3, $4, $5, $6)
           RETURNING id, issue_id, kind, owner_org_id,
             to_char(due_date, 'YYYY-MM-DD') AS due_date, status, resolution`,
          [
            actionItemId,
            request.pathId,
            issueId,
            issue.kind,
            issue.ownerOrgId,
            issue.dueDate ?? null,
          ],
        );
        items.push(actionItemView(row));
        await this.outbox.append(em, BASIC_NEED_ISSUE_FLAGGED_V1.subject, {
          ...envelopeBase,
          ...envelopeBasisOf(basis),
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

  @MessagePattern(INTAKE_COMMANDS.resolveBasicNeed)
  async resolve(
    @Payload() request: PathScoped<unknown> & { id: string },
    @RequestPrincipal() principal: Principal,
  ) {
    const command = validateCommand(ResolveBasicNeedCommand, request.body);
    return this.dataSource.transaction(async (em) => {
      const { basis } = await this.facts.assertAccess(principal, request.pathId, 'HEALTH_FLAG', em);
      const [item] = await em.query<ActionItemRow[]>(
        `SELECT id, issue_id, kind, owner_org_id, status, resolution, NULL AS due_date
           FROM action_item WHERE id = $1 AND path_id = $2 FOR UPDATE`,
        [request.id, request.pathId],
      );
      if (item === undefined) {
        throw new NotFoundError('no such action item');
      }
      if (item.status !== 'OPEN') {
        throw new CommandConflictError('the action item is already resolved');
      }
      // TypeORM answers an UPDATE … RETURNING with [rows, affected].
      const [[row]] = await em.query<[ActionItemRow[], number]>(
        `UPDATE action_item SET status = 'RESOLVED', resolution = $2, resolved_at = now()
          WHERE id = $1 RETURNING id, issue_id, kind, owner_org_id,
            to_char(due_date, 'YYYY-MM-DD') AS due_date, status, resolution`,
        [item.id, command.resolution],
      );
      await this.outbox.append(em, BASIC_NEED_RESOLVED_V1.subject, {
        pathId: request.pathId,
        clientRef: await this.clients.clientRefOfPath(em, request.pathId),
        emitter: emitterOf(principal),
        ...envelopeBasisOf(basis),
        data: { issueId: item.issue_id, actionItemId: item.id, resolution: command.resolution },
      });
      return actionItemView(row);
    });
  }

  @MessagePattern(INTAKE_COMMANDS.referParallelService)
  async referParallelService(
    @Payload() request: PathScoped<unknown>,
    @RequestPrincipal() principal: Principal,
  ) {
    const command = validateCommand(ReferParallelServiceCommand, request.body);
    return this.dataSource.transaction(async (em) => {
      const { basis } = await this.facts.assertAccess(principal, request.pathId, 'HEALTH_FLAG', em);
      if (!hasRole(principal, ...CLIENT_WORK_ROLES)) {
        throw new ForbiddenCommandError('only caseworkers and team leads refer to services');
      }
      if (command.toOrgId && (await this.organisations.find(command.toOrgId, em)) === undefined) {
        throw new CommandValidationError('toOrgId: unknown organisation');
      }
      const referralId = randomUUID();
      await em.query(
        `INSERT INTO parallel_service_referral (id, path_id, service, to_org_id,
           referred_by_org_id) VALUES ($1, $2, $3, $4, $5)`,
        [referralId, request.pathId, command.service, command.toOrgId ?? null, principal.orgId],
      );
      await this.outbox.append(em, PARALLEL_SERVICE_REFERRED_V1.subject, {
        pathId: request.pathId,
        clientRef: await this.clients.clientRefOfPath(em, request.pathId),
        emitter: emitterOf(principal),
        ...envelopeBasisOf(basis),
        data: {
          referralId,
          service: command.service,
          ...(command.toOrgId ? { toOrgId: command.toOrgId } : {}),
        },
      });
      return { referralId, service: command.service, toOrgId: command.toOrgId ?? null };
    });
  }

  @MessagePattern(INTAKE_COMMANDS.getIntake)
  async get(@Payload() request: PathScoped<unknown>, @RequestPrincipal() principal: Principal) {
    await this.facts.assertAccess(principal, request.pathId, 'HEALTH_FLAG');
    const [assessment] = await this.dataSource.query<
      {
        id: string;
        situation: object;
        basics: object;
        completed_by_org_id: string;
        completed_at: Date;
      }[]
    >(
      `SELECT id, situation, basics, completed_by_org_id, completed_at FROM intake_assessment
        WHERE path_id = $1 ORDER BY completed_at DESC LIMIT 1`,
      [request.pathId],
    );
    const items = await this.dataSource.query<ActionItemRow[]>(
      `SELECT id, issue_id, kind, owner_org_id, to_char(due_date, 'YYYY-MM-DD') AS due_date,
              status, resolution FROM action_item WHERE path_id = $1 ORDER BY created_at, id`,
      [request.pathId],
    );
    const parallel = await this.dataSource.query<
      { id: string; service: string; to_org_id: string | null; created_at: Date }[]
    >(
      `SELECT id, service, to_org_id, created_at FROM parallel_service_referral
        WHERE path_id = $1 ORDER BY created_at, id`,
      [request.pathId],
    );
    return {
      parallelServices: parallel.map((row) => ({
        referralId: row.id,
        service: row.service,
        toOrgId: row.to_org_id,
        referredAt: row.created_at.toISOString(),
      })),
      assessment: assessment
        ? {
            intakeId: assessment.id,
            ...assessment.situation,
            basics: assessment.basics,
            completedByOrgId: assessment.completed_by_org_id,
            completedAt: assessment.completed_at.toISOString(),
          }
        : null,
      actionItems: items.map(actionItemView),
    };
  }
}
