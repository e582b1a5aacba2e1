import { randomUUID } from 'node:crypto';
import type { SealedEvent } from '@polku/testing';
import { testOrg, TestPath, type TestOrg } from './test-path';

/** The organisations of the scenario, its paths and its events in the order they happened. */
export interface Scenario {
  readonly orgs: Record<'authority' | 'social' | 'provider' | 'nextProvider', TestOrg>;
  readonly paths: Record<'exited' | 'lost' | 'returned', TestPath>;
  readonly events: readonly SealedEvent[];
}

const LABOUR_MARKET = { group: 'LABOUR_MARKET', category: 'OPEN_LABOUR_MARKET' } as const;

/**
 * A year of three paths. `exited`: referred, accepted, intake, a plan with a linked plan, a
 * work trial, a wait, a goal followed up, an exit to the open labour market, its follow-ups
 * (the first done, the second missed), then the client returns. `lost`: a referral declined
 * (with a free-text suggestion), a second one accepted, a hand-off left unanswered up to the
 * manager rung. `returned`: the new path of the return.
 */
export function yearOfPaths(): Scenario {
  const authority = testOrg('EMPLOYMENT_AUTHORITY');
  const social = testOrg('SOCIAL_SERVICES');
  const provider = testOrg('PROVIDER');
  const nextProvider = testOrg('PROVIDER');
  const exited = new TestPath();
  const lost = new TestPath();
  const returned = new TestPath();
  const due = (nextStep: string, dueDate: string) => ({ nextStep, dueDate });
  const [referralId, waitId, f1, f3, f6] = Array.from({ length: 5 }, () => randomUUID());
  const events: SealedEvent[] = [
    exited.on('2025-03-03').event('polku.intake.referral.client-referred.v1', authority, {
      referralId,
      fromOrgId: authority.orgId,
      toOrgId: provider.orgId,
    }),
    exited.step(1, 'REFERRED', provider, due('ANSWER_REFERRAL', '2025-03-17')),
    exited.on('2025-03-05').event('polku.intake.referral.referral-accepted.v1', provider, {
      referralId,
      acceptedByOrgId: provider.orgId,
    }),
    exited.step(2, 'INTAKE', provider, due('COMPLETE_INTAKE', '2025-03-19')),
    exited.on('2025-03-12').event('polku.intake.intake.intake-completed.v1', provider, {
      municipality: '205',
      ageBand: 'AGE_25_29',
    }),
    exited.step(3, 'PLANNING', provider, due('AGREE_PLAN', '2025-03-26')),
    exited.on('2025-03-20').event('polku.plans.plan.activation-plan-agreed.v1', provider, {
      parties: [
        { orgId: authority.orgId, role: 'EMPLOYMENT_AUTHORITY' },
        { orgId: provider.orgId, role: 'PROVIDER' },
      ],
      linkedPlans: [{ kind: 'EMPLOYMENT_PLAN', reference: 'TE-2025-0042' }],
    }),
    exited.on('2025-04-01').event('polku.plans.measure.measure-started.v1', provider, {
      measureType: 'WORK_TRIAL',
      schedule: {
        daysPerWeek: 4,
        hoursPerDay: 6,
        startDate: '2025-04-01',
        plannedEndDate: '2025-09-30',
      },
    }),
    exited.step(4, 'IN_MEASURE', provider, due('PLAN_NEXT_STEP', '2025-09-30')),
    exited.on('2025-05-05').event('polku.transitions.wait.waiting-started.v1', provider, {
      waitId,
      waitingFor: 'HOUSING',
    }),
    exited.on('2025-05-26').event('polku.transitions.wait.waiting-ended.v1', provider, {
      waitId,
      endedOn: '2025-05-26',
    }),
    exited.on('2025-06-02').event('polku.plans.goal.goal-progress-recorded.v1', provider, {
      gasLevel: 1,
      recordedAt: '2025-06-02T09:30:00.000Z',
    }),
    exited.on('2025-09-30').event('polku.transitions.path.client-exited.v1', provider, {
      destination: LABOUR_MARKET,
      exitDate: '2025-09-30',
    }),
    exited.event('polku.transitions.follow-up.follow-up-scheduled.v1', provider, {
      ownerOrgId: provider.orgId,
      followUps: [
        { followUpId: f1, dueDate: '2025-10-30' },
        { followUpId: f3, dueDate: '2025-12-30' },
        { followUpId: f6, dueDate: '2026-03-30' },
      ],
    }),
    exited.step(5, 'FOLLOW_UP', provider, due('FOLLOW_UP', '2025-10-30')),
    exited.on('2025-10-31').event('polku.transitions.follow-up.follow-up-completed.v1', provider, {
      followUpId: f1,
      statusNow: 'SAME',
      destination: undefined,
    }),
    exited.on('2026-01-16').event('polku.transitions.follow-up.follow-up-missed.v1', provider, {
      followUpId: f3,
      dueDate: '2025-12-30',
      ownerOrgId: provider.orgId,
    }),
    returned
      .on('2026-02-02')
      .event('polku.intake.path.client-returned-to-intermediate-market.v1', authority, {
        previousPathId: exited.pathId,
        monthsSinceExit: 4,
        loopCount: 1,
      }),
    returned.event('polku.intake.referral.client-referred.v1', authority, {
      fromOrgId: authority.orgId,
      toOrgId: provider.orgId,
    }),
    returned.step(1, 'REFERRED', provider, due('ANSWER_REFERRAL', '2026-02-16')),
    exited.on('2026-02-02').step(6, 'REENTERED', provider),
    ...lostPath(lost, { social, provider, nextProvider }),
  ];
  return {
    orgs: { authority, social, provider, nextProvider },
    paths: { exited, lost, returned },
    events,
  };
}

function lostPath(
  path: TestPath,
  { social, provider, nextProvider }: Record<'social' | 'provider' | 'nextProvider', TestOrg>,
): SealedEvent[] {
  const due = (nextStep: string, dueDate: string) => ({ nextStep, dueDate });
  const [first, second, handoffId] = [randomUUID(), randomUUID(), randomUUID()];
  return [
    path.on('2025-04-07').event('polku.intake.referral.client-referred.v1', social, {
      referralId: first,
      fromOrgId: social.orgId,
      toOrgId: nextProvider.orgId,
    }),
    path.step(1, 'REFERRED', nextProvider, due('ANSWER_REFERRAL', '2025-04-21')),
    path.on('2025-04-10').event('polku.intake.referral.referral-declined.v1', nextProvider, {
      referralId: first,
      declinedByOrgId: nextProvider.orgId,
      reasonCategory: 'NO_CAPACITY',
      alternativeSuggested: 'Kajaanin työpaja voisi sopia',
    }),
    path.step(2, 'REFERRED', social, due('FIND_NEW_SERVICE', '2025-04-24')),
    path.on('2025-04-14').event('polku.intake.referral.client-referred.v1', social, {
      referralId: second,
      fromOrgId: social.orgId,
      toOrgId: provider.orgId,
    }),
    path.on('2025-04-16').event('polku.intake.referral.referral-accepted.v1', provider, {
      referralId: second,
      acceptedByOrgId: provider.orgId,
    }),
    path.step(3, 'INTAKE', provider, due('COMPLETE_INTAKE', '2025-04-30')),
    path.on('2025-04-22').event('polku.intake.intake.intake-completed.v1', provider, {
      municipality: '765',
      ageBand: 'AGE_50_59',
    }),
    path.step(4, 'PLANNING', provider, due('AGREE_PLAN', '2025-05-06')),
    path.on('2025-05-05').event('polku.transitions.handoff.handoff-proposed.v1', provider, {
      handoffId,
      receivingOrgId: nextProvider.orgId,
      answerDueDate: '2025-05-19',
    }),
    path.step(5, 'TRANSITION_PENDING', provider, due('AWAIT_HANDOFF_ANSWER', '2025-05-19')),
    path.on('2025-05-20').event('polku.transitions.handoff.handoff-escalated.v1', provider, {
      handoffId,
      level: 'WORKER',
      escalatedToOrgId: provider.orgId,
      escalatedToParty: 'SENDER',
      answerDueDate: '2025-05-19',
    }),
    path.on('2025-06-03').event('polku.transitions.handoff.handoff-escalated.v1', provider, {
      handoffId,
      level: 'MANAGER',
      escalatedToOrgId: nextProvider.orgId,
      escalatedToParty: 'RECEIVER',
      answerDueDate: '2025-05-19',
    }),
  ];
}
