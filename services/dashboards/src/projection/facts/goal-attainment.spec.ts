import { ORGS, PathStory } from '../../../test/support/path-story';

describe('GAS facts', () => {
  it('should count each goal’s latest level on the Helsinki day it was assessed', () => {
    const story = new PathStory();
    story.add(
      'polku.plans.goal.goal-progress-recorded.v1',
      { goalId: 'g-1', gasLevel: 2, recordedAt: '2026-03-31T22:30:00.000Z' },
      ORGS.social,
    );
    story.add('polku.plans.goal.goal-progress-recorded.v1', {
      goalId: 'g-2',
      gasLevel: -2,
      recordedAt: '2026-03-02T08:00:00.000Z',
    });
    story.add('polku.plans.goal.goal-progress-recorded.v1', {
      goalId: 'g-3',
      gasLevel: 0,
      recordedAt: '2026-03-02T08:00:00.000Z',
    });

    expect(
      story.facts('GAS').map((fact) => [fact.factKey, fact.category, fact.factDate, fact.orgId]),
    ).toEqual([
      ['GAS:g-1', '+2', '2026-04-01', ORGS.social],
      ['GAS:g-2', '-2', '2026-03-02', ORGS.provider],
      ['GAS:g-3', '0', '2026-03-02', ORGS.provider],
    ]);
  });
});
