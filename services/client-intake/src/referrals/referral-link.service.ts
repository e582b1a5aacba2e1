import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import { REFERRAL_LINKED_V1 } from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { callerEnvelope } from '@polku/path-access';
import { retriedTransaction } from '@polku/persistence';
import { ForbiddenCommandError, NotFoundError } from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { IntakePathFacts } from '../access/intake-path-facts';
import { clientRefOfPath } from '../clients/client-path.repository';
import { isCurrentOwner } from '../clients/path-owner-rule';
import { heldReferral, insertReferralLink } from './referral-link.repository';
import { markTaskDone, openLinkTaskForUpdate } from './referrer-task.repository';

/**
 * The owner's decision on a referral another organisation made of its client: linking joins the
 * referral to the open path, so its referrer becomes a referrer of the path and its receiver a
 * party, as if the referral had been made on it. Nothing else ever joins them (docs/auth.md).
 * The ReferralLinked event, written with the link, tells the other services' access projections.
 */
@Injectable()
export class ReferralLinkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly facts: IntakePathFacts,
  ) {}

  async link(principal: Principal, request: { pathId: string; referralId: string }) {
    const { pathId, referralId } = request;
    return retriedTransaction(this.dataSource, async (em) => {
      const { facts, basis } = await this.facts.assertAccess(principal, pathId, 'PATH', em);
      if (!isCurrentOwner(facts, principal.orgId)) {
        throw new ForbiddenCommandError('only the path’s owner links a referral to it');
      }
      // The owner's own task names the referral: an owner cannot pull in any referral it likes.
      const task = await openLinkTaskForUpdate(em, {
        pathId,
        referralId,
        ownerOrgId: principal.orgId,
      });
      const held = task && (await heldReferral(em, referralId));
      if (task === undefined || held === undefined) {
        throw new NotFoundError('no referral waits to be linked to this path');
      }
      const link = await insertReferralLink(em, {
        id: randomUUID(),
        pathId,
        heldPathId: held.heldPathId,
        referralId,
        linkedByOrgId: principal.orgId,
        linkedByUser: principal.userId,
      });
      await markTaskDone(em, task.id);
      // On the basis the owner sees the open path on; the event names no identity.
      await this.outbox.append(em, REFERRAL_LINKED_V1.subject, {
        ...callerEnvelope({
          pathId,
          clientRef: await clientRefOfPath(em, pathId),
          principal,
          basis,
          correlationId: referralId,
        }),
        data: {
          referralId,
          heldPathId: held.heldPathId,
          fromOrgId: held.fromOrgId,
          toOrgId: held.toOrgId,
          basis: link.basis,
        },
      });
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
