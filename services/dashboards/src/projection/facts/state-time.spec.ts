import { ORGS, PathStory } from '../../../test/support/path-story';

describe('STATE_TIME facts', () => {
  it('should count each completed stay in a state on the day it was left', () => {
    const story = new PathStory('2026-01-05');
    story.step(1, 'REFERRED', { orgId: ORGS.authority });
    story.on('2026-01-08').step(2, 'INTAKE');
    story.on('2026-01-09').step(3, 'INTAKE', { nextStep: 'COMPLETE_INTAKE', level: 'WORKER' });
    story.on('2026-01-20').step(4, 'PLANNING', { orgId: ORGS.social });

    expect(
      story
        .facts('STATE_TIME')
        .map((fact) => [fact.category, fact.factDate, fact.days, fact.orgId]),
    ).toEqual([
      ['REFERRED', '2026-01-08', 3, ORGS.authority],
      ['INTAKE', '2026-01-20', 12, ORGS.provider],
    ]);
  });

  it('should follow the versions, not the order they arrived in', () => {
    const story = new PathStory('2026-01-05');
    story.step(1, 'REFERRED');
    story.on('2026-01-10').step(2, 'INTAKE');
    const [first, second] = story.events();

    expect(story.facts('STATE_TIME', [second, first])).toEqual(story.facts('STATE_TIME'));
    expect(story.facts('STATE_TIME', [second])).toEqual([]);
  });

  it('should end a stay when the path is closed, and count no stay in CLOSED', () => {
    const story = new PathStory('2026-01-05');
    story.step(1, 'FOLLOW_UP', { nextStep: 'FOLLOW_UP' });
    story.on('2026-07-01').step(2, 'CLOSED');

    expect(story.facts('STATE_TIME').map((fact) => [fact.category, fact.days])).toEqual([
      ['FOLLOW_UP', 177],
    ]);
  });
});
