import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { emitterOf, type Principal } from '@polku/auth';
import { CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1 } from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import type { EntityManager } from 'typeorm';
import { IntakePathFacts } from '../access/intake-path-facts';
import {
  heldPathOfClientBy,
  insertOpenPath,
  lastExitedPathOfClient,
  markPathExited,
  openPathOfClient,
} from './client-path.repository';
import { assertMayReferAgain } from '../path-order/path-order-rules';
import { completeFindAnotherPathTasks } from '../referrals/referrer-task.repository';
import { lockedPathStage } from '../path-order/path-stage.repository';
import { heldPath, joinedPath, newPathAfter, type PathEntry } from './path-entry-rules';
import { currentOwnerOf } from './path-owner-rule';

/**
 * A client's paths: a referral joins the open one or opens the next; a path ends when
 * transitions says the client left, so the next referral is a return.
 */
@Injectable()
export class ClientPathService {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly facts: IntakePathFacts,
  ) {}

  /**
   * The path a referral joins: the client's open path when the referrer owns it; or, for a
   * client who left polku, a new path linked to the previous one, announced as a return; or a
   * first path. When another organisation owns the open path, the referral never joins it: it
   * is held on a path of the referrer's own (the referrer's earlier held one, or a new one), and
   * `heldFrom` names the open path and its owner, who decides (docs/auth.md). The opening
   * organisation owns a new path; `legalBasis` is the referrer's, which the return event
   * records.
   */
  async joinOrOpen(
    em: EntityManager,
    entry: {
      readonly clientId: string;
      readonly principal: Principal;
      readonly legalBasis: string;
    },
  ): Promise<PathEntry> {
    const open = await openPathOfClient(em, entry.clientId);
    if (open) {
      const owner = currentOwnerOf(await this.facts.factsFor(open.id, em)) ?? open.owner_org_id;
      if (owner === entry.principal.orgId) {
        await this.assertMayReferAgain(em, open.id);
        return joinedPath(open);
      }
      return this.holdApart(em, entry, { pathId: open.id, ownerOrgId: owner });
    }
    const path = newPathAfter(randomUUID(), await lastExitedPathOfClient(em, entry.clientId));
    await insertOpenPath(em, {
      id: path.id,
      clientId: entry.clientId,
      ownerOrgId: entry.principal.orgId,
      previousPathId: path.previousPathId,
      loopCount: path.loopCount,
    });
    if (path.previousPathId !== null) {
      await this.outbox.append(em, CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1.subject, {
        pathId: path.id,
        clientRef: entry.clientId,
        emitter: emitterOf(entry.principal),
        legalBasis: entry.legalBasis,
        data: {
          previousPathId: path.previousPathId,
          monthsSinceExit: path.monthsSinceExit,
          loopCount: path.loopCount,
        },
      });
    }
    return path;
  }

  /** The referrer's own path for a referral held apart from the client's open path. */
  private async holdApart(
    em: EntityManager,
    entry: { readonly clientId: string; readonly principal: Principal },
    heldFrom: { readonly pathId: string; readonly ownerOrgId: string },
  ): Promise<PathEntry> {
    const ownerOrgId = entry.principal.orgId;
    const earlier = await heldPathOfClientBy(em, { clientId: entry.clientId, ownerOrgId });
    if (earlier) {
      await this.assertMayReferAgain(em, earlier.id);
      return heldPath(earlier.id, heldFrom);
    }
    const path = heldPath(randomUUID(), heldFrom);
    await insertOpenPath(em, {
      id: path.id,
      clientId: entry.clientId,
      ownerOrgId,
      previousPathId: null,
      loopCount: 0,
      status: 'HELD',
    });
    return path;
  }

  /**
   * A referral joining a path the referrer already referred on is the path's next referral:
   * refused, under the path's lock, unless the path is referred with no referral waiting
   * (docs/path-rules.md, "client-intake").
   */
  private async assertMayReferAgain(em: EntityManager, pathId: string): Promise<void> {
    const stage = await lockedPathStage(em, pathId);
    if (stage !== undefined) {
      assertMayReferAgain(stage);
    }
  }

  /**
   * The client left (transitions): the next referral opens a new path linked to this one, and
   * no one has another path to find for this one any more (docs/intake.md).
   */
  async markExited(
    em: EntityManager,
    exit: { readonly pathId: string; readonly exitedAt: Date | string },
  ): Promise<void> {
    await markPathExited(em, exit);
    await completeFindAnotherPathTasks(em, { pathId: exit.pathId });
  }
}
