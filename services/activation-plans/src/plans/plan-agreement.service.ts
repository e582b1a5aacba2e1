import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import { ActivationPlansConfig } from '@polku/config';
import { ACTIVATION_PLAN_AGREED_V1, type AgreePlanCommand } from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import {
  callerEnvelope,
  checkPathAccess,
  clientRefOfPath,
  readPathAccessFacts,
  recordPlanParties,
} from '@polku/path-access';
import { retriedTransaction } from '@polku/persistence';
import { CommandConflictError } from '@polku/service-runtime';
import { finnishDateOf } from '@polku/timers';
import { DataSource } from 'typeorm';
import { assertMayAgreePlan } from '../path-stage/path-state-rules';
import { lockedPathStageFacts } from '../path-stage/path-stage.repository';
import { ReviewTimers } from '../reviews/review-timers';
import { assertPlanContentRules, planContentOf, type PlanPartyEntry } from './plan-content';
import { planEventBasis } from './plan-event-basis';
import { appendGoalSetEvents, linkedPlanPayload } from './plan-events';
import { assertCallerTakesPart } from './plan-parties-rule';
import { planView } from './plan-views';
import { insertPlan, insertPlanVersion, saveGoals } from './plan.repository';
import { agreedReviewDate } from './review-date';

/** Version 1 of a path's one activation plan: its parties, goals and review date. */
@Injectable()
export class PlanAgreementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly reviewTimers: ReviewTimers,
    private readonly config: ActivationPlansConfig,
  ) {}

  /** `parties`: the command's parties in their registry roles (plan-party-roles.ts). */
  async agree(
    principal: Principal,
    request: { pathId: string; command: AgreePlanCommand; parties: readonly PlanPartyEntry[] },
  ) {
    const { pathId, command, parties } = request;
    assertPlanContentRules(command);
    return retriedTransaction(this.dataSource, async (em) => {
      // PATH: the plan does not exist yet, so nobody has PLAN cover of it through its parties.
      const { basis: pathBasis } = await checkPathAccess(em, {
        principal,
        pathId,
        dataClass: 'PATH',
      });
      assertMayAgreePlan(await lockedPathStageFacts(em, pathId));
      assertCallerTakesPart({ principal, parties, action: 'agree' });
      const clientRef = await clientRefOfPath(em, pathId);
      const reviewDate = agreedReviewDate({
        requested: command.reviewDate,
        today: finnishDateOf(new Date()),
        intervalMonths: this.config.PLAN_REVIEW_INTERVAL_MONTHS,
      });
      const planId = randomUUID();
      const plan = await insertPlan(em, {
        id: planId,
        pathId,
        reviewDate,
        agreedByOrgId: principal.orgId,
      });
      if (plan === undefined) {
        throw new CommandConflictError('the path already has an activation plan: revise it');
      }
      const content = planContentOf(command, { reviewDate, parties });
      await insertPlanVersion(em, {
        planId,
        version: 1,
        content,
        changed: [],
        reasonCategory: null,
        note: null,
        userId: principal.userId,
        orgId: principal.orgId,
      });
      await saveGoals(em, {
        planId,
        version: 1,
        setAnew: content.goals,
        previous: [],
        next: content.goals,
      });
      const at = new Date();
      // In this transaction, so the plan's parties see it the moment it commits.
      await recordPlanParties(em, {
        planId,
        pathId,
        planVersion: 1,
        parties: content.parties,
        at,
      });
      const basis = planEventBasis({
        principal,
        facts: await readPathAccessFacts(em, pathId),
        parties: content.parties,
        pathBasis,
      });
      const envelope = callerEnvelope({
        pathId,
        clientRef,
        principal,
        basis,
        correlationId: planId,
      });
      await this.outbox.append(em, ACTIVATION_PLAN_AGREED_V1.subject, {
        ...envelope,
        occurredAt: at,
        data: {
          planId,
          planVersion: 1,
          parties: content.parties.map((party) => ({ ...party })),
          clientAgreed: content.clientAgreed,
          linkedPlans: content.linkedPlans.map(linkedPlanPayload),
          reviewDate,
        },
      });
      await appendGoalSetEvents(em, {
        outbox: this.outbox,
        envelope,
        planId,
        goals: content.goals,
        occurredAt: at,
      });
      await this.reviewTimers.scheduleDue(em, { planId, pathId, reviewDate });
      return planView({ plan, content, progress: [] });
    });
  }
}
