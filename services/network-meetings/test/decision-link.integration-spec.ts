import { randomUUID } from 'node:crypto';
import { MEETING_COMMANDS, MEETING_DECISION_CARRIED_OUT_V1 } from '@polku/contracts';
import { outboxEvents, waitFor } from '@polku/testing';
import {
  publishThreePartyPath,
  type PublishedEvent,
  type ThreePartyPath,
} from './support/three-party-path';
import { waitForTimeline } from './support/timeline-expectations';
import { startTimelineService, type TimelineService } from './support/timeline-service';

describe('linking a meeting decision to what carried it out', () => {
  let service: TimelineService;
  let path: ThreePartyPath;
  let paused: PublishedEvent;
  let otherPathEvent: PublishedEvent;
  const meetingId = randomUUID();
  const scheduledOnly = randomUUID();
  let otherPathMeeting: string;
  const pause = randomUUID();
  const planChange = randomUUID();

  const link = (
    principal: ThreePartyPath['provider'],
    decisionId: string,
    eventId: string,
    meeting: string = meetingId,
  ) => ({
    subject: MEETING_COMMANDS.linkDecision,
    principal,
    data: { pathId: path.pathId, meetingId: meeting, decisionId, body: { eventId } },
  });
  const ask = <T>(request: ReturnType<typeof link>) =>
    service.ask<T>(request.subject, request.principal, request.data);
  const askError = (request: ReturnType<typeof link>) =>
    service.askError(request.subject, request.principal, request.data);

  beforeAll(async () => {
    service = await startTimelineService();
    const other = await publishThreePartyPath(service);
    otherPathEvent = await other.publish('polku.plans.measure.measure-paused.v1', other.provider);
    otherPathMeeting = randomUUID();
    await other.publish('polku.meetings.meeting.network-meeting-held.v1', other.provider, {
      data: {
        meetingId: otherPathMeeting,
        participants: [{ orgId: other.provider.orgId, roles: ['INDIVIDUAL_COACH'] }],
        decisions: [{ decisionId: randomUUID(), kind: 'PAUSE' }],
        handoffId: undefined,
      },
    });
    path = await publishThreePartyPath(service);
    paused = await path.publish('polku.plans.measure.measure-paused.v1', path.provider);
    await path.publish('polku.meetings.meeting.network-meeting-held.v1', path.socialServices, {
      data: {
        meetingId,
        participants: [
          { orgId: path.provider.orgId, roles: ['INDIVIDUAL_COACH'] },
          { orgId: path.socialServices.orgId, roles: ['SOCIAL_WORKER'] },
        ],
        decisions: [
          { decisionId: pause, kind: 'PAUSE' },
          { decisionId: planChange, kind: 'PLAN_CHANGE' },
        ],
        handoffId: undefined,
      },
    });
    await path.publish('polku.meetings.meeting.network-meeting-scheduled.v1', path.provider, {
      data: { meetingId: scheduledOnly, handoffId: undefined },
    });
    await waitForTimeline(service.dataSource, path.pathId, path.events.length);
    await waitForTimeline(service.dataSource, other.pathId, other.events.length);
  });

  afterAll(async () => {
    await service?.close();
  });

  it('should emit MeetingDecisionCarriedOut once and put it on the timeline when a party links a pause to MeasurePaused', async () => {
    const view = await ask<Record<string, unknown>>(link(path.provider, pause, paused.eventId));

    expect(view).toMatchObject({
      meetingId,
      decisionId: pause,
      eventId: paused.eventId,
      eventType: 'MeasurePaused',
      service: 'activation-plans',
    });
    const written = await outboxEvents(
      service.dataSource,
      MEETING_DECISION_CARRIED_OUT_V1.subject,
      path.pathId,
    );
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      data: view,
      causationId: paused.eventId,
      emitter: { orgId: path.provider.orgId },
    });
    await waitFor(
      async () => {
        const rows = await service.dataSource.query<{ summary: string }[]>(
          `SELECT summary FROM timeline_entry
            WHERE path_id = $1 AND event_type = 'MeetingDecisionCarriedOut'`,
          [path.pathId],
        );
        return rows.length === 1 ? rows : undefined;
      },
      { description: 'the link on the timeline' },
    );

    expect(await askError(link(path.socialServices, pause, paused.eventId))).toMatchObject({
      code: 'CONFLICT',
      details: { rule: 'DECISION_ALREADY_LINKED' },
    });
  });

  it.each([
    [
      'the event cannot carry the decision’s kind',
      'planChange',
      'paused',
      'EVENT_DOES_NOT_CARRY_DECISION',
    ],
    ['the event is on another path', 'planChange', 'otherPath', 'CARRYING_EVENT_NOT_ON_PATH'],
    ['the event does not exist', 'planChange', 'unknown', 'CARRYING_EVENT_NOT_ON_PATH'],
    ['the decision is not the meeting’s', 'unknown', 'paused', 'DECISION_NOT_IN_MEETING'],
  ] as const)('should refuse the link with 422 when %s', async (_label, decision, event, rule) => {
    const decisionId = { planChange, unknown: randomUUID() }[decision];
    const eventId = {
      paused: paused.eventId,
      otherPath: otherPathEvent.eventId,
      unknown: randomUUID(),
    }[event];

    expect(await askError(link(path.provider, decisionId, eventId))).toMatchObject({
      code: 'RULE_VIOLATED',
      details: { violations: [{ rule }] },
    });
  });

  it('should refuse the link with 422 when the caller’s organisation was not at the meeting', async () => {
    expect(
      await askError(link(path.employmentAuthority, planChange, paused.eventId)),
    ).toMatchObject({
      code: 'RULE_VIOLATED',
      details: { violations: [{ rule: 'NOT_A_MEETING_PARTY' }] },
    });
  });

  it('should refuse the link with 409 when the meeting is scheduled but not recorded as held', async () => {
    expect(
      await askError(link(path.provider, randomUUID(), paused.eventId, scheduledOnly)),
    ).toMatchObject({ code: 'CONFLICT', details: { rule: 'MEETING_NOT_HELD' } });
  });

  it.each([
    ['a meeting of another path', () => otherPathMeeting],
    ['a meeting nobody recorded', () => randomUUID()],
  ])('should answer 404 and write nothing when the link names %s', async (_label, meeting) => {
    expect(await askError(link(path.provider, pause, paused.eventId, meeting()))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await outboxEvents(service.dataSource, MEETING_DECISION_CARRIED_OUT_V1.subject, path.pathId),
    ).toHaveLength(1);
  });

  it('should answer 404 when the caller may not see the path', async () => {
    expect(await askError(link(path.outsider, planChange, paused.eventId))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
