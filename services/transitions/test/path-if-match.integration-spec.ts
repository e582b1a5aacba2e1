import type { Principal } from '@polku/auth';
import { CONSENT_GRANTED_V1, TRANSITION_COMMANDS } from '@polku/contracts';
import { newOutboxEvent, waitFor } from '@polku/testing';
import type { PathView } from '../src/paths/path.view';
import { daysFromToday, PathStory, today } from './support/path-story';
import {
  startTransitionsService,
  timersOf,
  type TransitionsService,
} from './support/transitions-service';

// Every command on an existing path names the path's version it was based on (the gateway's
// If-Match). Each case below brings a path to where its command would be accepted, so that a
// refusal can only come from the version.

/** A command that the path, as it is, would accept: everything but the version. */
interface Attempt {
  readonly subject: string;
  readonly by: Principal;
  readonly payload: Readonly<Record<string, unknown>>;
}

type Ready = (story: PathStory, service: TransitionsService) => Promise<Attempt>;

const OPEN_LABOUR_MARKET = { group: 'LABOUR_MARKET', category: 'OPEN_LABOUR_MARKET' } as const;
const FOLLOW_UP_DONE = {
  statusNow: 'SAME',
  contactMode: 'PHONE',
  helpGiven: ['NONE'],
  confirmsDestination: true,
};

async function command<T = PathView>(
  service: TransitionsService,
  story: PathStory,
  attempt: Attempt,
): Promise<T> {
  return service.ask<T>(attempt.subject, attempt.by, {
    ...attempt.payload,
    expectedVersion: await story.version(attempt.by),
  });
}

async function exited(story: PathStory, service: TransitionsService): Promise<PathView> {
  await story.untilIntake();
  return command(service, story, {
    subject: TRANSITION_COMMANDS.exitPath,
    by: story.provider,
    payload: {
      pathId: story.pathId,
      body: { destination: OPEN_LABOUR_MARKET, confirmed: true, exitDate: today() },
    },
  });
}

/** A proposal to the story's receiver, pending; answers its id. */
async function proposed(story: PathStory, service: TransitionsService): Promise<string> {
  await story.untilIntake();
  const path = await service.ask<PathView>(TRANSITION_COMMANDS.proposeHandoff, story.provider, {
    pathId: story.pathId,
    body: {
      destination: { group: 'CONTINUATION', category: 'ANOTHER_VTM_MEASURE' },
      receivingOrgId: story.receiver.orgId,
      proposedDate: daysFromToday(14),
      rationaleCategory: 'NEXT_MEASURE_IN_PLAN',
      proposedBy: 'WORKER',
    },
  });
  if (path.pendingHandoff === null) {
    throw new Error('the proposal left no pending hand-off');
  }
  return path.pendingHandoff.handoffId;
}

/** The client waits for a service; what for is HEALTH_FLAG data, so a consent covers it. */
async function waiting(story: PathStory, service: TransitionsService): Promise<string> {
  await story.untilIntake();
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
  const path = await waitFor(
    async () => {
      try {
        return await service.ask<PathView>(TRANSITION_COMMANDS.startWaiting, story.provider, {
          pathId: story.pathId,
          body: { waitingFor: 'DEBT_COUNSELLING' },
        });
      } catch {
        return undefined;
      }
    },
    { description: 'startWaiting once the consent is projected' },
  );
  return path.waits[0].waitId;
}

const CASES: readonly [string, Ready][] = [
  [
    'an exit',
    async (story) => {
      await story.untilIntake();
      return {
        subject: TRANSITION_COMMANDS.exitPath,
        by: story.provider,
        payload: {
          pathId: story.pathId,
          body: { destination: OPEN_LABOUR_MARKET, confirmed: false, exitDate: today() },
        },
      };
    },
  ],
  [
    'a follow-up',
    async (story, service) => {
      const { followUps } = await exited(story, service);
      return {
        subject: TRANSITION_COMMANDS.completeFollowUp,
        by: story.provider,
        payload: { pathId: story.pathId, id: followUps[0].followUpId, body: FOLLOW_UP_DONE },
      };
    },
  ],
  [
    'a closure',
    async (story, service) => {
      const { followUps } = await exited(story, service);
      for (const followUp of followUps) {
        await command(service, story, {
          subject: TRANSITION_COMMANDS.completeFollowUp,
          by: story.provider,
          payload: { pathId: story.pathId, id: followUp.followUpId, body: FOLLOW_UP_DONE },
        });
      }
      return {
        subject: TRANSITION_COMMANDS.closePath,
        by: story.provider,
        payload: { pathId: story.pathId, body: {} },
      };
    },
  ],
  [
    'an unclear-path review',
    async (story, service) => {
      await story.untilIntake();
      await command(service, story, {
        subject: TRANSITION_COMMANDS.exitPath,
        by: story.provider,
        payload: {
          pathId: story.pathId,
          body: {
            destination: { group: 'OUTSIDE_LABOUR_MARKET', category: 'UNCLEAR_PATH' },
            confirmed: false,
            exitDate: today(),
          },
        },
      });
      return {
        subject: TRANSITION_COMMANDS.reviewUnclearPath,
        by: story.provider,
        payload: { pathId: story.pathId, body: { nextReviewDate: daysFromToday(30) } },
      };
    },
  ],
  [
    'a hand-off acceptance',
    async (story, service) => ({
      subject: TRANSITION_COMMANDS.acceptHandoff,
      by: story.receiver,
      payload: {
        pathId: story.pathId,
        id: await proposed(story, service),
        body: { startDate: daysFromToday(14) },
      },
    }),
  ],
  [
    'a hand-off decline',
    async (story, service) => ({
      subject: TRANSITION_COMMANDS.declineHandoff,
      by: story.receiver,
      payload: {
        pathId: story.pathId,
        id: await proposed(story, service),
        body: { reasonCategory: 'NO_CAPACITY', alternativeCategory: 'LATER_START' },
      },
    }),
  ],
  [
    'a hand-off completion',
    async (story, service) => {
      const handoffId = await proposed(story, service);
      await command(service, story, {
        subject: TRANSITION_COMMANDS.acceptHandoff,
        by: story.receiver,
        payload: { pathId: story.pathId, id: handoffId, body: { startDate: daysFromToday(14) } },
      });
      return {
        subject: TRANSITION_COMMANDS.completeHandoff,
        by: story.receiver,
        payload: { pathId: story.pathId, id: handoffId, body: {} },
      };
    },
  ],
  [
    'a change of the responsible worker',
    async (story) => {
      await story.untilIntake();
      return {
        subject: TRANSITION_COMMANDS.changeResponsibleWorker,
        by: story.provider,
        payload: {
          pathId: story.pathId,
          body: { toWorkerId: 'usr_colleague', reasonCategory: 'TURNOVER' },
        },
      };
    },
  ],
  [
    'the end of a wait',
    async (story, service) => ({
      subject: TRANSITION_COMMANDS.endWaiting,
      by: story.provider,
      payload: { pathId: story.pathId, id: await waiting(story, service), body: {} },
    }),
  ],
];

describe('the path version a command is based on (If-Match)', () => {
  let service: TransitionsService;

  beforeAll(async () => {
    service = await startTransitionsService();
  });

  afterAll(async () => {
    await service.close();
  });

  /** Everything a command could change: the stored path, its events and its timers. */
  async function everythingOf(story: PathStory) {
    const [path] = await service.dataSource.query<{ data: unknown; version: number }[]>(
      'SELECT data, version, updated_at FROM path_course WHERE path_id = $1',
      [story.pathId],
    );
    const [{ events }] = await service.dataSource.query<{ events: number }[]>(
      `SELECT count(*)::int AS events FROM outbox_message WHERE payload->>'pathId' = $1`,
      [story.pathId],
    );
    return { path, events, timers: await timersOf(service.dataSource, story.pathId) };
  }

  it.each(CASES)(
    'should refuse %s based on a stale version with PRECONDITION_FAILED and change nothing',
    async (_name, ready) => {
      const story = new PathStory(service);
      const attempt = await ready(story, service);
      const current = await story.version(attempt.by);
      const before = await everythingOf(story);

      expect(
        await service.askError(attempt.subject, attempt.by, {
          ...attempt.payload,
          expectedVersion: current - 1,
        }),
      ).toMatchObject({
        code: 'PRECONDITION_FAILED',
        details: { expectedVersion: current - 1, currentVersion: current },
      });
      expect(await everythingOf(story)).toEqual(before);

      // The same command at the version read goes through: only the version refused it.
      const done = await service.ask<PathView>(attempt.subject, attempt.by, {
        ...attempt.payload,
        expectedVersion: current,
      });
      expect(done.version).toBe(current + 1);
    },
  );

  it.each(CASES)(
    'should refuse %s without an expected version with VALIDATION_FAILED and change nothing',
    async (_name, ready) => {
      const story = new PathStory(service);
      const attempt = await ready(story, service);
      const before = await everythingOf(story);

      expect(await service.askError(attempt.subject, attempt.by, attempt.payload)).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('expectedVersion') as string,
      });
      expect(await everythingOf(story)).toEqual(before);
    },
  );

  it('should answer NOT_FOUND, never the current version, to an organisation that is no party of the path', async () => {
    const story = new PathStory(service);
    await story.untilIntake();

    const error = await service.askError(TRANSITION_COMMANDS.exitPath, story.outsider, {
      pathId: story.pathId,
      expectedVersion: 1,
      body: { destination: OPEN_LABOUR_MARKET, confirmed: false, exitDate: today() },
    });

    expect(error).toMatchObject({ code: 'NOT_FOUND' });
    expect(JSON.stringify(error)).not.toContain('currentVersion');
  });

  it('should let exactly one of two changes based on the same version through', async () => {
    const story = new PathStory(service);
    await story.untilIntake();
    const version = await story.version();
    const change = (toWorkerId: string) =>
      service
        .ask<PathView>(TRANSITION_COMMANDS.changeResponsibleWorker, story.provider, {
          pathId: story.pathId,
          expectedVersion: version,
          body: { toWorkerId, reasonCategory: 'TURNOVER' },
        })
        .then(
          (path) => ({ ok: true, workerId: path.accountable?.workerId }),
          (error: unknown) => ({ ok: false, error }),
        );

    const answers = await Promise.all([change('usr_first'), change('usr_second')]);

    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    const [winner] = answers.filter((answer) => answer.ok) as { workerId: string }[];
    const view = await story.view();
    expect(view).toMatchObject({
      version: version + 1,
      accountable: { workerId: winner.workerId },
    });
  });
});
