import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ClientIntakeConfig } from '@polku/config';
import { pageFromRows } from '@polku/contracts';
import type { ServicePage } from '@polku/service-runtime';
import { DataSource, type EntityManager } from 'typeorm';
import { findAnotherPathDueDate } from './referrer-task-rules';
import {
  completeFindAnotherPathTasks,
  insertReferrerTask,
  OPEN_TASKS_SORT,
  openTaskPageOfOrganisation,
  type ReferrerTaskKind,
} from './referrer-task.repository';

/**
 * The referrer's tasks: a declined referral never goes into the void, the referrer owns
 * finding another path by a due date (FIND_NEW_SERVICE_BUSINESS_DAYS, the deadline transitions
 * gives the path's FIND_NEW_SERVICE step), until it acts (docs/intake.md).
 */
@Injectable()
export class ReferrerTaskService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ClientIntakeConfig,
  ) {}

  /** Gives the referrer of a declined referral its task; answers the task's due date. */
  async openFindAnotherPath(
    em: EntityManager,
    declined: {
      readonly pathId: string;
      readonly referralId: string;
      readonly referrerOrgId: string;
    },
  ): Promise<string> {
    return this.open(em, {
      kind: 'FIND_ANOTHER_PATH',
      pathId: declined.pathId,
      referralId: declined.referralId,
      ownerOrgId: declined.referrerOrgId,
    });
  }

  /**
   * Tells the owner of the client's open path that another organisation referred the client:
   * the owner decides whether to link the referral to its path (docs/auth.md). Answers the due
   * date, which follows the same policy as a declined referral's.
   */
  async openLinkReferral(
    em: EntityManager,
    held: { readonly pathId: string; readonly referralId: string; readonly ownerOrgId: string },
  ): Promise<string> {
    return this.open(em, { kind: 'LINK_REFERRAL', ...held });
  }

  /**
   * The referrer referred the client again: the referral lands on the path whose referral was
   * declined (its own path, or the path its earlier referral was held on), so that is the
   * referrer acting on its task. Another organisation's referral never lands there.
   */
  async referrerReferredAgain(
    em: EntityManager,
    referral: { readonly pathId: string; readonly fromOrgId: string },
  ): Promise<void> {
    await completeFindAnotherPathTasks(em, {
      pathId: referral.pathId,
      ownerOrgId: referral.fromOrgId,
    });
  }

  private async open(
    em: EntityManager,
    task: {
      readonly kind: ReferrerTaskKind;
      readonly pathId: string;
      readonly referralId: string;
      readonly ownerOrgId: string;
    },
  ): Promise<string> {
    const dueDate = findAnotherPathDueDate({
      declinedAt: new Date(),
      businessDays: this.config.FIND_NEW_SERVICE_BUSINESS_DAYS,
    });
    await insertReferrerTask(em, { id: randomUUID(), ...task, dueDate });
    return dueDate;
  }

  /** One page of the organisation's open tasks, soonest due first. */
  async openTasksOf(orgId: string, page: ServicePage) {
    const rows = await openTaskPageOfOrganisation(this.dataSource.manager, { orgId, ...page });
    return pageFromRows({
      rows,
      limit: page.limit,
      positionOf: (row) => ({ key: row.due_date, id: row.id }),
      toItem: (row) => ({
        taskId: row.id,
        pathId: row.path_id,
        referralId: row.referral_id,
        kind: row.kind,
        dueDate: row.due_date,
        status: row.status,
      }),
      sort: OPEN_TASKS_SORT,
    });
  }
}
