import { ORGS, PathStory } from '../../../test/support/path-story';

describe('NOW_OPEN and NOW_UNCLEAR facts', () => {
  it('should hold an open path’s state since it entered it, with its next step and due date', () => {
    const story = new PathStory('2026-01-05');
    story.step(1, 'REFERRED');
    story
      .on('2026-01-08')
      .step(2, 'INTAKE', { nextStep: 'COMPLETE_INTAKE', dueDate: '2026-01-22' });
    story.on('2026-01-23').step(3, 'INTAKE', {
      nextStep: 'COMPLETE_INTAKE',
      dueDate: '2026-01-22',
      level: 'WORKER',
      orgId: ORGS.social,
    });

    expect(story.facts('NOW_OPEN')).toEqual([
      expect.objectContaining({
        factKey: 'NOW_OPEN',
        factDate: '2026-01-08',
        orgId: ORGS.social,
        category: 'INTAKE',
        detail: 'COMPLETE_INTAKE',
        dueDate: '2026-01-22',
      }),
    ]);
    expect(story.facts('NOW_UNCLEAR')).toEqual([]);
  });

  it('should hold an unclear path since it became unclear, due for its review', () => {
    const story = new PathStory('2026-01-05');
    story.step(1, 'IN_MEASURE');
    story.on('2026-02-02').step(2, 'UNCLEAR_PATH', {
      nextStep: 'REVIEW_UNCLEAR_PATH',
      dueDate: '2026-03-02',
    });

    expect(story.facts('NOW_UNCLEAR')).toEqual([
      expect.objectContaining({ factDate: '2026-02-02', dueDate: '2026-03-02' }),
    ]);
    expect(story.facts('NOW_OPEN').map((fact) => fact.category)).toEqual(['UNCLEAR_PATH']);
  });

  it.each(['CLOSED', 'REENTERED'])('should hold nothing of a path %s', (state) => {
    const story = new PathStory('2026-01-05');
    story.step(1, 'UNCLEAR_PATH');
    story.add('polku.transitions.handoff.handoff-proposed.v1');
    story.step(2, state);

    expect(story.facts().filter((fact) => fact.kind.startsWith('NOW_'))).toEqual([]);
  });
});

describe('NOW_HANDOFF facts', () => {
  it('should hold a hand-off awaiting its answer for the sender and the receiver', () => {
    const story = new PathStory('2026-05-04');
    story.step(1, 'IN_MEASURE', { orgId: ORGS.provider });
    story.add('polku.transitions.handoff.handoff-proposed.v1', {
      handoffId: 'h-1',
      receivingOrgId: ORGS.nextProvider,
      answerDueDate: '2026-05-18',
    });
    story.step(2, 'TRANSITION_PENDING', { nextStep: 'AWAIT_HANDOFF_ANSWER' });
    const pending = story.facts('NOW_HANDOFF');
    story.add(
      'polku.transitions.handoff.handoff-escalated.v1',
      { handoffId: 'h-1', level: 'WORKER', escalatedToOrgId: ORGS.provider },
      'SYSTEM',
    );

    expect(pending.map((fact) => [fact.factKey, fact.category, fact.orgId, fact.detail])).toEqual([
      ['NOW_HANDOFF:h-1', 'SENDER', ORGS.provider, null],
      ['NOW_HANDOFF:h-1:RECEIVER', 'RECEIVER', ORGS.nextProvider, null],
    ]);
    expect(story.facts('NOW_HANDOFF')).toEqual([
      expect.objectContaining({
        factDate: '2026-05-04',
        dueDate: '2026-05-18',
        detail: 'ESCALATED',
      }),
      expect.objectContaining({ category: 'RECEIVER', detail: 'ESCALATED' }),
    ]);
  });

  it.each([
    'polku.transitions.handoff.handoff-accepted.v1',
    'polku.transitions.handoff.handoff-declined.v1',
    'polku.transitions.handoff.handoff-completed.v1',
  ] as const)('should let go of the hand-off once answered (%s)', (subject) => {
    const story = new PathStory('2026-05-04');
    story.step(1, 'TRANSITION_PENDING');
    story.add('polku.transitions.handoff.handoff-proposed.v1', { handoffId: 'h-1' });
    story.add(subject, { handoffId: 'h-1' }, ORGS.nextProvider);

    expect(story.facts('NOW_HANDOFF')).toEqual([]);
  });
});
