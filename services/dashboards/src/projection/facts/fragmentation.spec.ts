import { ORGS, PathStory } from '../../../test/support/path-story';

describe('PLANS and ORGANISATIONS facts', () => {
  it('should count plans with the linked plans of their latest agreed version', () => {
    const story = new PathStory('2026-01-05');
    story.add('polku.intake.referral.client-referred.v1', {
      fromOrgId: ORGS.authority,
      toOrgId: ORGS.provider,
    });
    story.add('polku.plans.plan.activation-plan-agreed.v1', {
      planId: 'p-1',
      planVersion: 1,
      linkedPlans: [
        { kind: 'EMPLOYMENT_PLAN', reference: 'EP-1' },
        { kind: 'COACHING_PLAN', reference: 'CP-1' },
      ],
    });
    story.add('polku.plans.plan.activation-plan-agreed.v1', {
      planId: 'p-1',
      planVersion: 3,
      linkedPlans: [{ kind: 'EMPLOYMENT_PLAN', reference: 'EP-1' }],
    });
    const twoPlans = story.facts('PLANS')[0].category;
    story.add('polku.plans.plan.activation-plan-revised.v1', { planId: 'p-2' });
    story.on('2026-03-01').step(5, 'IN_MEASURE', { orgId: ORGS.social });

    expect(twoPlans).toBe('2');
    expect(story.facts('PLANS')).toEqual([
      expect.objectContaining({ factDate: '2026-01-05', category: '3', orgId: ORGS.social }),
    ]);
  });

  it('should count the organisations that have been a party, the last bucket open', () => {
    const story = new PathStory('2026-01-05');
    story.add('polku.intake.referral.client-referred.v1', {
      fromOrgId: ORGS.authority,
      toOrgId: ORGS.provider,
    });
    const two = story.facts('ORGANISATIONS')[0].category;
    story.add('polku.meetings.meeting.network-meeting-held.v1', {
      participants: [
        { orgId: ORGS.social, roles: ['SOCIAL_WORKER'] },
        { orgId: ORGS.kela, roles: ['BENEFITS_ADVISOR'] },
      ] as never,
    });
    story.add('polku.transitions.handoff.handoff-proposed.v1', {
      receivingOrgId: ORGS.nextProvider,
    });
    const five = story.facts('ORGANISATIONS')[0].category;
    story.add(
      'polku.transitions.follow-up.follow-up-due.v1',
      { ownerOrgId: 'another-org' },
      'SYSTEM',
    );

    expect([two, five, story.facts('ORGANISATIONS')[0].category]).toEqual(['2', '5', '6+']);
  });

  it('should count no plans on a path without one', () => {
    const story = new PathStory();
    story.add('polku.intake.referral.client-referred.v1');

    expect(story.facts('PLANS')).toEqual([]);
  });
});
