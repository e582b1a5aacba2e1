import { ORGS, PathStory } from '../../../test/support/path-story';
import { compareEvents } from './fold-order';

describe('foldPath', () => {
  it('should read a path in time order, whatever order its events are given in', () => {
    const story = new PathStory();
    story.add('polku.intake.referral.client-referred.v1', { toOrgId: ORGS.provider });
    story.on('2026-01-07').add('polku.intake.intake.intake-completed.v1', { ageBand: 'AGE_25_29' });
    story.on('2026-01-09').add('polku.intake.intake.intake-completed.v1', { ageBand: 'AGE_30_39' });

    const history = story.history([...story.events()].reverse());

    expect(history.referral?.day).toBe('2026-01-05');
    expect(history.intakes.map((intake) => intake.ageBand)).toEqual(['AGE_25_29', 'AGE_30_39']);
    expect(history.first?.day).toBe('2026-01-05');
  });

  it('should date events by their Helsinki day, not their UTC one', () => {
    const story = new PathStory();
    story.add('polku.intake.referral.client-referred.v1');
    const [row] = story.events();

    // 22:30 UTC on 5 January is 00:30 on 6 January in Helsinki.
    const history = story.history([{ ...row, occurredAt: '2026-01-05T22:30:00.000Z' }]);

    expect(history.referral?.day).toBe('2026-01-06');
  });

  it('should keep one step per path version, in version order', () => {
    const story = new PathStory();
    story.step(2, 'INTAKE').step(1, 'REFERRED').step(3, 'PLANNING');

    expect(story.history().steps.map((step) => [step.version, step.state])).toEqual([
      [1, 'REFERRED'],
      [2, 'INTAKE'],
      [3, 'PLANNING'],
    ]);
  });

  it('should put a NextStepSet after the other events of its instant, by version', () => {
    const story = new PathStory();
    story.step(2, 'INTAKE');
    story.add('polku.intake.referral.referral-accepted.v1');
    story.step(1, 'REFERRED');
    const same = story
      .events()
      .map((event) => ({ ...event, occurredAt: '2026-01-05T08:00:00.000Z' }));

    const sorted = [...same].sort(compareEvents).map((event) => event.data.pathVersion ?? 'answer');

    expect(sorted).toEqual(['answer', 1, 2]);
  });

  it('should gather the organisations that became parties, never polku itself', () => {
    const story = new PathStory();
    story.add('polku.intake.referral.client-referred.v1', {
      fromOrgId: ORGS.authority,
      toOrgId: ORGS.provider,
    });
    story.add(
      'polku.transitions.path.ownership-transferred.v1',
      {
        fromOrgId: ORGS.provider,
        toOrgId: ORGS.nextProvider,
      },
      'SYSTEM',
    );
    story.step(1, 'PLANNING', { orgId: ORGS.social });

    expect([...story.history().parties].sort()).toEqual(
      [ORGS.authority, ORGS.provider, ORGS.nextProvider, ORGS.social].sort(),
    );
  });

  it('should keep only the latest GAS level of a goal, by when it was assessed', () => {
    const story = new PathStory();
    const goalId = '0190f0a0-0000-7000-8000-000000000001';
    story.add('polku.plans.goal.goal-progress-recorded.v1', {
      goalId,
      gasLevel: 1,
      recordedAt: '2026-03-01T10:00:00.000Z',
    });
    story.add('polku.plans.goal.goal-progress-recorded.v1', {
      goalId,
      gasLevel: -1,
      recordedAt: '2026-02-01T10:00:00.000Z',
    });
    story.add('polku.plans.goal.goal-progress-recorded.v1', {
      goalId,
      gasLevel: undefined,
      recordedAt: '2026-04-01T10:00:00.000Z',
    });

    expect(story.history().goals.map((goal) => goal.gasLevel)).toEqual([1]);
  });
});
