import { randomUUID } from 'node:crypto';
import { FOLLOW_UP_DUE_V1, OWNERSHIP_TRANSFERRED_V1, TRANSITION_COMMANDS } from '@polku/contracts';
import { waitFor } from '@polku/testing';
import type { PathView } from '../src/paths/path.view';
import { daysFromToday, personOf, PathStory, today } from './support/path-story';
import {
  makeDue,
  outboxEvents,
  startTransitionsService,
  timersOf,
  type TransitionsService,
} from './support/transitions-service';

// Issue 18 c through the real service (PostgreSQL, NATS): a path in follow-up whose provider's
// funding ends. Before, the announcement skipped it and its follow-ups stayed with a provider
// that no longer exists; now they move to the path's employment authority on the end date,
// unless the provider re-homed them first.

describe('follow-ups when the provider’s funding ends', () => {
  let service: TransitionsService;

  beforeAll(async () => {
    service = await startTransitionsService();
  });

  afterAll(async () => {
    await service.close();
  });

  /** A path with a plan naming its employment authority, exited to the open labour market. */
  async function exitedWithPlan(story: PathStory): Promise<PathView> {
    await story.untilIntake();
    await story.intakeCompleted();
    await story.reaches('PLANNING');
    await story.planAgreed();
    await story.reaches('PLANNING', (path) => path.nextStep?.kind === 'START_MEASURE');
    await waitFor(
      async () =>
        (
          await service.dataSource.query(
            `SELECT 1 FROM path_access_plan_party WHERE path_id = $1 AND role = 'EMPLOYMENT_AUTHORITY'`,
            [story.pathId],
          )
        ).length > 0,
      { description: 'the plan parties projected' },
    );
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

  const announce = (story: PathStory) =>
    service.ask<{ affectedPaths: number }>(
      TRANSITION_COMMANDS.announceFundingEnding,
      personOf(story.provider.orgId, 'PROVIDER', 'MANAGER'),
      { orgId: story.provider.orgId, body: { endDate: daysFromToday(1) } },
    );

  it('should move the follow-ups to the path’s employment authority on the end date, for its team lead', async () => {
    const story = new PathStory(service);
    await exitedWithPlan(story);

    expect(await announce(story)).toEqual({ affectedPaths: 1 });
    const timerKey = `funding-ended:${story.pathId}:${story.provider.orgId}`;
    expect((await timersOf(service.dataSource, story.pathId)).map((t) => t.key)).toContain(
      timerKey,
    );

    await makeDue(service.dataSource, timerKey);
    const [moved] = await waitFor(async () => {
      const events = await outboxEvents<{ toOrgId: string; reason: string }>(
        service.dataSource,
        OWNERSHIP_TRANSFERRED_V1.subject,
        story.pathId,
      );
      return events.length > 0 ? events : undefined;
    });

    expect(moved.data).toMatchObject({
      fromOrgId: story.provider.orgId,
      toOrgId: story.employmentAuthority.orgId,
      toWorkerId: 'unassigned',
      reason: 'PROVIDER_FUNDING_ENDED',
    });
    const asAuthority = await story.view(story.employmentAuthority);
    expect(asAuthority).toMatchObject({
      state: 'FOLLOW_UP',
      accountable: { orgId: story.employmentAuthority.orgId, workerId: 'unassigned' },
      nextStep: { kind: 'FOLLOW_UP', level: 'TEAM_LEAD' },
    });
    // Its follow-ups now fall due to the employment authority.
    const first = asAuthority.followUps[0];
    await makeDue(service.dataSource, `follow-up-due:${story.pathId}:${first.followUpId}`);
    const [due] = await waitFor(async () => {
      const events = await outboxEvents<{ ownerOrgId: string }>(
        service.dataSource,
        FOLLOW_UP_DUE_V1.subject,
        story.pathId,
      );
      return events.length > 0 ? events : undefined;
    });
    expect(due.data.ownerOrgId).toBe(story.employmentAuthority.orgId);
    // Its team lead names the worker.
    const named = await service.ask<PathView>(
      TRANSITION_COMMANDS.changeResponsibleWorker,
      personOf(story.employmentAuthority.orgId, 'EMPLOYMENT_AUTHORITY', 'TEAM_LEAD'),
      {
        pathId: story.pathId,
        expectedVersion: await story.version(story.employmentAuthority),
        body: { toWorkerId: 'usr_te_counsellor', reasonCategory: 'OTHER' },
      },
    );
    expect(named.accountable).toEqual({
      orgId: story.employmentAuthority.orgId,
      workerId: 'usr_te_counsellor',
    });
  });

  it('should let the provider re-home the follow-ups before the end, after which the end date moves nothing', async () => {
    const story = new PathStory(service);
    const exited = await exitedWithPlan(story);
    await announce(story);
    const social = randomUUID();

    const refused = await service.askError(TRANSITION_COMMANDS.rehomeFollowUps, story.provider, {
      pathId: story.pathId,
      expectedVersion: (await story.view()).version,
      body: { toOrgId: social, toWorkerId: 'usr_social_1' },
      toOrgRole: 'KELA',
    });
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(
      await service.askError(TRANSITION_COMMANDS.rehomeFollowUps, story.provider, {
        pathId: story.pathId,
        expectedVersion: exited.version,
        body: { toOrgId: social, toWorkerId: 'usr_social_1' },
        toOrgRole: 'SOCIAL_SERVICES',
      }),
    ).toMatchObject({ code: 'PRECONDITION_FAILED' });

    const rehomed = await service.ask<PathView>(
      TRANSITION_COMMANDS.rehomeFollowUps,
      story.provider,
      {
        pathId: story.pathId,
        expectedVersion: (await story.view()).version,
        body: { toOrgId: social, toWorkerId: 'usr_social_1' },
        toOrgRole: 'SOCIAL_SERVICES',
      },
    );

    expect(rehomed.accountable).toEqual({ orgId: social, workerId: 'usr_social_1' });
    const timers = await timersOf(service.dataSource, story.pathId);
    expect(timers.filter((t) => t.kind === 'funding-ended').map((t) => t.status)).toEqual([
      'CANCELLED',
    ]);
    const events = await outboxEvents<{ toOrgId: string; reason: string }>(
      service.dataSource,
      OWNERSHIP_TRANSFERRED_V1.subject,
      story.pathId,
    );
    expect(events.map((event) => event.data)).toEqual([
      expect.objectContaining({ toOrgId: social, reason: 'PROVIDER_FUNDING_ENDED' }),
    ]);
  });
});
