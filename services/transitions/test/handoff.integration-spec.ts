import {
  HANDOFF_COMPLETED_V1,
  HANDOFF_ESCALATED_V1,
  OWNERSHIP_TRANSFERRED_V1,
  HANDOFF_ACCEPTED_V1,
  TRANSITION_COMMANDS,
  HANDOFF_DECLINED_V1,
  HANDOFF_PROPOSED_V1,
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

describe('hand-offs', () => {
  let service: TransitionsService;

  beforeAll(async () => {
    service = await startTransitionsService();
  });

  afterAll(async () => {
    await service.close();
  });

  const proposeBody = (story: PathStory) => ({
    destination: {
      group: 'LABOUR_MARKET',
      category: 'SUPPORTED_EMPLOYMENT',
      subType: 'WORK_TRIAL',
    },
    receivingOrgId: story.receiver.orgId,
    proposedDate: daysFromToday(14),
    rationaleCategory: 'CLIENT_READY_FOR_MORE',
    proposedBy: 'WORKER',
  });

  async function propose(story: PathStory): Promise<string> {
    const path = await service.ask<PathView>(TRANSITION_COMMANDS.proposeHandoff, story.provider, {
      pathId: story.pathId,
      body: proposeBody(story),
    });
    if (path.pendingHandoff === null) {
      throw new Error('the proposal left no pending hand-off');
    }
    return path.pendingHandoff.handoffId;
  }

  it('should move ownership to the receiver and write OwnershipTransferred when a hand-off is proposed, accepted and completed', async () => {
    const story = new PathStory(service);
    await story.untilInMeasure();

    const handoffId = await propose(story);
    const accepted = await service.ask<PathView>(
      TRANSITION_COMMANDS.acceptHandoff,
      story.receiver,
      {
        pathId: story.pathId,
        id: handoffId,
        expectedVersion: await story.version(story.receiver),
        body: { startDate: daysFromToday(14) },
      },
    );
    // The sender stays accountable until the receiver completes the hand-off.
    expect(accepted).toMatchObject({
      state: 'TRANSITION_PENDING',
      accountable: { orgId: story.provider.orgId, workerId: story.provider.userId },
      pendingHandoff: { handoffId, accepted: true },
    });
    await story.measureEnded();
    await story.reaches('TRANSITION_PENDING', (path) => path.activeMeasure === null);
    const completed = await service.ask<PathView>(
      TRANSITION_COMMANDS.completeHandoff,
      story.receiver,
      {
        pathId: story.pathId,
        id: handoffId,
        expectedVersion: await story.version(story.receiver),
        body: {},
      },
    );

    expect(completed).toMatchObject({
      state: 'PLANNING',
      accountable: { orgId: story.receiver.orgId, workerId: story.receiver.userId },
      nextStep: { kind: 'AGREE_PLAN', level: 'WORKER' },
      pendingHandoff: null,
    });
    expect(
      await outboxEvents(service.dataSource, HANDOFF_PROPOSED_V1.subject, story.pathId),
    ).toMatchObject([{ data: { handoffId, receivingOrgId: story.receiver.orgId } }]);
    expect(
      await outboxEvents(service.dataSource, HANDOFF_ACCEPTED_V1.subject, story.pathId),
    ).toHaveLength(1);
    expect(
      await outboxEvents(service.dataSource, HANDOFF_COMPLETED_V1.subject, story.pathId),
    ).toMatchObject([{ data: { handoffId } }]);
    expect(
      await outboxEvents(service.dataSource, OWNERSHIP_TRANSFERRED_V1.subject, story.pathId),
    ).toMatchObject([
      {
        clientRef: story.clientRef,
        emitter: { orgId: story.receiver.orgId, actorId: story.receiver.userId },
        data: {
          fromOrgId: story.provider.orgId,
          fromWorkerId: story.provider.userId,
          toOrgId: story.receiver.orgId,
          toWorkerId: story.receiver.userId,
          reason: 'HANDOFF_COMPLETED',
          handoffId,
        },
      },
    ]);
    // Access follows in the same transaction: the receiver owns the path from now on.
    expect(
      await service.dataSource.query(
        'SELECT to_org_id FROM path_access_ownership WHERE path_id = $1',
        [story.pathId],
      ),
    ).toEqual([{ to_org_id: story.receiver.orgId }]);
  });

  it('should take the revision of the path’s one plan as the receiver’s plan after a hand-off', async () => {
    const story = new PathStory(service);
    await story.untilInMeasure();
    const handoffId = await propose(story);
    await service.ask(TRANSITION_COMMANDS.acceptHandoff, story.receiver, {
      pathId: story.pathId,
      id: handoffId,
      expectedVersion: await story.version(story.receiver),
      body: { startDate: daysFromToday(14) },
    });
    await story.measureEnded();
    await story.reaches('TRANSITION_PENDING', (path) => path.activeMeasure === null);
    await service.ask(TRANSITION_COMMANDS.completeHandoff, story.receiver, {
      pathId: story.pathId,
      id: handoffId,
      expectedVersion: await story.version(story.receiver),
      body: {},
    });

    await story.planRevised(story.receiver);

    await story.reaches('PLANNING', (path) => path.nextStep?.kind !== 'AGREE_PLAN');
    expect(await story.view(story.receiver)).toMatchObject({
      state: 'PLANNING',
      accountable: { orgId: story.receiver.orgId },
      nextStep: { kind: 'START_MEASURE' },
    });
  });

  it('should return the path to the sender with DECIDE_NEXT_STEP when the receiver declines', async () => {
    const story = new PathStory(service);
    await story.untilIntake();
    const handoffId = await propose(story);

    const declined = await service.ask<PathView>(
      TRANSITION_COMMANDS.declineHandoff,
      story.receiver,
      {
        pathId: story.pathId,
        id: handoffId,
        expectedVersion: await story.version(story.receiver),
        body: { reasonCategory: 'NO_CAPACITY', alternativeCategory: 'LATER_START' },
      },
    );

    expect(declined).toMatchObject({
      state: 'TRANSITION_PENDING',
      accountable: { orgId: story.provider.orgId },
      nextStep: { kind: 'DECIDE_NEXT_STEP', level: 'WORKER' },
      pendingHandoff: null,
    });
    expect(
      await outboxEvents(service.dataSource, HANDOFF_DECLINED_V1.subject, story.pathId),
    ).toMatchObject([
      {
        data: { handoffId, reasonCategory: 'NO_CAPACITY', alternativeCategory: 'LATER_START' },
      },
    ]);
    // Declining ended the receiver's part: it sees the path no more.
    expect(
      await service.askError(TRANSITION_COMMANDS.getPath, story.receiver, { pathId: story.pathId }),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('should escalate an unanswered hand-off to the sender’s worker, then to both organisations’ team leads and managers, each once', async () => {
    const story = new PathStory(service);
    await story.untilIntake();
    const handoffId = await propose(story);
    const escalations = () =>
      outboxEvents<{ level: string; handoffId: string; escalatedToOrgId: string }>(
        service.dataSource,
        HANDOFF_ESCALATED_V1.subject,
        story.pathId,
      );

    // The worker's rung is the sender's named worker; the receiver has no worker on the path
    // yet, its organisation sees the answer waiting. Each higher rung reaches both.
    for (const [level, written] of [
      ['WORKER', 1],
      ['TEAM_LEAD', 3],
      ['MANAGER', 5],
    ] as const) {
      await makeDue(service.dataSource, `handoff-answer:${story.pathId}:${handoffId}:${level}`);
      await waitFor(async () => (await escalations()).length === written, {
        description: `HandoffEscalated to ${level}`,
      });
    }

    const sender = story.provider.orgId;
    const receiver = story.receiver.orgId;
    expect((await escalations()).map((event) => event.data)).toEqual([
      expect.objectContaining({ handoffId, level: 'WORKER', escalatedToOrgId: sender }),
      expect.objectContaining({ level: 'TEAM_LEAD', escalatedToOrgId: sender }),
      expect.objectContaining({
        level: 'TEAM_LEAD',
        escalatedToOrgId: receiver,
        escalatedToParty: 'RECEIVER',
      }),
      expect.objectContaining({ level: 'MANAGER', escalatedToOrgId: sender }),
      expect.objectContaining({
        level: 'MANAGER',
        escalatedToOrgId: receiver,
        escalatedToParty: 'RECEIVER',
      }),
    ]);
    expect(await escalations()).toMatchObject([
      { emitter: { orgRole: 'SYSTEM', actorId: 'transitions:handoff-answer-overdue' } },
      {},
      {},
      {},
      {},
    ]);
    expect((await story.view()).nextStep).toMatchObject({
      kind: 'AWAIT_HANDOFF_ANSWER',
      level: 'MANAGER',
    });
    // Nobody is above the manager: no escalation timer is left to fire.
    const live = (await timersOf(service.dataSource, story.pathId)).filter(
      (timer) => timer.kind === 'handoff-answer-overdue' && timer.status === 'SCHEDULED',
    );
    expect(live).toEqual([]);
  });

  it('should answer NOT_FOUND to an organisation that is no party of the path', async () => {
    const story = new PathStory(service);
    await story.untilIntake();

    expect(
      await service.askError(TRANSITION_COMMANDS.getPath, story.outsider, { pathId: story.pathId }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await service.askError(TRANSITION_COMMANDS.proposeHandoff, story.outsider, {
        pathId: story.pathId,
        body: proposeBody(story),
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('should refuse a proposal by a party that is not accountable for the path with FORBIDDEN', async () => {
    const story = new PathStory(service);
    await story.untilIntake();

    // The referrer still sees the path, but the provider carries it now.
    expect(
      await service.askError(TRANSITION_COMMANDS.proposeHandoff, story.employmentAuthority, {
        pathId: story.pathId,
        body: proposeBody(story),
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});
