import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { emitterOf, type Principal } from '@polku/auth';
import { CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1 } from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import type { EntityManager } from 'typeorm';
import {
  insertOpenPath,
  lastExitedPathOfClient,
  markPathExited,
  openPathOfClient,
} from './client-path.repository';
import { joinedPath, newPathAfter, type PathEntry } from './path-entry-rules';

/**
 * A client's paths: a referral joins the open one or opens the next; a path ends when
 * transitions says the client left, so the next referral is a return.
 */
@Injectable()
export class ClientPathService {
  constructor(private readonly outbox: OutboxWriter) {}

  /**
   * The path a referral joins: the client's open path; or, for a client who left polku, a new
   * path linked to the previous one, announced as a return; or a first path. The opening
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
      return joinedPath(open);
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

  /** The client left (transitions): the next referral opens a new path linked to this one. */
  async markExited(
    em: EntityManager,
    exit: { readonly pathId: string; readonly exitedAt: Date | string },
  ): Promise<void> {
    await markPathExited(em, exit);
  }
}
