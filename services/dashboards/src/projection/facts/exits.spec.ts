import { exitStory, OPEN_LABOUR_MARKET } from '../../../test/support/exit-story';
import { ORGS, PathStory } from '../../../test/support/path-story';

describe('EXIT facts', () => {
  it('should count an exit on its exit date by destination, with the days from the referral', () => {
    const { story } = exitStory(OPEN_LABOUR_MARKET, '2026-03-31');

    expect(story.facts('EXIT')).toEqual([
      expect.objectContaining({
        kind: 'EXIT',
        factDate: '2026-03-31',
        orgId: ORGS.provider,
        category: 'OPEN_LABOUR_MARKET',
        detail: 'LABOUR_MARKET',
        days: 85,
        dueDate: null,
      }),
    ]);
  });

  it('should count every exit of a path: an unclear path that later found its way', () => {
    const story = new PathStory();
    story.on('2026-02-02').add('polku.transitions.path.client-exited.v1', {
      destination: { group: 'OUTSIDE_LABOUR_MARKET', category: 'UNCLEAR_PATH' },
      exitDate: '2026-02-02',
    });
    story.on('2026-04-01').add('polku.transitions.path.client-exited.v1', {
      destination: { group: 'OUTSIDE_LABOUR_MARKET', category: 'STUDIES' },
      exitDate: '2026-04-01',
    });

    expect(story.facts('EXIT').map((fact) => [fact.category, fact.factDate, fact.days])).toEqual([
      ['UNCLEAR_PATH', '2026-02-02', null],
      ['STUDIES', '2026-04-01', null],
    ]);
  });

  it('should give an exit a system process recorded to the organisation accountable then', () => {
    const story = new PathStory();
    story.step(1, 'IN_MEASURE', { orgId: ORGS.social });
    story.add(
      'polku.transitions.path.client-exited.v1',
      { destination: OPEN_LABOUR_MARKET, exitDate: '2026-01-05' },
      'SYSTEM',
    );

    expect(story.facts('EXIT')[0].orgId).toBe(ORGS.social);
  });
});
