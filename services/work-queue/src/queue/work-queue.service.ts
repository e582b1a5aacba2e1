import { Injectable } from '@nestjs/common';
import type { Principal } from '@polku/auth';
import {
  pageFromRows,
  type ListWorkQueueQuery,
  type WorkQueuePage,
  type WorkQueueScope,
} from '@polku/contracts';
import { retriedTransaction } from '@polku/persistence';
import { NotFoundError, type ServicePage } from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { finnishToday, QUEUE_SORT, scopesOf } from './queue-rules';
import { workItemView, workQueueCounts } from './work-item-view';
import { markRead, queueCounts, queuePage, visibleItemIds } from './work-queue.repository';

/** Reads a work queue and marks its items read (docs/work-queue.md). */
@Injectable()
export class WorkQueueService {
  constructor(private readonly dataSource: DataSource) {}

  /** One page of the caller's queue in the scope, with the counts over all its pages. */
  async list(
    principal: Principal,
    query: { scope: WorkQueueScope; filters: ListWorkQueueQuery; page: ServicePage },
  ): Promise<WorkQueuePage> {
    const today = finnishToday();
    // One snapshot for the page and its counts, so that they agree.
    return retriedTransaction(
      this.dataSource,
      async (em) => {
        const rows = await queuePage(em, { principal, ...query, today });
        const counts = await queueCounts(em, { principal, ...query, today });
        const page = pageFromRows({
          rows,
          limit: query.page.limit,
          positionOf: (row) => ({ key: row.sort_key, id: row.item_id }),
          toItem: (row) => workItemView(row, today),
          sort: QUEUE_SORT,
        });
        return { ...page, counts: workQueueCounts(counts) };
      },
      { isolation: 'REPEATABLE READ' },
    );
  }

  /**
   * Marks items read for the caller. Every item must be open in one of the caller's queues; an
   * item they cannot see is refused as not found (404), and then none is marked.
   */
  async markRead(principal: Principal, itemIds: readonly string[]): Promise<void> {
    await retriedTransaction(this.dataSource, async (em) => {
      const visible = await visibleItemIds(em, principal, scopesOf(principal), itemIds);
      if (itemIds.some((itemId) => !visible.has(itemId))) {
        throw new NotFoundError('no such work-queue item');
      }
      await markRead(em, principal.userId, itemIds);
    });
  }
}
