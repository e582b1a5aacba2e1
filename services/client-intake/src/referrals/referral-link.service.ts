import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import { ForbiddenCommandError, NotFoundError } from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { IntakePathFacts } from '../access/intake-path-facts';
import { isCurrentOwner } from '../clients/path-owner-rule';
import { heldPathOfReferral, insertReferralLink } from './referral-link.repository';
import { markTaskDone, openLinkTaskForUpdate } from './referrer-task.repository';

/**
 * The owner's decision on a referral another organisation made of its client: linking joins the
 * referral to the open path, so its referrer becomes a referrer of the path and its receiver a
 * party, as if the referral had been made on it. Nothing else ever joins them (docs/auth.md).
 */
@Injectable()
export class ReferralLinkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facts: IntakePathFacts,
  ) {}

  async link(principal: Principal, request: { pathId: string; referralId: string }) {
    const { pathId, referralId } = request;
    return this.dataSource.transaction(async (em) => {
      const { facts } = await this.facts.assertAccess(principal, pathId, 'PATH', em);
      if (!isCurrentOwner(facts, principal.orgId)) {
        throw new ForbiddenCommandError('only the path’s owner links a referral to it');
      }
      // The owner's own task names the referral: an owner cannot pull in any referral it likes.
      const task = await openLinkTaskForUpdate(em, {
        pathId,
        referralId,
        ownerOrgId: principal.orgId,
      });
      const heldPathId = task && (await heldPathOfReferral(em, referralId));
      if (task === undefined || heldPathId === undefined) {
        throw new NotFoundError('no referral waits to be linked to this path');
      }
      const link = await insertReferralLink(em, {
        id: randomUUID(),
        pathId,
        heldPathId,
        referralId,
        linkedByOrgId: principal.orgId,
        linkedByUser: principal.userId,
      });
      await markTaskDone(em, task.id);
      return {
        linkId: link.id,
        pathId: link.path_id,
        referralId: link.referral_id,
        basis: link.basis,
        linkedAt: link.linked_at.toISOString(),
      };
    });
  }
}
