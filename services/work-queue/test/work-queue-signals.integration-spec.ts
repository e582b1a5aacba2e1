import { randomUUID } from 'node:crypto';
import { testOrg, TestPath, daysFromNow, type TestOrg } from './support/queue-world';
import { seenByOrganisation, seenByWorker, sightings } from './support/sightings';
import {
  startWorkQueueService,
  type SubjectEvent,
  type WorkQueueService,
} from './support/work-queue-service';

/**
 * Each signal of docs/work-queue.md ("What lands where") lands once in the right person's queue
 * — and in no other person's, and never in another organisation's — and leaves every queue when
 * the event that acts on it arrives.
 */
describe('what lands where', () => {
  let service: WorkQueueService;
  beforeAll(async () => {
    service = await startWorkQueueService();
  });
  afterAll(async () => {
    await service?.close();
  });

  interface Case {
    readonly kind: string;
    /** Events before the signal, e.g. the path's NextStepSet naming its worker. */
    readonly setup: (path: TestPath, a: TestOrg, b: TestOrg) => SubjectEvent[];
    readonly open: (path: TestPath, a: TestOrg, b: TestOrg) => SubjectEvent[];
    readonly seen: Record<string, string[]>;
    readonly clear: (path: TestPath, a: TestOrg, b: TestOrg) => SubjectEvent[];
  }

  const owned = (path: TestPath, a: TestOrg) => [path.step(1, a, 'PLAN_NEXT_STEP', daysFromNow(5))];
  /** The id of the thing each case's signal is about: fresh for every case (keys are global). */
  let handoff = '';
  const cases: Array<[string, Case]> = [
    [
      'the path step to the path worker, cleared when the path closes',
      {
        kind: 'PATH_STEP',
        setup: () => [],
        open: owned,
        seen: seenByWorker('A', 'worker', 'NextStepSet'),
        clear: (path, a) => [path.step(2, a, undefined, undefined)],
      },
    ],
    [
      'a referral to the receiving organisation, cleared when declined',
      {
        kind: 'REFERRAL_ANSWER',
        setup: () => [],
        open: (path, a, b) => [
          path.event(
            'polku.intake.referral.client-referred.v1',
            { referralId: handoff, fromOrgId: b.orgId, toOrgId: a.orgId },
            b,
          ),
        ],
        seen: seenByOrganisation('A', 'ClientReferred'),
        clear: (path, a) => [
          path.event(
            'polku.intake.referral.referral-declined.v1',
            { referralId: handoff, declinedByOrgId: a.orgId },
            a,
          ),
        ],
      },
    ],
    [
      'a hand-off to the receiving organisation, cleared when accepted',
      {
        kind: 'HANDOFF_ANSWER',
        setup: owned,
        open: (path, _a, b) => [
          path.event('polku.transitions.handoff.handoff-proposed.v1', {
            handoffId: handoff,
            receivingOrgId: b.orgId,
            answerDueDate: daysFromNow(3),
          }),
        ],
        seen: seenByOrganisation('B', 'HandoffProposed'),
        clear: (path, _a, b) => [
          path.event('polku.transitions.handoff.handoff-accepted.v1', { handoffId: handoff }, b),
        ],
      },
    ],
    [
      'a due follow-up to the path worker, cleared when completed',
      {
        kind: 'FOLLOW_UP',
        setup: owned,
        open: (path, a) => [
          path.event('polku.transitions.follow-up.follow-up-due.v1', {
            followUpId: handoff,
            ownerOrgId: a.orgId,
            dueDate: daysFromNow(0),
          }),
        ],
        seen: seenByWorker('A', 'worker', 'FollowUpDue'),
        clear: (path) => [
          path.event('polku.transitions.follow-up.follow-up-completed.v1', { followUpId: handoff }),
        ],
      },
    ],
    [
      'an agreed step to its named owner, cleared when completed',
      {
        kind: 'AGREED_STEP',
        setup: owned,
        open: (path, a) => [
          path.event('polku.meetings.action-item.action-item-assigned.v1', {
            actionItemId: handoff,
            ownerOrgId: a.orgId,
            ownerWorkerId: a.otherWorker.userId,
            dueDate: daysFromNow(7),
          }),
        ],
        seen: seenByWorker('A', 'otherWorker', 'ActionItemAssigned'),
        clear: (path) => [
          path.event('polku.meetings.action-item.action-item-completed.v1', {
            actionItemId: handoff,
          }),
        ],
      },
    ],
    [
      'a due plan review to the path worker, cleared when the plan is revised after it',
      {
        kind: 'PLAN_REVIEW',
        setup: (path, a) => [
          ...owned(path, a),
          path.event('polku.plans.plan.activation-plan-agreed.v1', {
            planId: handoff,
            parties: [{ orgId: a.orgId, role: 'PROVIDER' }],
          }),
        ],
        open: (path) => [
          path.event('polku.plans.plan.plan-review-due.v1', {
            planId: handoff,
            dueDate: daysFromNow(0),
          }),
        ],
        seen: seenByWorker('A', 'worker', 'PlanReviewDue'),
        clear: (path) => [
          path.event('polku.plans.plan.activation-plan-revised.v1', {
            planId: handoff,
            planVersion: 2,
          }),
        ],
      },
    ],
    [
      'a requested statement to the path worker, cleared when issued',
      {
        kind: 'STATEMENT',
        setup: owned,
        open: (path, _a, b) => [
          path.event(
            'polku.plans.statement.statement-requested.v1',
            { statementId: handoff, requestedByOrgId: b.orgId, dueDate: daysFromNow(10) },
            b,
          ),
        ],
        seen: seenByWorker('A', 'worker', 'StatementRequested'),
        clear: (path) => [
          path.event('polku.plans.statement.statement-issued.v1', { statementId: handoff }),
        ],
      },
    ],
    [
      'a measure ending soon to the path worker, cleared when it ends',
      {
        kind: 'MEASURE_ENDING',
        setup: owned,
        open: (path) => [
          path.event('polku.transitions.measure.measure-ending-soon.v1', {
            measureId: handoff,
            plannedEndDate: daysFromNow(14),
          }),
        ],
        seen: seenByWorker('A', 'worker', 'MeasureEndingSoon'),
        clear: (path) => [
          path.event('polku.plans.measure.measure-ended.v1', { measureId: handoff }),
        ],
      },
    ],
    [
      'a measure ending soon, cleared when the path leaves the measure',
      {
        kind: 'MEASURE_ENDING',
        setup: owned,
        open: (path) => [
          path.event('polku.transitions.measure.measure-ending-soon.v1', { measureId: handoff }),
        ],
        seen: seenByWorker('A', 'worker', 'MeasureEndingSoon'),
        clear: (path, a) => [
          path.step(2, a, 'DECIDE_NEXT_STEP', daysFromNow(5), { state: 'TRANSITION_PENDING' }),
        ],
      },
    ],
    [
      'an exceeded wait to the path worker, cleared when the wait ends',
      {
        kind: 'WAIT_EXCEEDED',
        setup: owned,
        open: (path) => [
          path.event('polku.transitions.wait.wait-exceeded.v1', { waitId: handoff }),
        ],
        seen: seenByWorker('A', 'worker', 'WaitExceeded'),
        clear: (path) => [
          path.event('polku.transitions.wait.waiting-ended.v1', { waitId: handoff }),
        ],
      },
    ],
  ];

  const escalations: Array<[string, Omit<Case, 'kind'>]> = [
    [
      'an unanswered hand-off at the worker rung to the path worker, cleared when declined',
      {
        setup: owned,
        open: (path, a) => [
          path.event('polku.transitions.handoff.handoff-escalated.v1', {
            handoffId: handoff,
            level: 'WORKER',
            escalatedToOrgId: a.orgId,
          }),
        ],
        seen: seenByWorker('A', 'worker', 'HandoffEscalated'),
        clear: (path, _a, b) => [
          path.event('polku.transitions.handoff.handoff-declined.v1', { handoffId: handoff }, b),
        ],
      },
    ],
    [
      'an unanswered hand-off at the team-lead rung to both organisations’ team leads',
      {
        setup: owned,
        open: (path, a, b) =>
          [a, b].map((org) =>
            path.event('polku.transitions.handoff.handoff-escalated.v1', {
              handoffId: handoff,
              level: 'TEAM_LEAD',
              escalatedToOrgId: org.orgId,
            }),
          ),
        seen: { 'A.lead:TEAM': ['HandoffEscalated'], 'B.lead:TEAM': ['HandoffEscalated'] },
        clear: (path, _a, b) => [
          path.event('polku.transitions.handoff.handoff-accepted.v1', { handoffId: handoff }, b),
        ],
      },
    ],
    [
      'a late next step at the manager rung to the manager, cleared by another next step',
      {
        setup: (path, a) => [
          path.step(1, a, 'COMPLETE_INTAKE', daysFromNow(-20), { state: 'INTAKE' }),
        ],
        open: (path, a) => [
          path.event('polku.transitions.path.next-step-overdue.v1', {
            nextStep: 'COMPLETE_INTAKE',
            dueDate: daysFromNow(-20),
            level: 'MANAGER',
            accountableOrgId: a.orgId,
          }),
        ],
        seen: { 'A.manager:ORGANISATION': ['NextStepOverdue'] },
        clear: (path, a) => [path.step(2, a, 'AGREE_PLAN', daysFromNow(10), { state: 'PLANNING' })],
      },
    ],
    [
      'a late agreed step at the worker rung to its named owner, cleared when completed',
      {
        setup: owned,
        open: (path, a) => [
          path.event('polku.meetings.action-item.action-item-overdue.v1', {
            actionItemId: handoff,
            level: 'WORKER',
            ownerOrgId: a.orgId,
            ownerWorkerId: a.otherWorker.userId,
          }),
        ],
        seen: seenByWorker('A', 'otherWorker', 'ActionItemOverdue'),
        clear: (path) => [
          path.event('polku.meetings.action-item.action-item-completed.v1', {
            actionItemId: handoff,
          }),
        ],
      },
    ],
    [
      'a missed follow-up to the manager (lost), cleared when completed',
      {
        setup: owned,
        open: (path, a) => [
          path.event('polku.transitions.follow-up.follow-up-missed.v1', {
            followUpId: handoff,
            ownerOrgId: a.orgId,
          }),
        ],
        seen: { 'A.manager:ORGANISATION': ['FollowUpMissed'] },
        clear: (path) => [
          path.event('polku.transitions.follow-up.follow-up-completed.v1', { followUpId: handoff }),
        ],
      },
    ],
    [
      'an overdue plan review to the team lead, cleared when the plan is revised',
      {
        setup: (path, a) => [
          ...owned(path, a),
          path.event('polku.plans.plan.activation-plan-agreed.v1', {
            planId: handoff,
            parties: [{ orgId: a.orgId, role: 'PROVIDER' }],
          }),
        ],
        open: (path) => [
          path.event('polku.plans.plan.plan-review-overdue.v1', { planId: handoff }),
        ],
        seen: { 'A.lead:TEAM': ['PlanReviewOverdue'] },
        clear: (path) => [
          path.event('polku.plans.plan.activation-plan-revised.v1', {
            planId: handoff,
            planVersion: 2,
          }),
        ],
      },
    ],
  ];

  it.each([
    ...cases,
    ...escalations.map(([name, c]): [string, Case] => [name, { kind: 'ESCALATION', ...c }]),
  ])('should put %s', async (_name, c) => {
    const a = testOrg('PROVIDER');
    const b = testOrg('EMPLOYMENT_AUTHORITY');
    const outsider = testOrg('PROVIDER');
    const orgs = { A: a, B: b, C: outsider };
    const path = new TestPath(a);
    handoff = randomUUID();
    await service.deliver(c.setup(path, a, b));
    await service.deliver(c.open(path, a, b));

    expect(await sightings(service, orgs, path.pathId, c.kind)).toEqual(c.seen);

    await service.deliver(c.clear(path, a, b));

    expect(await sightings(service, orgs, path.pathId, c.kind)).toEqual({});
  });
});
