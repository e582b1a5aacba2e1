import { ORGS, PathStory } from '../../../test/support/path-story';

describe('OVERDUE facts', () => {
  it('should count every escalation signal by type and rung, for the organisation it names', () => {
    const story = new PathStory('2026-02-02');
    story.step(1, 'TRANSITION_PENDING', { orgId: ORGS.provider });
    story.add(
      'polku.transitions.handoff.handoff-escalated.v1',
      { handoffId: 'h-1', level: 'MANAGER', escalatedToOrgId: ORGS.nextProvider },
      'SYSTEM',
    );
    story.add(
      'polku.transitions.path.next-step-overdue.v1',
      { level: 'TEAM_LEAD', accountableOrgId: ORGS.provider },
      'SYSTEM',
    );
    story.add(
      'polku.meetings.action-item.action-item-overdue.v1',
      { level: 'WORKER', ownerOrgId: ORGS.social },
      'SYSTEM',
    );
    story.add(
      'polku.transitions.follow-up.follow-up-missed.v1',
      { ownerOrgId: ORGS.authority },
      'SYSTEM',
    );

    expect(
      story
        .facts('OVERDUE')
        .map((fact) => [fact.category, fact.orgId, fact.factDate])
        .sort(),
    ).toEqual(
      [
        ['HandoffEscalated:MANAGER', ORGS.nextProvider, '2026-02-02'],
        ['NextStepOverdue:TEAM_LEAD', ORGS.provider, '2026-02-02'],
        ['ActionItemOverdue:WORKER', ORGS.social, '2026-02-02'],
        ['FollowUpMissed', ORGS.authority, '2026-02-02'],
      ].sort(),
    );
  });

  it('should give a plan review or a wait overdue to the organisation accountable then', () => {
    const story = new PathStory('2026-02-02');
    story.step(1, 'IN_MEASURE', { orgId: ORGS.social });
    story.on('2026-02-10').add('polku.plans.plan.plan-review-overdue.v1', {}, 'SYSTEM');
    story.on('2026-02-11').step(2, 'IN_MEASURE', { orgId: ORGS.provider });
    story.add('polku.transitions.wait.wait-exceeded.v1', {}, 'SYSTEM');

    expect(
      story
        .facts('OVERDUE')
        .map((fact) => [fact.category, fact.orgId, fact.factDate])
        .sort(),
    ).toEqual([
      ['PlanReviewOverdue', ORGS.social, '2026-02-10'],
      ['WaitExceeded', ORGS.provider, '2026-02-11'],
    ]);
  });
});
