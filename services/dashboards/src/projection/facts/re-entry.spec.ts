import { exitStory, OPEN_LABOUR_MARKET } from '../../../test/support/exit-story';
import { ORGS, PathStory } from '../../../test/support/path-story';

/** The client's return on `day`, on a new path whose previous path is `previous`. */
function returnTo(previous: PathStory, day: string, loopCount = 1): PathStory {
  const next = new PathStory(day);
  next.add(
    'polku.intake.path.client-returned-to-intermediate-market.v1',
    { previousPathId: previous.pathId, loopCount },
    ORGS.authority,
  );
  previous.stored.push(...next.stored.filter((row) => row.pathId === previous.pathId));
  return next;
}

describe('REENTRY facts', () => {
  it.each([
    ['2026-09-30', 'WITHIN_6', 183],
    ['2026-10-01', 'WITHIN_12', 184],
    ['2027-03-31', 'WITHIN_12', 365],
    ['2027-04-01', 'LATER', 366],
  ])('should count a return on %s as %s', (day, category, days) => {
    const { story } = exitStory(OPEN_LABOUR_MARKET, '2026-03-31');
    const before = story.facts('REENTRY');
    returnTo(story, day);

    expect(before).toEqual([]);
    expect(story.facts('REENTRY')).toEqual([
      expect.objectContaining({ factDate: '2026-03-31', category, days, orgId: ORGS.provider }),
    ]);
  });

  it('should wait for the exit when the return arrives first', () => {
    const { story } = exitStory(OPEN_LABOUR_MARKET, '2026-03-31');
    returnTo(story, '2026-05-01');
    const withoutExit = story
      .events()
      .filter((event) => event.subject !== 'polku.transitions.path.client-exited.v1');

    expect(story.facts('REENTRY', withoutExit)).toEqual([]);
  });
});

describe('LOOP facts', () => {
  it.each([
    [1, '1'],
    [2, '2'],
    [3, '3+'],
    [5, '3+'],
  ])('should count the new path of return number %i as %s', (loopCount, category) => {
    const { story } = exitStory(OPEN_LABOUR_MARKET);
    const next = returnTo(story, '2026-06-01', loopCount);

    expect(next.facts('LOOP')).toEqual([
      expect.objectContaining({ factDate: '2026-06-01', category, orgId: ORGS.authority }),
    ]);
    expect(story.facts('LOOP')).toEqual([]);
  });
});
