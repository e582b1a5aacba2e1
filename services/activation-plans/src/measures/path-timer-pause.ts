import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { planOfPath } from '../plans/plan.repository';
import { ReviewTimers } from '../reviews/review-timers';
import { pathHasPausedMeasure } from './measure.repository';

interface PathAt {
  pathId: string;
  at: Date;
}

/**
 * The path's timers are suspended while a measure is paused (docs/domain.md §4.7): the plan's
 * review timers stop with the first paused measure and run again when none is paused any more.
 */
@Injectable()
export class PathTimerPause {
  constructor(private readonly reviewTimers: ReviewTimers) {}

  async suspend(em: EntityManager, { pathId, at }: PathAt): Promise<void> {
    const plan = await planOfPath(em, pathId);
    if (plan !== undefined) {
      await this.reviewTimers.suspend(em, { planId: plan.id, reviewDate: plan.review_date, at });
    }
  }

  /** Resumes the timers unless another measure of the path is still paused. */
  async resumeUnlessPaused(em: EntityManager, { pathId, at }: PathAt): Promise<void> {
    if (await pathHasPausedMeasure(em, pathId)) {
      return;
    }
    const plan = await planOfPath(em, pathId);
    if (plan !== undefined) {
      await this.reviewTimers.resume(em, { planId: plan.id, reviewDate: plan.review_date, at });
    }
  }
}
