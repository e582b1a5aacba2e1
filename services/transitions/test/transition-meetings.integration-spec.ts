import { randomUUID } from 'node:crypto';
import type { Principal } from '@polku/auth';
import {
  MEASURE_ENDING_SOON_V1,
  NETWORK_MEETING_HELD_V1,
  TRANSITION_COMMANDS,
  type MeasureEndingSoonPayload,
  type MeetingKind,
} from '@polku/contracts';
import { durableName } from '@polku/messaging';
import { newOutboxEvent, waitFor } from '@polku/testing';
import type { PathView } from '../src/paths/path.view';
import { daysFromToday, PathStory } from './support/path-story';
import {
  makeDue,
  outboxEvents,
  startTransitionsService,
  timersOf,
  type TransitionsService,
} from './support/transitions-service';

// A transition meeting or joint transfer visit that network-meetings records as held ticks the
// checklist of the pending hand-off it was held for (docs/transitions.md): published as
// network-meetings publishes it, over the real stream, into transitions on its own database.

describe('transition meetings on the hand-off checklist', () => {
  let service: TransitionsService;

  beforeAll(async () => {
    service = await startTransitionsService();
  });

  afterAll(async () => {
    await service.close();
  });

  const meetingsConsumed = async (): Promise<number> =>
    Number(
      (
        await service.dataSource.query<{ n: string }[]>(
          'SELECT count(*) AS n FROM inbox_message WHERE consumer = $1',
          [durableName('transitions', NETWORK_MEETING_HELD_V1.subject)],
        )
      )[0].n,
    );

  const deadLettersOf = (pathId: string) =>
    service.dataSource.query<{ subject: string; error: string }[]>(
      'SELECT subject, error FROM dead_letter WHERE payload LIKE $1',
      [`%${pathId}%`],
    );

  /** A path in a measure with a hand-off proposed by the provider: its id. */
  async function pendingHandoff(story: PathStory): Promise<string> {
    await story.untilInMeasure();
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
    if (path.pendingHandoff === null) {
      throw new Error('the proposal left no pending hand-off');
    }
    return path.pendingHandoff.handoffId;
  }

  /** network-meetings records a meeting of `kind` held on `pathId`. */
  async function meetingHeld(options: {
    readonly pathId: string;
    readonly kind: MeetingKind;
    readonly by: Principal;
    readonly handoffId?: string;
  }): Promise<{ meetingId: string; heldAt: string }> {
    const meetingId = randomUUID();
    const heldAt = new Date(Date.now() - 3_600_000).toISOString();
    const event = newOutboxEvent(NETWORK_MEETING_HELD_V1.subject, {
      pathId: options.pathId,
      emitter: {
        orgId: options.by.orgId,
        orgRole: options.by.orgRole,
        actorId: options.by.userId,
        actorRole: 'CASEWORKER',
      },
      data: { meetingId, kind: options.kind, heldAt, endedAt: new Date().toISOString() },
    });
    const { handoffId: _sample, ...data } = event.data;
    await service.publish(NETWORK_MEETING_HELD_V1.subject, {
      ...event,
      data: {
        ...data,
        ...(options.handoffId === undefined ? {} : { handoffId: options.handoffId }),
      },
    });
    return { meetingId, heldAt };
  }

  it('should say the hand-off’s transition meeting is done only when a transition meeting of its own path was held for it', async () => {
    const story = new PathStory(service);
    const handoffId = await pendingHandoff(story);
    const other = new PathStory(service);
    await pendingHandoff(other);
    expect((await story.view()).pendingHandoff?.checklist).toEqual([
      { item: 'TRANSITION_MEETING', done: false },
    ]);
    const consumedBefore = await meetingsConsumed();

    // A progress meeting is no transition meeting; a meeting of another path names this
    // hand-off but is about that path.
    await meetingHeld({
      pathId: story.pathId,
      kind: 'PROGRESS_MEETING',
      by: story.provider,
      handoffId,
    });
    await meetingHeld({
      pathId: other.pathId,
      kind: 'TRANSITION_MEETING',
      by: other.provider,
      handoffId,
    });
    await waitFor(async () => (await meetingsConsumed()) >= consumedBefore + 2, {
      description: 'both meetings consumed',
    });
    expect((await story.view()).pendingHandoff?.checklist).toEqual([
      { item: 'TRANSITION_MEETING', done: false },
    ]);
    expect((await other.view(other.provider)).pendingHandoff?.checklist).toEqual([
      { item: 'TRANSITION_MEETING', done: false },
    ]);

    const held = await meetingHeld({
      pathId: story.pathId,
      kind: 'JOINT_TRANSFER_VISIT',
      by: story.receiver,
      handoffId,
    });

    await waitFor(async () => (await story.view()).pendingHandoff?.checklist[0]?.done === true, {
      description: 'the hand-off’s checklist done',
    });
    expect((await story.view(story.receiver)).pendingHandoff?.checklist).toEqual([
      { item: 'TRANSITION_MEETING', done: true, meetingId: held.meetingId, heldAt: held.heldAt },
    ]);
    expect(await deadLettersOf(story.pathId)).toEqual([]);
    expect(await deadLettersOf(other.pathId)).toEqual([]);
  });

  it('should tick the transition meeting in the measure’s ending reminder when one was held for the pending hand-off without naming it', async () => {
    const story = new PathStory(service);
    await pendingHandoff(story);
    await meetingHeld({ pathId: story.pathId, kind: 'TRANSITION_MEETING', by: story.provider });
    await waitFor(async () => (await story.view()).pendingHandoff?.checklist[0]?.done === true, {
      description: 'the hand-off’s checklist done',
    });

    const [reminder] = (await timersOf(service.dataSource, story.pathId)).filter(
      (timer) => timer.kind === 'measure-ending-soon' && timer.status === 'SCHEDULED',
    );
    await makeDue(service.dataSource, reminder.key);

    const written = await waitFor(
      async () => {
        const events = await outboxEvents<MeasureEndingSoonPayload>(
          service.dataSource,
          MEASURE_ENDING_SOON_V1.subject,
          story.pathId,
        );
        return events.length > 0 ? events : undefined;
      },
      { description: 'MeasureEndingSoon written' },
    );
    expect(written[0].data.checklist).toEqual([
      { item: 'STATEMENT', done: false },
      { item: 'NEXT_STEP_PLAN', done: true },
      { item: 'TRANSITION_MEETING', done: true },
    ]);
  });

  it('should record a meeting held for a hand-off transitions does not know without a dead letter or a change of course', async () => {
    const story = new PathStory(service);
    await story.untilInMeasure();
    const before = await story.view();

    await meetingHeld({
      pathId: story.pathId,
      kind: 'TRANSITION_MEETING',
      by: story.provider,
      handoffId: randomUUID(),
    });

    await story.reaches('IN_MEASURE', (path) => (path.transitionMeetings ?? []).length === 1);
    expect(await story.view()).toMatchObject({
      state: 'IN_MEASURE',
      nextStep: before.nextStep,
      accountable: before.accountable,
      pendingHandoff: null,
    });
    expect(await deadLettersOf(story.pathId)).toEqual([]);
  });
});
