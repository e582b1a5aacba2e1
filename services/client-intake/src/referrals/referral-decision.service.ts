import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal } from '@polku/auth';
import { callerEnvelope, type AccessBasis } from '@polku/path-access';
import {
  REFERRAL_ACCEPTED_V1,
  REFERRAL_DECLINED_V1,
  type AcceptReferralCommand,
  type DeclineReferralCommand,
} from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { retriedTransaction } from '@polku/persistence';
import { NotFoundError } from '@polku/service-runtime';
import { DataSource, type EntityManager } from 'typeorm';
import { IntakePathFacts } from '../access/intake-path-facts';
import { clientRefOfPath } from '../clients/client-path.repository';
import { assertReferralAnswerable } from '../path-order/path-order-rules';
import { lockedPathStage } from '../path-order/path-stage.repository';
import { referralView } from './referral-views';
import { assertReceiverMayAnswer } from './referral-rules';
import {
  markReferralAccepted,
  markReferralDeclined,
  referralOfPathForUpdate,
  type ReferralRow,
} from './referral.repository';
import { ReferrerTaskService } from './referrer-task.service';

/** Which referral the receiver answers, on which path, at which version. */
export interface ReferralAnswer<T> {
  readonly pathId: string;
  readonly referralId: string;
  readonly expectedVersion: number;
  readonly command: T;
}

/**
 * The receiver's answer to a referral. A declined referral returns to the referrer as an owned
 * task with a due date.
 */
@Injectable()
export class ReferralDecisionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly facts: IntakePathFacts,
    private readonly tasks: ReferrerTaskService,
  ) {}

  async accept(principal: Principal, answer: ReferralAnswer<AcceptReferralCommand>) {
    const { command } = answer;
    return retriedTransaction(this.dataSource, async (em) => {
      const { referral, basis } = await this.pendingReferralForReceiver(em, principal, answer);
      const updated = await markReferralAccepted(em, {
        referralId: referral.id,
        expectedStart: command.expectedStart,
      });
      await this.outbox.append(em, REFERRAL_ACCEPTED_V1.subject, {
        ...(await this.decisionEnvelope(em, { referral, basis, principal })),
        data: {
          referralId: referral.id,
          acceptedByOrgId: principal.orgId,
          expectedStart: command.expectedStart,
        },
      });
      return referralView(updated);
    });
  }

  async decline(principal: Principal, answer: ReferralAnswer<DeclineReferralCommand>) {
    const { command } = answer;
    return retriedTransaction(this.dataSource, async (em) => {
      const { referral, basis } = await this.pendingReferralForReceiver(em, principal, answer);
      const updated = await markReferralDeclined(em, {
        referralId: referral.id,
        reasonCategory: command.reasonCategory,
        alternativeSuggested: command.alternativeSuggested ?? null,
      });
      const dueDate = await this.tasks.openFindAnotherPath(em, {
        pathId: referral.path_id,
        referralId: referral.id,
        referrerOrgId: referral.from_org_id,
      });
      await this.outbox.append(em, REFERRAL_DECLINED_V1.subject, {
        ...(await this.decisionEnvelope(em, { referral, basis, principal })),
        data: {
          referralId: referral.id,
          declinedByOrgId: principal.orgId,
          reasonCategory: command.reasonCategory,
          ...(command.alternativeSuggested
            ? { alternativeSuggested: command.alternativeSuggested }
            : {}),
          returnTaskDueDate: dueDate,
        },
      });
      return referralView(updated);
    });
  }

  /**
   * The referral, checked and locked with its path: it exists on the path, the caller is its
   * receiver, it is pending and the path waits for its answer (docs/path-rules.md); with the basis the receiver sees the path on (the client's consent or the
   * referrer's law).
   */
  private async pendingReferralForReceiver(
    em: EntityManager,
    principal: Principal,
    answer: ReferralAnswer<unknown>,
  ): Promise<{ referral: ReferralRow; basis: AccessBasis }> {
    const { basis } = await this.facts.assertAccess(principal, answer.pathId, 'PATH', em);
    // The path first, then the referral: the order every command that moves the path locks in.
    const stage = await lockedPathStage(em, answer.pathId);
    const referral = await referralOfPathForUpdate(em, answer);
    if (referral === undefined || stage === undefined) {
      throw new NotFoundError('no such referral');
    }
    assertReceiverMayAnswer(referral, { principal, expectedVersion: answer.expectedVersion });
    assertReferralAnswerable(stage, referral);
    return { referral, basis };
  }

  /** The envelope of the receiver's answer: on the basis the receiver sees the path on. */
  private async decisionEnvelope(
    em: EntityManager,
    answer: { referral: ReferralRow; basis: AccessBasis; principal: Principal },
  ) {
    const { referral } = answer;
    return callerEnvelope({
      pathId: referral.path_id,
      clientRef: await clientRefOfPath(em, referral.path_id),
      principal: answer.principal,
      basis: answer.basis,
      correlationId: referral.id,
    });
  }
}
