import { callerEnvelope, checkPathAccess } from '@polku/path-access';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import { ActivationPlansConfig } from '@polku/config';
import { ACTIVATION_PLAN_REVISED_V1, type RevisePlanCommand } from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { recordPlanParties } from '@polku/path-access';
import { PreconditionFailedError, retriedTransaction, versionedUpdate } from '@polku/persistence';
import { CommandValidationError, NotFoundError, RuleViolationError } from '@polku/service-runtime';
import { finnishDateOf } from '@polku/timers';
import { DataSource, type EntityManager } from 'typeorm';
import { assertPathStillOpen } from '../path-stage/path-state-rules';
import { lockedPathStageFacts } from '../path-stage/path-stage.repository';
import { clientRefOfPath } from '@polku/path-access';
import { pathHasPausedMeasure } from '../measures/measure.repository';
import { ReviewTimers } from '../reviews/review-timers';
import {
  assertPlanContentRules,
  planContentOf,
  type PlanContent,
  type PlanPartyEntry,
} from './plan-content';
import { diffPlanContent, goalsSetAnew } from './plan-diff';
import { appendGoalSetEvents } from './plan-events';
import { assertCallerTakesPart } from './plan-parties-rule';
import { planView } from './plan-views';
import {
  insertPlanVersion,
  latestGoalProgress,
  planOfPathForUpdate,
  planVersion,
  saveGoals,
  type PlanRow,
} from './plan.repository';
import { reviewTimersAreReplaced, revisedReviewDate } from './review-date';

/**
 * The next version of a plan, whole: what changed is worked out here, never taken from the
 * caller, and a revision that changes nothing is refused.
 */
@Injectable()
export class PlanRevisionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly reviewTimers: ReviewTimers,
    private readonly config: ActivationPlansConfig,
  ) {}

  async revise(
    principal: Principal,
    request: {
      pathId: string;
      expectedVersion: number;
      command: RevisePlanCommand;
      /** The command's parties in their registry roles (plan-party-roles.ts). */
      parties: readonly PlanPartyEntry[];
    },
  ) {
    const { pathId, expectedVersion, command, parties } = request;
    assertPlanContentRules(command);
    return retriedTransaction(this.dataSource, async (em) => {
      const { basis } = await checkPathAccess(em, { principal, pathId, dataClass: 'PLAN' });
      const facts = await lockedPathStageFacts(em, pathId);
      const plan = await this.currentPlan(em, { pathId, expectedVersion });
      assertPathStillOpen(facts, 'revise the plan');
      const current = (await planVersion(em, { planId: plan.id, version: plan.version })).content;
      assertKeptGoalsExist({ command, current, version: plan.version });
      assertCallerTakesPart({
        principal,
        parties,
        currentParties: current.parties,
        action: 'revise',
      });
      const reviewDate = revisedReviewDate({
        current: plan.review_date,
        requested: command.reviewDate,
        reasonCategory: command.reasonCategory,
        today: finnishDateOf(new Date()),
        intervalMonths: this.config.PLAN_REVIEW_INTERVAL_MONTHS,
      });
      const next = planContentOf(command, { reviewDate, parties });
      const { changed } = diffPlanContent(current, next);
      if (changed.length === 0) {
        throw new RuleViolationError('the revision changes nothing', [
          {
            rule: 'NOTHING_CHANGED',
            field: '',
            message:
              'This revision has the same parties, client agreement, linked plans, goals and review date as the current version; there is nothing to record.',
            legalSource: null,
          },
        ]);
      }
      const version = plan.version + 1;
      const at = new Date();
      // The lock above already serialises revisions; versionedUpdate keeps the check explicit.
      await versionedUpdate(em, {
        table: 'activation_plan',
        id: plan.id,
        expectedVersion,
        set: { review_date: reviewDate, updated_at: at },
      });
      await insertPlanVersion(em, {
        planId: plan.id,
        version,
        content: next,
        changed,
        reasonCategory: command.reasonCategory,
        note: command.note ?? null,
        userId: principal.userId,
        orgId: principal.orgId,
      });
      const setAnew = goalsSetAnew(current.goals, next.goals);
      await saveGoals(em, {
        planId: plan.id,
        version,
        setAnew,
        previous: current.goals,
        next: next.goals,
      });
      const partiesChanged = changed.includes('PARTIES');
      if (partiesChanged) {
        await recordPlanParties(em, {
          planId: plan.id,
          pathId,
          planVersion: version,
          parties: next.parties,
          at,
        });
      }
      const envelope = callerEnvelope({
        pathId,
        clientRef: await clientRefOfPath(em, pathId),
        principal,
        basis,
        correlationId: plan.id,
      });
      await this.outbox.append(em, ACTIVATION_PLAN_REVISED_V1.subject, {
        ...envelope,
        occurredAt: at,
        data: {
          planId: plan.id,
          planVersion: version,
          changed,
          reasonCategory: command.reasonCategory,
          reviewDate,
          // The contract wants the parties exactly when `changed` names PARTIES.
          ...(partiesChanged ? { parties: next.parties.map((party) => ({ ...party })) } : {}),
        },
      });
      await appendGoalSetEvents(em, {
        outbox: this.outbox,
        envelope,
        planId: plan.id,
        goals: setAnew,
        occurredAt: at,
      });
      const dates = { current: plan.review_date, next: reviewDate };
      if (reviewTimersAreReplaced({ ...dates, reasonCategory: command.reasonCategory })) {
        await this.reviewTimers.cancel(em, { planId: plan.id, reviewDate: plan.review_date });
        await this.reviewTimers.scheduleDue(em, { planId: plan.id, pathId, reviewDate });
        // A new timer of a path whose measure is paused starts suspended, like the old one was.
        if (await pathHasPausedMeasure(em, pathId)) {
          await this.reviewTimers.suspend(em, { planId: plan.id, reviewDate, at });
        }
      }
      const revised: PlanRow = { ...plan, version, review_date: reviewDate, updated_at: at };
      return planView({
        plan: revised,
        content: next,
        progress: await latestGoalProgress(em, plan.id),
      });
    });
  }

  /** The path's plan, locked, at the version the caller read. */
  private async currentPlan(
    em: EntityManager,
    { pathId, expectedVersion }: { pathId: string; expectedVersion: number },
  ): Promise<PlanRow> {
    const plan = await planOfPathForUpdate(em, pathId);
    if (plan === undefined) {
      throw new NotFoundError('the path has no activation plan');
    }
    if (plan.version !== expectedVersion) {
      throw new PreconditionFailedError(expectedVersion, plan.version);
    }
    return plan;
  }
}

/** A goal the revision keeps by its id must be a goal of the current version. */
function assertKeptGoalsExist({
  command,
  current,
  version,
}: {
  command: RevisePlanCommand;
  current: PlanContent;
  version: number;
}): void {
  const goalIds = new Set(current.goals.map((goal) => goal.goalId));
  for (const goal of command.goals) {
    if (goal.goalId !== undefined && !goalIds.has(goal.goalId)) {
      throw new CommandValidationError(
        `goals: ${goal.goalId} is not a goal of version ${version}; leave goalId out for a new goal`,
      );
    }
  }
}
