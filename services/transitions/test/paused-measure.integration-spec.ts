import { NEXT_STEP_OVERDUE_V1, NEXT_STEP_SET_V1, type NextStepSetPayload } from '@polku/contracts';
import { waitFor } from '@polku/testing';
import { PathStory } from './support/path-story';
import {
  makeDue,
  outboxEvents,
  startTransitionsService,
  timersOf,
  type TransitionsService,
} from './support/transitions-service';

// Hole a of issue 18: a measure paused without an end date went quiet, because every timer of
// the path stood still while paused, the RESUME_MEASURE step's ladder too.
describe('a measure paused without an expected resume date', () => {
  let service: TransitionsService;

  beforeAll(async () => {
    service = await startTransitionsService();
  });

  afterAll(async () => {
    await service.close();
  });

  const overdue = (story: PathStory) =>
    outboxEvents<{ nextStep: string; level: string; accountableOrgId: string }>(
      service.dataSource,
      NEXT_STEP_OVERDUE_V1.subject,
      story.pathId,
    );

  async function pausedIndefinitely(): Promise<PathStory> {
    const story = new PathStory(service);
    await story.untilInMeasure();
    await story.measurePaused({ expectedResume: null });
    await story.reaches('PAUSED');
    return story;
  }

  it('should escalate “resume or decide” to the worker, the team lead and the manager, each once, while the other timers stand still', async () => {
    const story = await pausedIndefinitely();
    expect((await story.view()).nextStep).toMatchObject({ kind: 'RESUME_MEASURE' });

    for (const [rung, level] of (['WORKER', 'TEAM_LEAD', 'MANAGER'] as const).entries()) {
      await makeDue(service.dataSource, `next-step:${story.pathId}:${level}`);
      await waitFor(async () => (await overdue(story)).length === rung + 1, {
        description: `NextStepOverdue at ${level}`,
      });
    }

    expect((await overdue(story)).map((event) => event.data)).toMatchObject([
      { nextStep: 'RESUME_MEASURE', level: 'WORKER', accountableOrgId: story.provider.orgId },
      { nextStep: 'RESUME_MEASURE', level: 'TEAM_LEAD', accountableOrgId: story.provider.orgId },
      { nextStep: 'RESUME_MEASURE', level: 'MANAGER', accountableOrgId: story.provider.orgId },
    ]);
    const last = (
      await outboxEvents<NextStepSetPayload>(
        service.dataSource,
        NEXT_STEP_SET_V1.subject,
        story.pathId,
      )
    ).at(-1);
    expect(last?.data).toMatchObject({
      state: 'PAUSED',
      nextStep: 'RESUME_MEASURE',
      level: 'MANAGER',
    });
    // Still paused: the measure's ending reminders stand still, only the step's ladder ran.
    const timers = await timersOf(service.dataSource, story.pathId);
    const reminders = timers.filter((timer) => timer.kind === 'measure-ending-soon');
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.every((timer) => timer.status === 'SUSPENDED')).toBe(true);
    expect(
      timers
        .filter((timer) => timer.kind === 'next-step-overdue' && timer.status !== 'CANCELLED')
        .map((timer) => [timer.key, timer.status]),
    ).toEqual(
      ['WORKER', 'TEAM_LEAD', 'MANAGER'].map((level) => [
        `next-step:${story.pathId}:${level}`,
        'FIRED',
      ]),
    );
  });

  it('should stop the pause’s ladder and run the other timers again when the measure resumes', async () => {
    const story = await pausedIndefinitely();
    await makeDue(service.dataSource, `next-step:${story.pathId}:WORKER`);
    await waitFor(async () => (await overdue(story)).length === 1, {
      description: 'NextStepOverdue at WORKER',
    });

    await story.measureResumed();
    await story.reaches('IN_MEASURE');

    const timers = await timersOf(service.dataSource, story.pathId);
    expect(
      timers
        .filter((timer) => timer.status === 'SCHEDULED' || timer.status === 'SUSPENDED')
        .map((timer) => [timer.kind, timer.status]),
    ).toEqual(
      expect.not.arrayContaining([
        ['measure-ending-soon', 'SUSPENDED'],
        ['next-step-overdue', 'SUSPENDED'],
      ]),
    );
    expect((await story.view()).nextStep).toMatchObject({
      kind: 'PLAN_NEXT_STEP',
      level: 'WORKER',
    });
    const live = timers.filter(
      (timer) => timer.kind === 'next-step-overdue' && timer.status === 'SCHEDULED',
    );
    expect(live.map((timer) => timer.key)).toEqual([`next-step:${story.pathId}:WORKER`]);
  });
});
