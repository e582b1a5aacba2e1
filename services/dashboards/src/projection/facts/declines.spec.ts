import { ORGS, PathStory } from '../../../test/support/path-story';

describe('DECLINE facts', () => {
  it('should count declined referrals and hand-offs by reason, for the declining organisation', () => {
    const story = new PathStory('2026-01-05');
    story.add('polku.intake.referral.referral-declined.v1', {
      referralId: 'r-1',
      declinedByOrgId: ORGS.nextProvider,
      reasonCategory: 'OUTSIDE_AREA',
    });
    story
      .on('2026-03-03')
      .add(
        'polku.transitions.handoff.handoff-declined.v1',
        { handoffId: 'h-1', reasonCategory: 'MISSING_FUNDING' },
        ORGS.kela,
      );
    story.add('polku.transitions.handoff.handoff-accepted.v1', { handoffId: 'h-2' });

    expect(
      story
        .facts('DECLINE')
        .map((fact) => [fact.factKey, fact.category, fact.factDate, fact.orgId]),
    ).toEqual([
      ['DECLINE:HANDOFF:h-1', 'HANDOFF:MISSING_FUNDING', '2026-03-03', ORGS.kela],
      ['DECLINE:REFERRAL:r-1', 'REFERRAL:OUTSIDE_AREA', '2026-01-05', ORGS.nextProvider],
    ]);
  });
});
