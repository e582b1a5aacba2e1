import { Injectable } from '@nestjs/common';
import type { Principal } from '@polku/auth';
import {
  pageFromRows,
  type CaseloadPathView,
  type CaseloadScope,
  type ListCaseloadQuery,
  type Page,
} from '@polku/contracts';
import { NotFoundError, type ServicePage } from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { finnishToday } from '../queue/queue-rules';
import { CASELOAD_SORT } from './caseload-rules';
import { caseloadPage, caseloadPath } from './caseload.repository';
import { caseloadPathView } from './caseload-view';

/** Reads caseloads: the paths an organisation or a worker is responsible for. */
@Injectable()
export class CaseloadService {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    principal: Principal,
    query: { scope: CaseloadScope; filters: ListCaseloadQuery; page: ServicePage },
  ): Promise<Page<CaseloadPathView>> {
    const today = finnishToday();
    const rows = await caseloadPage(this.dataSource.manager, { principal, ...query, today });
    return pageFromRows({
      rows,
      limit: query.page.limit,
      positionOf: (row) => ({ key: row.sort_key, id: row.path_id }),
      toItem: (row) => caseloadPathView(row, today),
      sort: CASELOAD_SORT,
    });
  }

  /** One path of the caller's organisation; another's, or one it does not know, is not found. */
  async get(principal: Principal, pathId: string): Promise<CaseloadPathView> {
    const row = await caseloadPath(this.dataSource.manager, principal, pathId);
    if (row === undefined) {
      throw new NotFoundError('no such path in your organisation’s caseload');
    }
    return caseloadPathView(row, finnishToday());
  }
}
