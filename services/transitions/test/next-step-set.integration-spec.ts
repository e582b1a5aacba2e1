import {
  HANDOFF_PROPOSED_V1,
  MEASURE_ENDING_SOON_V1,
  NEXT_STEP_OVERDUE_V1,
  NEXT_STEP_SET_V1,
  TRANSITION_COMMANDS,
  type NextStepSetPayload,
} from '@polku/contracts';
import { waitFor } from '@polku/testing';
import type { PathView } from '../src/paths/path.view';
import { daysFromToday, PathStory } from './support/path-story';
import {
  makeDue,
  outboxEvents,
  startTransitionsService,
  timersOf,
  type TransitionsService,
} from './support/transitions-service';

describe('NextStepSet: where the path stands, told once per change', () => {
  let service: TransitionsService;

  beforeAll(async () => {
    service = await startTransitionsService();
  });

  afterAll(async () => {
    await service.close();
  });

  const nextStepSets = (story: PathStory) =>
    outboxEvents<NextStepSetPayload>(service.dataSource, NEXT_STEP_SET_V1.subject, story.pathId);

  /** Every subject written on the path, in the order written. */
  async function subjectsOf(story: PathStory): Promise<string[]> {
    const rows = await service.dataSource.query<{ subject: string }[]>(
      `SELECT subject FROM outbox_message WHERE payload->>'pathId' = $1 ORDER BY created_at, id`,
      [story.pathId],
    );
    return rows.map((row) => row.subject);
  }

  it('should write exactly one NextStepSet for an upstream event that moves the path, after nothing else', async () => {
    const story = new PathStory(service);
    await story.referred();
    await story.reaches('REFERRED');
    await story.accepted();
    await story.reaches('INTAKE');

    const written = await nextStepSets(story);
    const path = await story.view();
    expect(written.map((event) => event.data)).toEqual([
      {
        state: 'REFERRED',
        pathVersion: 1,
        accountableOrgId: story.employmentAuthority.orgId,
        workerId: story.employmentAuthority.userId,
        nextStep: 'ANSWER_REFERRAL',
        dueDate: expect.any(String),
      },
      {
        state: 'INTAKE',
        pathVersion: path.version,
        accountableOrgId: story.provider.orgId,
        workerId: story.provider.userId,
        nextStep: 'COMPLETE_INTAKE',
        dueDate: path.nextStep?.dueDate,
      },
    ]);
    // Caused by client-intake's event, emitted by this service, as the decision's other events.
    expect(written[1]).toMatchObject({
      clientRef: story.clientRef,
      emitter: { orgRole: 'SYSTEM', actorId: 'transitions:path-course' },
      causationId: expect.any(String),
    });
  });

  it('should write exactly one NextStepSet for a command, after the command’s own events', async () => {
    const story = new PathStory(service);
    await story.untilInMeasure();
    const before = (await nextStepSets(story)).length;

    const path = await service.ask<PathView>(TRANSITION_COMMANDS.proposeHandoff, story.provider, {
      pathId: story.pathId,
      body: {
        destination: { group: 'LABOUR_MARKET', category: 'SUPPORTED_EMPLOYMENT' },
        receivingOrgId: story.receiver.orgId,
        proposedDate: daysFromToday(14),
        rationaleCategory: 'CLIENT_READY_FOR_MORE',
        proposedBy: 'WORKER',
      },
    });

    const written = await nextStepSets(story);
    expect(written).toHaveLength(before + 1);
    expect(written[before]).toMatchObject({
      emitter: { orgId: story.provider.orgId, actorId: story.provider.userId },
      data: {
        state: 'TRANSITION_PENDING',
        pathVersion: path.version,
        accountableOrgId: story.provider.orgId,
        workerId: story.provider.userId,
        nextStep: 'AWAIT_HANDOFF_ANSWER',
        dueDate: path.nextStep?.dueDate,
      },
    });
    expect(written[before].data).not.toHaveProperty('level');
    expect((await subjectsOf(story)).slice(-2)).toEqual([
      HANDOFF_PROPOSED_V1.subject,
      NEXT_STEP_SET_V1.subject,
    ]);
  });

  it('should write exactly one NextStepSet per rung a timer climbs, with the rung reached', async () => {
    const story = new PathStory(service);
    await story.untilIntake();
    const before = (await nextStepSets(story)).length;

    for (const [rung, level] of (['WORKER', 'TEAM_LEAD'] as const).entries()) {
      await makeDue(service.dataSource, `next-step:${story.pathId}:${level}`);
      await waitFor(
        async () =>
          (await outboxEvents(service.dataSource, NEXT_STEP_OVERDUE_V1.subject, story.pathId))
            .length ===
          rung + 1,
        { description: `NextStepOverdue at ${level}` },
      );
    }

    const written = await nextStepSets(story);
    const path = await story.view();
    expect(written.slice(before).map((event) => event.data)).toEqual([
      expect.objectContaining({ state: 'INTAKE', nextStep: 'COMPLETE_INTAKE', level: 'WORKER' }),
      {
        state: 'INTAKE',
        pathVersion: path.version,
        accountableOrgId: story.provider.orgId,
        workerId: story.provider.userId,
        nextStep: 'COMPLETE_INTAKE',
        dueDate: path.nextStep?.dueDate,
        level: 'TEAM_LEAD',
      },
    ]);
    expect(written[before].emitter).toMatchObject({
      orgRole: 'SYSTEM',
      actorId: 'transitions:next-step-overdue',
    });
    expect((await subjectsOf(story)).slice(-2)).toEqual([
      NEXT_STEP_OVERDUE_V1.subject,
      NEXT_STEP_SET_V1.subject,
    ]);
  });

  it('should write no NextStepSet for a decision that changes none of state, owner, worker, step or rung', async () => {
    const story = new PathStory(service);
    await story.untilInMeasure();
    const before = await nextStepSets(story);
    const versionBefore = await story.version();

    const [reminder] = (await timersOf(service.dataSource, story.pathId)).filter(
      (timer) => timer.kind === 'measure-ending-soon' && timer.status === 'SCHEDULED',
    );
    await makeDue(service.dataSource, reminder.key);
    await waitFor(
      async () =>
        (await outboxEvents(service.dataSource, MEASURE_ENDING_SOON_V1.subject, story.pathId))
          .length === 1,
      { description: 'MeasureEndingSoon written' },
    );

    // The reminder is a change of the path (its version) but not of where it stands.
    expect(await story.version()).toBeGreaterThan(versionBefore);
    expect(await nextStepSets(story)).toEqual(before);
  });
});
