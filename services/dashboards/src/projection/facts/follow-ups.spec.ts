import {
  completeFollowUp,
  exitStory,
  missFollowUp,
  OPEN_LABOUR_MARKET,
} from '../../../test/support/exit-story';
import { ORGS } from '../../../test/support/path-story';

describe('FOLLOW_UP facts', () => {
  it('should count every scheduled follow-up on its due date: done, missed or open', () => {
    const { story, followUps } = exitStory(OPEN_LABOUR_MARKET, '2026-03-31');
    completeFollowUp(story, followUps[1], 'SAME', '2026-05-04');
    missFollowUp(story, followUps[3], '2026-06-30', '2026-07-14');

    expect(
      story
        .facts('FOLLOW_UP')
        .map((fact) => [fact.factDate, fact.category, fact.days, fact.orgId])
        .sort(),
    ).toEqual([
      ['2026-04-30', 'DONE', 4, ORGS.provider],
      ['2026-06-30', 'MISSED', null, ORGS.provider],
      ['2026-09-30', 'OPEN', null, ORGS.provider],
    ]);
  });

  it('should count a missed follow-up done once it is completed after all', () => {
    const { story, followUps } = exitStory(OPEN_LABOUR_MARKET, '2026-03-31');
    missFollowUp(story, followUps[1], '2026-04-30', '2026-05-14');
    completeFollowUp(story, followUps[1], 'SAME', '2026-05-20');

    const fact = story.facts('FOLLOW_UP').find((row) => row.factDate === '2026-04-30');
    expect([fact?.category, fact?.days]).toEqual(['DONE', 20]);
  });
});
