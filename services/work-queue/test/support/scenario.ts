import { randomUUID } from 'node:crypto';
import { testOrg, TestPath, daysFromNow, type TestOrg } from './queue-world';
import type { SubjectEvent } from './work-queue-service';

/** The organisations of the scenario and its events in the order they happened. */
export interface Scenario {
  readonly orgs: Record<'provider' | 'authority' | 'social', TestOrg>;
  readonly pathIds: readonly string[];
  readonly events: readonly SubjectEvent[];
}

/**
 * A realistic week of three paths: a referral answered and a path that goes through intake
 * (escalated, then moved on), a plan with linked plans, a measure paused and resumed and ending,
 * an agreed step escalated to the manager, a plan review due and overdue, a statement issued, a
 * wait, a hand-off escalated to both organisations' team leads; a second path that exits into
 * follow-ups, one missed (lost) and one completed; a third path of the employment authority.
 */
export function weekOfPaths(): Scenario {
  const provider = testOrg('PROVIDER');
  const authority = testOrg('EMPLOYMENT_AUTHORITY');
  const social = testOrg('SOCIAL_SERVICES');
  const start = new Date(Date.now() - 7 * 86_400_000);
  const one = new TestPath(provider, start);
  const [referral, plan, measure, item, statement, wait, handoff] = Array.from({ length: 7 }, () =>
    randomUUID(),
  );
  const first: SubjectEvent[] = [
    one.event(
      'polku.intake.referral.client-referred.v1',
      { referralId: referral, fromOrgId: authority.orgId, toOrgId: provider.orgId },
      authority,
    ),
    one.step(1, provider, 'ANSWER_REFERRAL', daysFromNow(-5), { state: 'REFERRED' }),
    one.event('polku.intake.referral.referral-accepted.v1', {
      referralId: referral,
      acceptedByOrgId: provider.orgId,
    }),
    one.step(2, provider, 'COMPLETE_INTAKE', daysFromNow(-3), { state: 'INTAKE' }),
    one.event('polku.transitions.path.next-step-overdue.v1', {
      nextStep: 'COMPLETE_INTAKE',
      dueDate: daysFromNow(-3),
      level: 'WORKER',
      accountableOrgId: provider.orgId,
    }),
    one.step(3, provider, 'COMPLETE_INTAKE', daysFromNow(-3), { state: 'INTAKE', level: 'WORKER' }),
    one.step(4, provider, 'AGREE_PLAN', daysFromNow(4), { state: 'PLANNING' }),
    one.event(
      'polku.plans.plan.activation-plan-agreed.v1',
      {
        planId: plan,
        parties: [
          { orgId: provider.orgId, role: 'PROVIDER' },
          { orgId: social.orgId, role: 'SOCIAL_SERVICES' },
        ],
        linkedPlans: [
          { kind: 'EMPLOYMENT_PLAN', reference: 'EP-1' },
          { kind: 'REHABILITATION_PLAN', reference: 'RP-2' },
        ],
      },
      social,
    ),
    one.event('polku.plans.measure.measure-started.v1', {
      measureId: measure,
      planId: plan,
      measureType: 'REHABILITATIVE_WORK_ACTIVITY',
    }),
    one.step(5, provider, 'PLAN_NEXT_STEP', daysFromNow(20)),
    one.event('polku.plans.measure.measure-paused.v1', { measureId: measure }),
    one.event('polku.plans.measure.measure-resumed.v1', { measureId: measure }),
    one.event('polku.meetings.action-item.action-item-assigned.v1', {
      actionItemId: item,
      ownerOrgId: provider.orgId,
      ownerWorkerId: provider.otherWorker.userId,
      dueDate: daysFromNow(-2),
    }),
    one.event('polku.meetings.action-item.action-item-overdue.v1', {
      actionItemId: item,
      level: 'MANAGER',
      dueDate: daysFromNow(-2),
      ownerOrgId: provider.orgId,
      ownerWorkerId: provider.otherWorker.userId,
    }),
    one.event('polku.plans.plan.plan-review-due.v1', { planId: plan, dueDate: daysFromNow(-1) }),
    one.event('polku.plans.plan.plan-review-overdue.v1', {
      planId: plan,
      dueDate: daysFromNow(-1),
    }),
    one.event(
      'polku.plans.statement.statement-requested.v1',
      { statementId: statement, requestedByOrgId: authority.orgId, dueDate: daysFromNow(6) },
      authority,
    ),
    one.event('polku.plans.statement.statement-issued.v1', { statementId: statement }),
    one.event('polku.transitions.measure.measure-ending-soon.v1', {
      measureId: measure,
      plannedEndDate: daysFromNow(30),
      daysBefore: 30,
    }),
    one.event('polku.transitions.measure.measure-ending-soon.v1', {
      measureId: measure,
      plannedEndDate: daysFromNow(30),
      daysBefore: 14,
    }),
    one.event('polku.transitions.wait.wait-exceeded.v1', { waitId: wait }),
    one.event('polku.transitions.handoff.handoff-proposed.v1', {
      handoffId: handoff,
      receivingOrgId: authority.orgId,
      answerDueDate: daysFromNow(-1),
    }),
    ...[provider, authority].map((org) =>
      one.event('polku.transitions.handoff.handoff-escalated.v1', {
        handoffId: handoff,
        level: 'TEAM_LEAD',
        escalatedToOrgId: org.orgId,
        answerDueDate: daysFromNow(-1),
      }),
    ),
    one.event('polku.meetings.meeting.network-meeting-held.v1', {
      participants: [
        { orgId: provider.orgId, roles: ['INSTRUCTOR'] },
        { orgId: authority.orgId, roles: ['EMPLOYMENT_COUNSELLOR'] },
      ],
    }),
  ];
  const two = new TestPath(provider, start);
  const [missed, done] = [randomUUID(), randomUUID()];
  const second: SubjectEvent[] = [
    two.step(1, provider, 'FOLLOW_UP', daysFromNow(-12), {
      state: 'FOLLOW_UP',
      worker: provider.otherWorker,
    }),
    two.event('polku.transitions.follow-up.follow-up-scheduled.v1', {
      ownerOrgId: provider.orgId,
      followUps: [
        { followUpId: missed, dueDate: daysFromNow(-12) },
        { followUpId: done, dueDate: daysFromNow(1) },
      ],
    }),
    two.event('polku.transitions.follow-up.follow-up-due.v1', {
      followUpId: missed,
      ownerOrgId: provider.orgId,
      dueDate: daysFromNow(-12),
    }),
    two.event('polku.transitions.follow-up.follow-up-missed.v1', {
      followUpId: missed,
      ownerOrgId: provider.orgId,
      dueDate: daysFromNow(-12),
    }),
    two.event('polku.transitions.follow-up.follow-up-completed.v1', { followUpId: done }),
    two.event('polku.transitions.follow-up.follow-up-due.v1', {
      followUpId: done,
      ownerOrgId: provider.orgId,
      dueDate: daysFromNow(1),
    }),
  ];
  const three = new TestPath(authority, start);
  const third: SubjectEvent[] = [
    three.step(1, authority, 'FIND_NEW_SERVICE', daysFromNow(2), { state: 'REFERRED' }),
    three.step(2, authority, 'FIND_NEW_SERVICE', daysFromNow(2), {
      state: 'REFERRED',
      level: 'WORKER',
    }),
    three.event('polku.transitions.path.ownership-transferred.v1', {
      fromOrgId: provider.orgId,
      toOrgId: authority.orgId,
    }),
    three.step(3, authority, undefined, undefined, { state: 'REENTERED' }),
  ];
  return {
    orgs: { provider, authority, social },
    pathIds: [one.pathId, two.pathId, three.pathId],
    events: [...first, ...second, ...third],
  };
}
