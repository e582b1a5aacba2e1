import {
  completeFollowUp,
  exitStory,
  missFollowUp,
  OPEN_LABOUR_MARKET,
  PENSION,
  STUDIES,
  SUPPORTED,
  UNEMPLOYED,
} from '../../../test/support/exit-story';
import { ORGS } from '../../../test/support/path-story';

describe('SUSTAINED_EXIT facts', () => {
  it('should call an exit to work sustained when the client is still in work at 6 months', () => {
    const { story, followUps } = exitStory(OPEN_LABOUR_MARKET, '2026-03-31');
    completeFollowUp(story, followUps[6], 'CHANGED', '2026-10-01', SUPPORTED);

    expect(story.facts('SUSTAINED_EXIT')).toEqual([
      expect.objectContaining({
        factDate: '2026-03-31',
        orgId: ORGS.provider,
        category: 'SUSTAINED',
        detail: 'OPEN_LABOUR_MARKET',
      }),
    ]);
  });

  it('should call it transitional when the client is elsewhere or back at 6 months', () => {
    const elsewhere = exitStory(OPEN_LABOUR_MARKET);
    completeFollowUp(elsewhere.story, elsewhere.followUps[6], 'CHANGED', '2026-10-01', UNEMPLOYED);
    const back = exitStory(SUPPORTED);
    completeFollowUp(back.story, back.followUps[6], 'BACK_IN_VTM', '2026-10-01');

    expect(elsewhere.story.facts('SUSTAINED_EXIT')[0].category).toBe('TRANSITIONAL');
    expect(back.story.facts('SUSTAINED_EXIT')[0].category).toBe('TRANSITIONAL');
  });

  it('should not know while no follow-up at 6 months or more has found the client', () => {
    const { story, followUps } = exitStory(OPEN_LABOUR_MARKET);
    completeFollowUp(story, followUps[3], 'SAME', '2026-07-01');
    completeFollowUp(story, followUps[6], 'UNKNOWN', '2026-10-01');

    expect(story.facts('SUSTAINED_EXIT')[0].category).toBe('NOT_KNOWN');
  });

  it('should fall back on a later follow-up when the one at 6 months was missed', () => {
    const { story, followUps } = exitStory(OPEN_LABOUR_MARKET);
    missFollowUp(story, followUps[6], '2026-09-30', '2026-10-14');
    const missed = story.facts('SUSTAINED_EXIT')[0].category;
    story.on('2026-10-15').add(
      'polku.transitions.follow-up.follow-up-scheduled.v1',
      {
        ownerOrgId: ORGS.provider,
        followUps: [{ followUpId: 'repeat-1', dueDate: '2026-10-30' }],
      },
      'SYSTEM',
    );
    completeFollowUp(story, 'repeat-1', 'SAME', '2026-10-30');

    expect(missed).toBe('NOT_KNOWN');
    expect(story.facts('SUSTAINED_EXIT')[0].category).toBe('SUSTAINED');
  });

  it('should keep an exit to studies sustained while the client studies', () => {
    const studying = exitStory(STUDIES);
    completeFollowUp(studying.story, studying.followUps[6], 'SAME', '2026-10-01');
    const working = exitStory(STUDIES);
    completeFollowUp(working.story, working.followUps[6], 'CHANGED', '2026-10-01', SUPPORTED);

    expect(studying.story.facts('SUSTAINED_EXIT')[0]).toMatchObject({
      category: 'SUSTAINED',
      detail: 'STUDIES',
    });
    expect(working.story.facts('SUSTAINED_EXIT')[0].category).toBe('TRANSITIONAL');
  });

  it('should count only exits to the labour market or studies', () => {
    expect(exitStory(PENSION).story.facts('SUSTAINED_EXIT')).toEqual([]);
  });
});
