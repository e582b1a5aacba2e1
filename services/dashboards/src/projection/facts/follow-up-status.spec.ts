import {
  completeFollowUp,
  exitStory,
  missFollowUp,
  OPEN_LABOUR_MARKET,
  PENSION,
} from '../../../test/support/exit-story';
import { ORGS } from '../../../test/support/path-story';

describe('FOLLOW_UP_STATUS facts', () => {
  it('should place the client at each follow-up in the exit’s cohort, by months after it', () => {
    const { story, followUps } = exitStory(OPEN_LABOUR_MARKET, '2026-03-31');
    completeFollowUp(story, followUps[1], 'SAME', '2026-04-30');
    completeFollowUp(story, followUps[3], 'CHANGED', '2026-07-02', PENSION);
    completeFollowUp(story, followUps[6], 'BACK_IN_VTM', '2026-10-01');

    expect(
      story.facts('FOLLOW_UP_STATUS').map((fact) => [fact.detail, fact.category, fact.factDate]),
    ).toEqual(
      expect.arrayContaining([
        ['1', 'OPEN_LABOUR_MARKET', '2026-03-31'],
        ['3', 'PENSION', '2026-03-31'],
        ['6', 'BACK_IN_VTM', '2026-03-31'],
      ]),
    );
    expect(story.facts('FOLLOW_UP_STATUS').every((fact) => fact.orgId === ORGS.provider)).toBe(
      true,
    );
  });

  it('should count a follow-up not yet done as nothing, and UNKNOWN as unknown', () => {
    const { story, followUps } = exitStory(OPEN_LABOUR_MARKET);
    completeFollowUp(story, followUps[1], 'UNKNOWN', '2026-04-30');

    expect(story.facts('FOLLOW_UP_STATUS').map((fact) => fact.category)).toEqual(['UNKNOWN']);
  });

  it('should count a missed follow-up as MISSED until a completion replaces it', () => {
    const { story, followUps } = exitStory(OPEN_LABOUR_MARKET);
    missFollowUp(story, followUps[1], '2026-04-30', '2026-05-15');
    const missed = story.facts('FOLLOW_UP_STATUS').map((fact) => fact.category);
    completeFollowUp(story, followUps[1], 'SAME', '2026-05-20');

    expect(missed).toEqual(['MISSED']);
    expect(story.facts('FOLLOW_UP_STATUS').map((fact) => fact.category)).toEqual([
      'OPEN_LABOUR_MARKET',
    ]);
  });

  it('should count a follow-up for the owner that missed it after the follow-ups moved', () => {
    const { story, followUps } = exitStory(OPEN_LABOUR_MARKET);
    story
      .on('2026-04-30')
      .add(
        'polku.transitions.follow-up.follow-up-missed.v1',
        { followUpId: followUps[1], dueDate: '2026-04-30', ownerOrgId: ORGS.authority },
        'SYSTEM',
      );

    expect(story.facts('FOLLOW_UP_STATUS')[0].orgId).toBe(ORGS.authority);
  });

  it('should count nothing while the exit the follow-up belongs to has not arrived', () => {
    const { story, followUps } = exitStory(OPEN_LABOUR_MARKET);
    completeFollowUp(story, followUps[1], 'SAME', '2026-04-30');
    const withoutExit = story
      .events()
      .filter((event) => event.subject !== 'polku.transitions.path.client-exited.v1');

    expect(story.facts('FOLLOW_UP_STATUS', withoutExit)).toEqual([]);
  });
});
