import {
  CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1,
  CONSENT_GRANTED_V1,
  REFERRAL_ACCEPTED_V1,
  TRANSITION_COMMANDS,
  WAITING_STARTED_V1,
} from '@polku/contracts';
import { newOutboxEvent, waitFor } from '@polku/testing';
import type { PathView } from '../src/paths/path.view';
import { daysFromToday, PathStory, today } from './support/path-story';
import {
  outboxEvents,
  startTransitionsService,
  timersOf,
  type TransitionsService,
} from './support/transitions-service';

describe('events of client-intake and activation-plans', () => {
  let service: TransitionsService;

  beforeAll(async () => {
    service = await startTransitionsService();
  });

  afterAll(async () => {
    await service.close();
  });

  const liveTimers = async (story: PathStory) =>
    (await timersOf(service.dataSource, story.pathId)).filter((timer) =>
      ['SCHEDULED', 'SUSPENDED'].includes(timer.status),
    );

  it('should suspend the path’s timers but its step’s ladder while its measure is paused and resume them with it', async () => {
    const story = new PathStory(service);
    await story.untilInMeasure();
    expect((await liveTimers(story)).length).toBeGreaterThan(0);

    await story.measurePaused();
    await story.reaches('PAUSED');
    const live = await liveTimers(story);
    // RESUME_MEASURE's own ladder runs while paused (docs/transitions.md, Timers); the rest stand still.
    const ladderKey = `next-step:${story.pathId}:WORKER`;
    expect(live.filter((timer) => timer.key === ladderKey).map((t) => t.status)).toEqual([
      'SCHEDULED',
    ]);
    const paused = live.filter((timer) => timer.key !== ladderKey);
    expect(paused.length).toBeGreaterThan(0);
    expect(paused.map((timer) => timer.status)).toEqual(paused.map(() => 'SUSPENDED'));

    await story.measureResumed();
    await story.reaches('IN_MEASURE');
    const resumed = await liveTimers(story);
    expect(resumed.map((timer) => timer.status)).toEqual(resumed.map(() => 'SCHEDULED'));
    // The measure-ending reminders that stood still run again.
    expect(resumed.map((timer) => timer.key)).toEqual(
      expect.arrayContaining(paused.map((timer) => timer.key)),
    );
  });

  it('should park ReferralAccepted that arrives before its ClientReferred until the referral is there', async () => {
    const story = new PathStory(service);
    const parked = () =>
      service.dataSource.query<{ event_type: string }[]>(
        'SELECT event_type FROM parked_event WHERE path_id = $1',
        [story.pathId],
      );

    await story.accepted();
    // Refused as early and kept, acknowledged: not redelivered, not dropped.
    await waitFor(async () => (await parked()).length === 1, {
      description: 'ReferralAccepted parked',
    });
    await story.referred();

    await story.reaches('INTAKE');
    expect((await story.view()).accountable).toEqual({
      orgId: story.provider.orgId,
      workerId: story.provider.userId,
    });
    expect(await parked()).toEqual([]);
    expect(
      await service.dataSource.query('SELECT 1 FROM dead_letter WHERE subject = $1', [
        REFERRAL_ACCEPTED_V1.subject,
      ]),
    ).toEqual([]);
  });

  it('should continue the previous path as REENTERED when the client returns on a new path', async () => {
    const story = new PathStory(service);
    await story.untilIntake();
    await service.ask(TRANSITION_COMMANDS.exitPath, story.provider, {
      pathId: story.pathId,
      expectedVersion: await story.version(),
      body: {
        destination: { group: 'LABOUR_MARKET', category: 'OPEN_LABOUR_MARKET' },
        confirmed: true,
        exitDate: today(),
      },
    });
    const returned = newOutboxEvent(CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1.subject, {
      data: { previousPathId: story.pathId },
    });

    await service.publish(CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1.subject, {
      ...returned,
      clientRef: story.clientRef,
    });

    await story.reaches('REENTERED');
    expect(await story.view()).toMatchObject({
      state: 'REENTERED',
      nextStep: null,
      continuedByPathId: returned.pathId,
    });
    expect(await liveTimers(story)).toEqual([]);
  });

  it('should let a caseworker record a wait only with the client’s consent for health flags', async () => {
    const story = new PathStory(service);
    await story.untilIntake();
    const body = { waitingFor: 'MENTAL_HEALTH_SERVICE' };
    expect(
      await service.askError(TRANSITION_COMMANDS.startWaiting, story.provider, {
        pathId: story.pathId,
        body,
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });

    const consent = newOutboxEvent(CONSENT_GRANTED_V1.subject, {
      data: {
        orgIds: [story.provider.orgId],
        dataClasses: ['PATH', 'HEALTH_FLAG'],
        validFrom: daysFromToday(-1),
        validTo: daysFromToday(365),
        recordedByOrgId: story.employmentAuthority.orgId,
      },
    });
    await service.publish(CONSENT_GRANTED_V1.subject, {
      ...consent,
      pathId: story.pathId,
      clientRef: story.clientRef,
    });
    const course = await waitFor(
      async () => {
        try {
          return await service.ask<PathView>(TRANSITION_COMMANDS.startWaiting, story.provider, {
            pathId: story.pathId,
            body,
          });
        } catch {
          return undefined;
        }
      },
      { description: 'startWaiting once the consent is projected' },
    );

    expect(course.waits).toMatchObject([
      { waitingFor: 'MENTAL_HEALTH_SERVICE', thresholdBusinessDays: 20, exceeded: false },
    ]);
    expect(
      await outboxEvents(service.dataSource, WAITING_STARTED_V1.subject, story.pathId),
    ).toMatchObject([{ consentRef: consent.data.consentId }]);
    // The referrer sees the path, but not what the client waits for.
    const seenByReferrer = await story.view(story.employmentAuthority);
    expect(seenByReferrer.waits).toEqual([
      expect.not.objectContaining({ waitingFor: expect.anything() }),
    ]);
  });
});
