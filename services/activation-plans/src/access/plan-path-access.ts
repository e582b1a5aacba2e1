import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decidePathAccess, type Principal } from '@polku/auth';
import type { DataClass } from '@polku/contracts';
import { checkPathAccess, type PathAccessGrant } from '@polku/path-access';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * activation-plans' own access check: the same policy as the gateway (decidePathAccess) on the
 * facts of this service's projection (referrals, consents and plan parties). Every command and
 * query is checked again here, whatever the gateway decided.
 */
@Injectable()
export class PlanPathAccess {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Throws PathNotVisibleError (404) unless the principal may see `dataClass` of the path now.
   * Pass the transaction's EntityManager so the check sees what the transaction wrote.
   */
  async assertAccess(
    principal: Principal,
    pathId: string,
    dataClass: DataClass,
    em?: EntityManager,
  ): Promise<PathAccessGrant> {
    return checkPathAccess(em ?? this.dataSource, principal, pathId, dataClass);
  }

  /** Whether the principal may also see `dataClass`, for fields shown only to some callers. */
  mayAlsoSee(principal: Principal, grant: PathAccessGrant, dataClass: DataClass): boolean {
    return decidePathAccess(principal, grant.facts, dataClass).allowed;
  }
}
