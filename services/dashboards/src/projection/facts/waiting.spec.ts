import { ORGS, PathStory } from '../../../test/support/path-story';

describe('WAIT facts', () => {
  it('should count an ended wait by what was waited for, on the day it ended', () => {
    const story = new PathStory('2026-03-02');
    story.add('polku.transitions.wait.waiting-started.v1', {
      waitId: 'wait-1',
      waitingFor: 'HOUSING',
    });
    const open = story.facts('WAIT');
    story.on('2026-04-01').add('polku.transitions.wait.waiting-ended.v1', {
      waitId: 'wait-1',
      endedOn: '2026-03-31',
    });

    expect(open).toEqual([]);
    expect(story.facts('WAIT')).toEqual([
      expect.objectContaining({
        factKey: 'WAIT:wait-1',
        factDate: '2026-03-31',
        orgId: ORGS.provider,
        category: 'HOUSING',
        days: 29,
      }),
    ]);
  });

  it('should date a wait whose start has not arrived from its WaitExceeded', () => {
    const story = new PathStory('2026-04-01');
    story.step(1, 'IN_MEASURE', { orgId: ORGS.social });
    story.add(
      'polku.transitions.wait.wait-exceeded.v1',
      { waitId: 'wait-2', waitingFor: 'BENEFIT_DECISION', since: '2026-03-01' },
      'SYSTEM',
    );
    story.add('polku.transitions.wait.waiting-ended.v1', {
      waitId: 'wait-2',
      endedOn: '2026-04-02',
    });

    expect(story.facts('WAIT')).toEqual([
      expect.objectContaining({ category: 'BENEFIT_DECISION', days: 32, orgId: ORGS.social }),
    ]);
  });
});

describe('ANSWER_DELAY facts', () => {
  it('should count the days a referral and a hand-off waited for their answers', () => {
    const story = new PathStory('2026-01-05');
    story.add('polku.intake.referral.client-referred.v1', { referralId: 'r-1' }, ORGS.authority);
    story.on('2026-01-12').add('polku.intake.referral.referral-accepted.v1', {
      referralId: 'r-1',
      acceptedByOrgId: ORGS.provider,
    });
    story.on('2026-05-04').add('polku.transitions.handoff.handoff-proposed.v1', {
      handoffId: 'h-1',
      receivingOrgId: ORGS.nextProvider,
    });
    story
      .on('2026-05-06')
      .add(
        'polku.transitions.handoff.handoff-declined.v1',
        { handoffId: 'h-1' },
        ORGS.nextProvider,
      );

    expect(
      story
        .facts('ANSWER_DELAY')
        .map((fact) => [fact.category, fact.detail, fact.factDate, fact.days, fact.orgId]),
    ).toEqual([
      ['HANDOFF', 'DECLINED', '2026-05-06', 2, ORGS.nextProvider],
      ['REFERRAL', 'ACCEPTED', '2026-01-12', 7, ORGS.provider],
    ]);
  });

  it('should count only the first answer, and no answer without its question', () => {
    const story = new PathStory('2026-01-05');
    story.add('polku.intake.referral.referral-accepted.v1', { referralId: 'r-1' });
    const answerOnly = story.facts('ANSWER_DELAY');
    story.on('2026-01-02').add('polku.intake.referral.client-referred.v1', { referralId: 'r-1' });
    story.on('2026-01-20').add('polku.intake.referral.referral-declined.v1', { referralId: 'r-1' });

    expect(answerOnly).toEqual([]);
    expect(story.facts('ANSWER_DELAY').map((fact) => [fact.detail, fact.days])).toEqual([
      ['ACCEPTED', 3],
    ]);
  });
});
