import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ClientIntakeConfig } from '@polku/config';
import { DataSource, type EntityManager } from 'typeorm';
import { findAnotherPathDueDate } from './referrer-task-rules';
import { insertFindAnotherPathTask, openTasksOfOrganisation } from './referrer-task.repository';

/**
 * The referrer's tasks: a declined referral never goes into the void, the referrer owns
 * finding another path by a due date (DECLINED_REFERRAL_TASK_BUSINESS_DAYS).
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
    const dueDate = findAnotherPathDueDate({
      declinedAt: new Date(),
      businessDays: this.config.DECLINED_REFERRAL_TASK_BUSINESS_DAYS,
    });
    await insertFindAnotherPathTask(em, {
      id: randomUUID(),
      pathId: declined.pathId,
      referralId: declined.referralId,
      ownerOrgId: declined.referrerOrgId,
      dueDate,
    });
    return dueDate;
  }

  async openTasksOf(orgId: string) {
    const rows = await openTasksOfOrganisation(this.dataSource.manager, orgId);
    return {
      items: rows.map((row) => ({
        taskId: row.id,
        pathId: row.path_id,
        referralId: row.referral_id,
        kind: row.kind,
        dueDate: row.due_date,
        status: row.status,
      })),
    };
  }
}
