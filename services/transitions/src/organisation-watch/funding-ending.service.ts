import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import { TransitionsConfig } from '@polku/config';
import { retriedTransaction } from '@polku/persistence';
import { CommandValidationError } from '@polku/service-runtime';
import type { IsoDate } from '@polku/timers';
import { DataSource } from 'typeorm';
import { PathEngine } from '../path-engine/path.engine';
import { openPathIdsOf } from '../path-engine/path.repository';
import { callerOf } from '../paths/caller';
import { employmentAuthorityOf } from './fallback-owner.repository';
import { fundingEndingDecision } from './funding-ending-decision';

/**
 * A provider's funding ends (docs/domain.md §10.3 FundingEndSaga): every open path it is accountable
 * for gets the step "re-home before the funding ends", in one transaction; a path in follow-up keeps
 * its follow-ups, which move on the end date to the fallback owner unless re-homed before: the
 * path's employment authority, else FUNDING_END_FALLBACK_ORG_ID (docs/transitions.md). Paths the
 * machine refuses (still referred) are left as they are and not counted.
 */
@Injectable()
export class FundingEndingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: PathEngine,
    private readonly config: TransitionsConfig,
  ) {}

  announce(principal: Principal, endDate: IsoDate): Promise<{ affectedPaths: number }> {
    const caller = callerOf(principal);
    // The same for every path: refused once for all, instead of skipping each path quietly.
    if (endDate <= caller.at) {
      throw new CommandValidationError(`endDate ${endDate} must be after today (${caller.at})`);
    }
    return retriedTransaction(this.dataSource, async (em) => {
      let affectedPaths = 0;
      for (const pathId of await openPathIdsOf(em, principal.orgId)) {
        const fallbackOrgId =
          (await employmentAuthorityOf(em, pathId)) ??
          (this.config.FUNDING_END_FALLBACK_ORG_ID || null);
        const { input } = fundingEndingDecision(caller, {
          providerOrgId: principal.orgId,
          endDate,
          fallbackOrgId,
        });
        // The manager sees no path: the events carry each path's own basis.
        const outcome = await this.engine.decide(em, {
          pathId,
          input,
          origin: { kind: 'CALLER', principal },
        });
        if (outcome.accepted) {
          affectedPaths += 1;
        }
      }
      return { affectedPaths };
    });
  }
}
