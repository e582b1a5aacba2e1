import { Injectable } from '@nestjs/common';
import { PLAN_REVIEW_DUE_V1, PLAN_REVIEW_OVERDUE_V1 } from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { ACTIVATION_PLAN_LEGAL_BASIS, clientRefOfPath } from '@polku/path-access';
import type { FiringTimer } from '@polku/timers';
import type { EntityManager } from 'typeorm';
import { ReviewTimers, type ReviewTimerPayload } from './review-timers';
import { PLAN_REVIEW_TIMER_EMITTER } from './system-emitter';

function reviewOf(timer: FiringTimer): ReviewTimerPayload {
  const { planId, pathId, reviewDate } = timer.payload;
  if (typeof planId !== 'string' || typeof pathId !== 'string' || typeof reviewDate !== 'string') {
    // Thrown, so the timer stays SCHEDULED and shows in the poller's backlog as failing.
    throw new Error(`review timer ${timer.key} has no planId, pathId and reviewDate`);
  }
  return { planId, pathId, reviewDate };
}

/**
 * What the plan-review timers do when they fire, in the poller's transaction: the reminder is an
 * outbox row that commits with the FIRED mark, and the due reminder sets the overdue timer.
 * The timer is the emitter (orgRole SYSTEM) and the plan's law is the basis: the reminder goes
 * to the plan's parties, which the statutory parties see by law.
 */
@Injectable()
export class PlanReviewTimerHandlers {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly reviewTimers: ReviewTimers,
  ) {}

  async onDue(em: EntityManager, timer: FiringTimer): Promise<void> {
    const review = reviewOf(timer);
    if (!(await this.isCurrentReview(em, review))) {
      return;
    }
    await this.outbox.append(em, PLAN_REVIEW_DUE_V1.subject, {
      ...(await this.envelope(em, review)),
      data: { planId: review.planId, dueDate: review.reviewDate },
    });
    await this.reviewTimers.scheduleOverdue(em, { review, dueAt: timer.dueAt });
  }

  async onOverdue(em: EntityManager, timer: FiringTimer): Promise<void> {
    const review = reviewOf(timer);
    if (!(await this.isCurrentReview(em, review))) {
      return;
    }
    await this.outbox.append(em, PLAN_REVIEW_OVERDUE_V1.subject, {
      ...(await this.envelope(em, review)),
      data: { planId: review.planId, dueDate: review.reviewDate },
    });
  }

  // A revision that moves the date cancels the old date's timers in its own transaction; this
  // guards against a timer that was claimed just before, so no reminder names a stale date.
  private async isCurrentReview(em: EntityManager, review: ReviewTimerPayload): Promise<boolean> {
    const [row] = await em.query<unknown[]>(
      `SELECT 1 FROM activation_plan WHERE id = $1 AND review_date = $2`,
      [review.planId, review.reviewDate],
    );
    return row !== undefined;
  }

  private async envelope(em: EntityManager, review: ReviewTimerPayload) {
    return {
      pathId: review.pathId,
      clientRef: await clientRefOfPath(em, review.pathId),
      emitter: PLAN_REVIEW_TIMER_EMITTER,
      correlationId: review.planId,
      legalBasis: ACTIVATION_PLAN_LEGAL_BASIS,
    };
  }
}
