import type { ObservableResult } from '@opentelemetry/api';
import {
  CLIENT_EXITED_V1,
  FOLLOW_UP_DUE_V1,
  FOLLOW_UP_MISSED_V1,
  FOLLOW_UP_SCHEDULED_V1,
  PATH_CLOSED_V1,
  TRANSITION_COMMANDS,
} from '@polku/contracts';
import { waitFor } from '@polku/testing';
import { LostPathsMetric } from '../src/lost-paths/lost-paths.metric';
import type { PathView } from '../src/paths/path.view';
import { daysFromToday, personOf, PathStory, today } from './support/path-story';
import {
  makeDue,
  outboxEvents,
  startTransitionsService,
  type TransitionsService,
} from './support/transitions-service';

interface LostPathsAnswer {
  items: { pathId: string; reasons: string[]; accountableOrgId: string; workerId: string }[];
  count: number;
}

describe('exits and follow-ups', () => {
  let service: TransitionsService;

  beforeAll(async () => {
    service = await startTransitionsService();
  });

  afterAll(async () => {
    await service.close();
  });

  async function exitToOpenLabourMarket(story: PathStory): Promise<PathView> {
    await story.untilIntake();
    return service.ask<PathView>(TRANSITION_COMMANDS.exitPath, story.provider, {
      pathId: story.pathId,
      expectedVersion: await story.version(),
      body: {
        destination: { group: 'LABOUR_MARKET', category: 'OPEN_LABOUR_MARKET' },
        confirmed: false,
        exitDate: today(),
      },
    });
  }

  it('should schedule three follow-ups when the client exits to the open labour market', async () => {
    const story = new PathStory(service);

    const course = await exitToOpenLabourMarket(story);

    expect(course).toMatchObject({
      state: 'FOLLOW_UP',
      exit: { destination: { category: 'OPEN_LABOUR_MARKET' }, confirmed: false },
      nextStep: { kind: 'FOLLOW_UP' },
    });
    expect(course.followUps).toHaveLength(3);
    expect(
      await outboxEvents(service.dataSource, CLIENT_EXITED_V1.subject, story.pathId),
    ).toHaveLength(1);
    const [scheduled] = await outboxEvents<{ ownerOrgId: string; followUps: unknown[] }>(
      service.dataSource,
      FOLLOW_UP_SCHEDULED_V1.subject,
      story.pathId,
    );
    expect(scheduled.data).toEqual({
      ownerOrgId: story.provider.orgId,
      followUps: course.followUps.map(({ followUpId, dueDate }) => ({ followUpId, dueDate })),
    });
  });

  it('should refuse to close a path whose destination is not confirmed with a conflict naming its state', async () => {
    const story = new PathStory(service);
    const { version } = await exitToOpenLabourMarket(story);

    expect(
      await service.askError(TRANSITION_COMMANDS.closePath, story.provider, {
        pathId: story.pathId,
        expectedVersion: version,
        body: {},
      }),
    ).toMatchObject({ code: 'CONFLICT', details: { pathState: 'FOLLOW_UP' } });
  });

  it('should keep an unclear path with its owner and a review date, reviewed again and never closed', async () => {
    const story = new PathStory(service);
    await story.untilIntake();
    const unclear = await service.ask<PathView>(TRANSITION_COMMANDS.exitPath, story.provider, {
      pathId: story.pathId,
      expectedVersion: await story.version(),
      body: {
        destination: { group: 'OUTSIDE_LABOUR_MARKET', category: 'UNCLEAR_PATH' },
        confirmed: false,
        exitDate: today(),
      },
    });
    expect(unclear).toMatchObject({
      state: 'UNCLEAR_PATH',
      accountable: { orgId: story.provider.orgId },
      nextStep: { kind: 'REVIEW_UNCLEAR_PATH' },
    });

    const reviewed = await service.ask<PathView>(
      TRANSITION_COMMANDS.reviewUnclearPath,
      story.provider,
      {
        pathId: story.pathId,
        expectedVersion: unclear.version,
        body: { nextReviewDate: daysFromToday(30) },
      },
    );

    expect(reviewed).toMatchObject({
      state: 'UNCLEAR_PATH',
      nextStep: { kind: 'REVIEW_UNCLEAR_PATH', dueDate: daysFromToday(30), level: 'WORKER' },
    });
    expect(
      await service.askError(TRANSITION_COMMANDS.reviewUnclearPath, story.outsider, {
        pathId: story.pathId,
        expectedVersion: reviewed.version,
        body: {},
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await service.askError(TRANSITION_COMMANDS.closePath, story.provider, {
        pathId: story.pathId,
        expectedVersion: reviewed.version,
        body: {},
      }),
    ).toMatchObject({ code: 'CONFLICT' });
  });

  it('should raise FollowUpDue, then FollowUpMissed, and list the path as lost for the manager when a follow-up is not done', async () => {
    const story = new PathStory(service);
    const { followUps } = await exitToOpenLabourMarket(story);
    const [first, second] = followUps;

    await makeDue(service.dataSource, `follow-up-due:${story.pathId}:${first.followUpId}`);
    const [due] = await waitFor(
      async () => {
        const events = await outboxEvents(
          service.dataSource,
          FOLLOW_UP_DUE_V1.subject,
          story.pathId,
        );
        return events.length > 0 ? events : undefined;
      },
      { description: 'FollowUpDue' },
    );
    expect(due).toMatchObject({
      emitter: { orgRole: 'SYSTEM', actorId: 'transitions:follow-up-due' },
      data: {
        followUpId: first.followUpId,
        dueDate: first.dueDate,
        ownerOrgId: story.provider.orgId,
      },
    });
    await makeDue(service.dataSource, `follow-up-missed:${story.pathId}:${first.followUpId}`);
    const [missed] = await waitFor(
      async () => {
        const events = await outboxEvents(
          service.dataSource,
          FOLLOW_UP_MISSED_V1.subject,
          story.pathId,
        );
        return events.length > 0 ? events : undefined;
      },
      { description: 'FollowUpMissed' },
    );

    expect(missed.data).toEqual({
      followUpId: first.followUpId,
      dueDate: first.dueDate,
      ownerOrgId: story.provider.orgId,
      escalatedTo: 'MANAGER',
    });
    expect((await story.view()).followUps[0]).toMatchObject({ status: 'MISSED' });
    const manager = personOf(story.provider.orgId, 'PROVIDER', 'MANAGER');
    const lost = await service.ask<LostPathsAnswer>(TRANSITION_COMMANDS.listLostPaths, manager, {
      limit: 100,
    });
    expect(lost.items.find((item) => item.pathId === story.pathId)).toEqual({
      pathId: story.pathId,
      state: 'FOLLOW_UP',
      accountableOrgId: story.provider.orgId,
      workerId: story.provider.userId,
      // The next open follow-up is the step now; the missed one stays with the manager.
      nextStep: { kind: 'FOLLOW_UP', dueDate: second.dueDate, level: 'WORKER' },
      reasons: ['FOLLOW_UP_MISSED'],
    });
    expect(lost.count).toBe(lost.items.length);
    // Another organisation's manager sees none of it.
    const otherManager = personOf(story.outsider.orgId, 'PROVIDER', 'MANAGER');
    expect(
      await service.ask<LostPathsAnswer>(TRANSITION_COMMANDS.listLostPaths, otherManager, {
        limit: 100,
      }),
    ).toEqual({ items: [], nextCursor: null, count: 0 });
    // The list pages: a page larger than the maximum is refused, never cut down.
    expect(
      await service.askError(TRANSITION_COMMANDS.listLostPaths, manager, { limit: 101 }),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
    // The metric counts it too.
    const observed: { value: number; reason: unknown }[] = [];
    await service.app.get(LostPathsMetric).observe({
      observe: (value: number, attributes?: { reason?: unknown }) =>
        observed.push({ value, reason: attributes?.reason }),
    } as ObservableResult);
    expect(observed.find((o) => o.reason === 'FOLLOW_UP_MISSED')?.value).toBeGreaterThanOrEqual(1);
  });

  it('should refuse the lost-path view to a caseworker with FORBIDDEN', async () => {
    const story = new PathStory(service);

    expect(
      await service.askError(TRANSITION_COMMANDS.listLostPaths, story.provider, { limit: 25 }),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('should close the path with PathClosed when every follow-up is done and confirms the destination', async () => {
    const story = new PathStory(service);
    const exited = await exitToOpenLabourMarket(story);

    // Each answer carries the path's new version, the If-Match of the next command.
    let { version } = exited;
    for (const followUp of exited.followUps) {
      ({ version } = await service.ask<PathView>(
        TRANSITION_COMMANDS.completeFollowUp,
        story.provider,
        {
          pathId: story.pathId,
          id: followUp.followUpId,
          expectedVersion: version,
          body: {
            statusNow: 'SAME',
            contactMode: 'PHONE',
            helpGiven: ['NONE'],
            confirmsDestination: true,
          },
        },
      ));
    }
    const closed = await service.ask<PathView>(TRANSITION_COMMANDS.closePath, story.provider, {
      pathId: story.pathId,
      expectedVersion: version,
      body: {},
    });

    expect(closed).toMatchObject({ state: 'CLOSED', nextStep: null });
    expect(
      await outboxEvents(service.dataSource, PATH_CLOSED_V1.subject, story.pathId),
    ).toMatchObject([
      {
        data: { confirmedDestination: { group: 'LABOUR_MARKET', category: 'OPEN_LABOUR_MARKET' } },
      },
    ]);
  });

  it('should give every open path of a provider whose funding ends the step to rehome it', async () => {
    const first = new PathStory(service);
    await first.untilIntake();
    // A second path of the same provider.
    const second = Object.assign(new PathStory(service), { provider: first.provider });
    await second.untilIntake();
    const manager = personOf(first.provider.orgId, 'PROVIDER', 'MANAGER');
    const endDate = '2099-12-31';

    const answer = await service.ask(TRANSITION_COMMANDS.announceFundingEnding, manager, {
      orgId: first.provider.orgId,
      body: { endDate },
    });

    expect(answer).toEqual({ affectedPaths: 2 });
    expect((await first.view()).nextStep).toMatchObject({
      kind: 'REHOME_BEFORE_FUNDING_ENDS',
      dueDate: '2099-12-30',
    });
    expect(
      await service.askError(TRANSITION_COMMANDS.announceFundingEnding, manager, {
        orgId: first.employmentAuthority.orgId,
        body: { endDate },
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});
