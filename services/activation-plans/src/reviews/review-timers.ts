import { Injectable } from '@nestjs/common';
import { ActivationPlansConfig } from '@polku/config';
import { startOfFinnishDay, TimerScheduler, type IsoDate } from '@polku/timers';
import type { EntityManager } from 'typeorm';
import { reviewOverdueDate } from '../plans/review-date';

export const PLAN_REVIEW_DUE = 'plan-review-due';
export const PLAN_REVIEW_OVERDUE = 'plan-review-overdue';

/** A review timer's payload: ids and the date only, as every timer row (docs/timers.md). */
export interface ReviewTimerPayload {
  readonly planId: string;
  readonly pathId: string;
  readonly reviewDate: IsoDate;
}

/** One review of a plan: the plan and its review date. */
interface Review {
  readonly planId: string;
  readonly reviewDate: IsoDate;
}

/** A review and the instant its timers stop or run again. */
interface ReviewAt extends Review {
  readonly at: Date;
}

// The review date is part of the key, so the timers of an old date and of a new one are never
// confused: a revision cancels the old date's keys and schedules the new date's.
export const reviewDueKey = (planId: string, reviewDate: IsoDate) =>
  `${PLAN_REVIEW_DUE}:${planId}:${reviewDate}`;
export const reviewOverdueKey = (planId: string, reviewDate: IsoDate) =>
  `${PLAN_REVIEW_OVERDUE}:${planId}:${reviewDate}`;

/**
 * Schedules and cancels a plan's review timers in the caller's transaction: PlanReviewDue at the
 * start of the review date (Finnish time), and, once it has fired, PlanReviewOverdue after the
 * configured grace in Finnish business days.
 */
@Injectable()
export class ReviewTimers {
  constructor(
    private readonly scheduler: TimerScheduler,
    private readonly config: ActivationPlansConfig,
  ) {}

  async scheduleDue(em: EntityManager, review: ReviewTimerPayload): Promise<void> {
    await this.scheduler.schedule(em, {
      kind: PLAN_REVIEW_DUE,
      key: reviewDueKey(review.planId, review.reviewDate),
      dueAt: startOfFinnishDay(review.reviewDate),
      payload: { ...review },
    });
  }

  /**
   * The overdue timer of a review whose due timer fired at `dueAt`: the grace after the review
   * date, moved as much later as the due timer was (by suspensions while a measure was paused).
   */
  async scheduleOverdue(
    em: EntityManager,
    { review, dueAt }: { review: ReviewTimerPayload; dueAt: Date },
  ): Promise<void> {
    const overdueOn = reviewOverdueDate(
      review.reviewDate,
      this.config.PLAN_REVIEW_GRACE_BUSINESS_DAYS,
    );
    const suspendedMs = Math.max(
      0,
      dueAt.getTime() - startOfFinnishDay(review.reviewDate).getTime(),
    );
    await this.scheduler.schedule(em, {
      kind: PLAN_REVIEW_OVERDUE,
      key: reviewOverdueKey(review.planId, review.reviewDate),
      dueAt: new Date(startOfFinnishDay(overdueOn).getTime() + suspendedMs),
      payload: { ...review },
    });
  }

  /**
   * Timers stop while a measure of the path is paused (docs/domain.md §4.7): suspending moves
   * nothing yet, resuming moves the due time later by the time suspended. Both are idempotent.
   */
  async suspend(em: EntityManager, { planId, reviewDate, at }: ReviewAt): Promise<void> {
    await this.scheduler.suspend(em, reviewDueKey(planId, reviewDate), at);
    await this.scheduler.suspend(em, reviewOverdueKey(planId, reviewDate), at);
  }

  async resume(em: EntityManager, { planId, reviewDate, at }: ReviewAt): Promise<void> {
    await this.scheduler.resume(em, reviewDueKey(planId, reviewDate), at);
    await this.scheduler.resume(em, reviewOverdueKey(planId, reviewDate), at);
  }

  /** Cancels both pending timers of a review date (either may already have fired). */
  async cancel(em: EntityManager, { planId, reviewDate }: Review): Promise<void> {
    await this.scheduler.cancel(em, reviewDueKey(planId, reviewDate));
    await this.scheduler.cancel(em, reviewOverdueKey(planId, reviewDate));
  }
}
