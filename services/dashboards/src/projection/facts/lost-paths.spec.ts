import {
  completeFollowUp,
  exitStory,
  missFollowUp,
  OPEN_LABOUR_MARKET,
} from '../../../test/support/exit-story';
import { ORGS, PathStory } from '../../../test/support/path-story';

describe('NOW_LOST facts', () => {
  it('should hold a path lost while its escalation at the MANAGER rung is open', () => {
    const story = new PathStory('2026-02-02');
    story.step(1, 'TRANSITION_PENDING', { nextStep: 'DECIDE_NEXT_STEP', dueDate: '2026-02-09' });
    story
      .on('2026-02-10')
      .add(
        'polku.transitions.path.next-step-overdue.v1',
        { nextStep: 'DECIDE_NEXT_STEP', dueDate: '2026-02-09', level: 'TEAM_LEAD' },
        'SYSTEM',
      );
    const teamLead = story.facts('NOW_LOST');
    story
      .on('2026-02-17')
      .add(
        'polku.transitions.path.next-step-overdue.v1',
        { nextStep: 'DECIDE_NEXT_STEP', dueDate: '2026-02-09', level: 'MANAGER' },
        'SYSTEM',
      );
    story.step(2, 'TRANSITION_PENDING', {
      nextStep: 'DECIDE_NEXT_STEP',
      dueDate: '2026-02-09',
      level: 'MANAGER',
    });
    const lost = story.facts('NOW_LOST');
    story.on('2026-02-18').step(3, 'PLANNING', { nextStep: 'AGREE_PLAN', dueDate: '2026-03-04' });

    expect(teamLead).toEqual([]);
    expect(lost).toEqual([
      expect.objectContaining({
        factDate: '2026-02-17',
        orgId: ORGS.provider,
        category: 'NextStepOverdue',
        dueDate: '2026-02-09',
      }),
    ]);
    expect(story.facts('NOW_LOST')).toEqual([]);
  });

  it('should hold a path lost while a missed follow-up is not completed', () => {
    const { story, followUps } = exitStory(OPEN_LABOUR_MARKET, '2026-03-31');
    story.step(1, 'FOLLOW_UP', { nextStep: 'FOLLOW_UP', dueDate: '2026-04-30' });
    missFollowUp(story, followUps[1], '2026-04-30', '2026-05-14');
    const lost = story.facts('NOW_LOST').map((fact) => [fact.category, fact.factDate]);
    completeFollowUp(story, followUps[1], 'SAME', '2026-05-20');

    expect(lost).toEqual([['FollowUpMissed', '2026-05-14']]);
    expect(story.facts('NOW_LOST')).toEqual([]);
  });

  it('should let go of a hand-off’s or an agreed step’s escalation once acted on', () => {
    const story = new PathStory('2026-02-02');
    story.step(1, 'TRANSITION_PENDING');
    story.add(
      'polku.transitions.handoff.handoff-escalated.v1',
      { handoffId: 'h-1', level: 'MANAGER', escalatedToOrgId: ORGS.nextProvider },
      'SYSTEM',
    );
    story.add(
      'polku.meetings.action-item.action-item-overdue.v1',
      { actionItemId: 'a-1', level: 'MANAGER', ownerOrgId: ORGS.social },
      'SYSTEM',
    );
    const both = story.facts('NOW_LOST').map((fact) => fact.category);
    story.add('polku.transitions.handoff.handoff-accepted.v1', { handoffId: 'h-1' });
    const agreedStepOnly = story.facts('NOW_LOST').map((fact) => fact.category);
    story.add('polku.meetings.action-item.action-item-completed.v1', { actionItemId: 'a-1' });

    expect(both).toEqual(['HandoffEscalated']);
    expect(agreedStepOnly).toEqual(['ActionItemOverdue']);
    expect(story.facts('NOW_LOST')).toEqual([]);
  });
});
