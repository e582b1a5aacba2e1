import {
  WORK_QUEUE_COMMANDS,
  type CaseloadPathView,
  type WorkItemView,
  type WorkQueueCounts,
} from '@polku/contracts';
import type { TestOrg } from './queue-world';
import { readAll, type WorkQueueService } from './work-queue-service';

/** Everything the projection holds of the paths (but wall-clock columns), and every view of it. */
export interface QueueSnapshot {
  readonly tables: Record<string, unknown[]>;
  readonly views: Record<string, unknown>;
}

const TABLES: Record<string, string> = {
  // Which event cleared an item first is kept; a plan review keeps the agreement seen first,
  // so the snapshot says whether it is cleared.
  work_item: `SELECT item_id, item_key, kind, path_id, signal, subject_id, underlying_key, next_step,
                level, due_date::text, lost, recipient_org_id, recipient_kind, recipient_worker_id,
                opened_at, opened_event_id, cleared_at IS NOT NULL AS cleared
                FROM work_item WHERE path_id = ANY($1) ORDER BY item_key`,
  path_card: `SELECT * FROM path_card WHERE path_id = ANY($1) ORDER BY path_id`,
  path_step: `SELECT * FROM path_step WHERE path_id = ANY($1) ORDER BY path_id, path_version`,
  path_measure: `SELECT * FROM path_measure WHERE path_id = ANY($1) ORDER BY path_id, measure_id`,
  path_party: `SELECT * FROM path_party WHERE path_id = ANY($1) ORDER BY path_id, org_id`,
  path_plan: `SELECT * FROM path_plan WHERE path_id = ANY($1) ORDER BY path_id, plan_id`,
};

/** The rows of the paths and every queue and caseload of every person of the organisations. */
export async function snapshotOf(
  service: WorkQueueService,
  orgs: Record<string, TestOrg>,
  pathIds: readonly string[],
): Promise<QueueSnapshot> {
  const tables: Record<string, unknown[]> = {};
  for (const [table, sql] of Object.entries(TABLES)) {
    tables[table] = await service.dataSource.query(sql, [[...pathIds]]);
  }
  const views: Record<string, unknown> = {};
  for (const [name, org] of Object.entries(orgs)) {
    const queues: Array<[string, typeof org.worker, string]> = [
      ['worker', org.worker, 'MINE'],
      ['otherWorker', org.otherWorker, 'MINE'],
      ['lead', org.lead, 'TEAM'],
      ['manager', org.manager, 'ORGANISATION'],
    ];
    for (const [person, principal, scope] of queues) {
      const { items } = await readAll<WorkItemView>(
        service,
        WORK_QUEUE_COMMANDS.listWorkQueue,
        principal,
        { scope },
        3,
      );
      const { counts } = await service.ask<{ counts: WorkQueueCounts }>(
        WORK_QUEUE_COMMANDS.listWorkQueue,
        principal,
        { scope, limit: 1 },
      );
      views[`${name}.${person}:${scope}`] = { items, counts };
    }
    views[`${name}.worker:caseload`] = (
      await readAll<CaseloadPathView>(service, WORK_QUEUE_COMMANDS.listCaseload, org.worker, {}, 2)
    ).items;
    views[`${name}.lead:caseload`] = (
      await readAll<CaseloadPathView>(service, WORK_QUEUE_COMMANDS.listCaseload, org.lead, {
        scope: 'ORGANISATION',
        state: ['REFERRED', 'INTAKE', 'PLANNING', 'IN_MEASURE', 'FOLLOW_UP', 'CLOSED', 'REENTERED'],
      })
    ).items;
  }
  return { tables, views };
}
