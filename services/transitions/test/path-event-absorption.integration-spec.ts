import { ACTIVATION_PLAN_AGREED_V1, TRANSITION_COMMANDS } from '@polku/contracts';
import { durableName } from '@polku/messaging';
import { waitFor } from '@polku/testing';
import type { PathView } from '../src/paths/path.view';
import { daysFromToday, PathStory } from './support/path-story';
import { startTransitionsService, type TransitionsService } from './support/transitions-service';

// Another service's event is a fact: transitions moves the path or records it, and waits only
// for an event it certainly follows (docs/path-rules.md). Neither ends as a dead letter.

describe('facts of activation-plans that transitions absorbs', () => {
  let service: TransitionsService;

  beforeAll(async () => {
    service = await startTransitionsService();
  });

  afterAll(async () => {
    await service.close();
  });

  /** Dead letters of this path's events: the payload carries the path id. */
  const deadLettersOf = (story: PathStory) =>
    service.dataSource.query<{ subject: string; error: string }[]>(
      'SELECT subject, error FROM dead_letter WHERE payload LIKE $1',
      [`%${story.pathId}%`],
    );

  it('should record a measure started while a hand-off is pending, keep waiting for the answer, and leave no dead letter', async () => {
    const story = new PathStory(service);
    await story.untilIntake();
    await story.intakeCompleted();
    await story.reaches('PLANNING');
    await story.planAgreed();
    await story.reaches('PLANNING', (path) => path.nextStep?.kind === 'START_MEASURE');
    // The provider proposes a hand-off while activation-plans, which has not seen it yet,
    // starts a measure.
    await service.ask<PathView>(TRANSITION_COMMANDS.proposeHandoff, story.provider, {
      pathId: story.pathId,
      body: {
        destination: { group: 'LABOUR_MARKET', category: 'SUPPORTED_EMPLOYMENT' },
        receivingOrgId: story.receiver.orgId,
        proposedDate: daysFromToday(14),
        rationaleCategory: 'CLIENT_READY_FOR_MORE',
        proposedBy: 'WORKER',
      },
    });
    await story.reaches('TRANSITION_PENDING');

    await story.measureStarted();

    await story.reaches(
      'TRANSITION_PENDING',
      (path) => path.activeMeasure?.measureId === story.measureId,
    );
    expect(await story.view()).toMatchObject({
      state: 'TRANSITION_PENDING',
      nextStep: { kind: 'AWAIT_HANDOFF_ANSWER' },
    });
    expect(await deadLettersOf(story)).toEqual([]);
  });

  it('should wait with a measure started before the intake arrived, then start it, and leave no dead letter', async () => {
    const story = new PathStory(service);
    const parked = () =>
      service.dataSource.query<{ event_type: string }[]>(
        'SELECT event_type FROM parked_event WHERE path_id = $1',
        [story.pathId],
      );
    await story.untilIntake();

    await story.measureStarted();
    // Refused as early and parked: kept for the intake, not dropped and not dead-lettered.
    await waitFor(async () => (await parked()).length === 1, {
      description: 'MeasureStarted parked',
    });
    await story.intakeCompleted();
    await story.reaches('IN_MEASURE');
    // The plan's agreement, arriving after its measure, is recorded without moving the path.
    const agreementsConsumed = async () =>
      Number(
        (
          await service.dataSource.query<{ n: string }[]>(
            'SELECT count(*) AS n FROM inbox_message WHERE consumer = $1',
            [durableName('transitions', ACTIVATION_PLAN_AGREED_V1.subject)],
          )
        )[0].n,
      );
    const consumedBefore = await agreementsConsumed();
    await story.planAgreed();
    await waitFor(async () => (await agreementsConsumed()) > consumedBefore, {
      description: 'the plan agreement consumed',
    });
    expect(await story.view()).toMatchObject({
      state: 'IN_MEASURE',
      nextStep: { kind: 'PLAN_NEXT_STEP' },
    });
    expect(await parked()).toEqual([]);
    expect(await deadLettersOf(story)).toEqual([]);
  });
});
