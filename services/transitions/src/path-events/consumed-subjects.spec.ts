import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import {
  ACTIVATION_PLAN_AGREED_V1,
  CLIENT_REFERRED_V1,
  CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1,
  INTAKE_COMPLETED_V1,
  MEASURE_ENDED_V1,
  MEASURE_PAUSED_V1,
  MEASURE_RESUMED_V1,
  MEASURE_STARTED_V1,
  NETWORK_MEETING_HELD_V1,
  OWNERSHIP_TRANSFERRED_V1,
  REFERRAL_ACCEPTED_V1,
  REFERRAL_DECLINED_V1,
  HANDOFF_ACCEPTED_V1,
  HANDOFF_DECLINED_V1,
  HANDOFF_PROPOSED_V1,
} from '@polku/contracts';
import { PATH_ACCESS_EVENT_SUBJECTS } from '@polku/path-access';
import { IntakeEventsHandler } from './intake-events.handler';
import { MeetingEventsHandler } from './meeting-events.handler';
import { PlanEventsHandler } from './plan-events.handler';

function subjectsHandledBy(handler: object): string[] {
  const prototype = Object.getPrototypeOf(handler) as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype).flatMap((name) => {
    const method = prototype[name];
    return typeof method === 'function'
      ? ((Reflect.getMetadata(PATTERN_METADATA, method) as string[] | undefined) ?? [])
      : [];
  });
}

describe('consumed subjects', () => {
  const consumed = [
    ...subjectsHandledBy(new IntakeEventsHandler(undefined as never)),
    ...subjectsHandledBy(new PlanEventsHandler(undefined as never)),
    ...subjectsHandledBy(new MeetingEventsHandler(undefined as never)),
  ];

  it('should consume every event that moves a path', () => {
    expect(consumed).toEqual(
      expect.arrayContaining([
        CLIENT_REFERRED_V1.subject,
        REFERRAL_ACCEPTED_V1.subject,
        REFERRAL_DECLINED_V1.subject,
        INTAKE_COMPLETED_V1.subject,
        ACTIVATION_PLAN_AGREED_V1.subject,
        MEASURE_STARTED_V1.subject,
        MEASURE_PAUSED_V1.subject,
        MEASURE_RESUMED_V1.subject,
        MEASURE_ENDED_V1.subject,
        CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1.subject,
        NETWORK_MEETING_HELD_V1.subject,
      ]),
    );
  });

  it('should consume every subject of the access projection except the events it writes itself', () => {
    const ownEvents: string[] = [
      HANDOFF_PROPOSED_V1.subject,
      HANDOFF_ACCEPTED_V1.subject,
      HANDOFF_DECLINED_V1.subject,
      OWNERSHIP_TRANSFERRED_V1.subject,
    ];

    expect(consumed).toEqual(
      expect.arrayContaining(PATH_ACCESS_EVENT_SUBJECTS.filter((s) => !ownEvents.includes(s))),
    );
    expect(consumed.filter((subject) => ownEvents.includes(subject))).toEqual([]);
  });

  it('should consume each subject once, since a subject has one durable consumer', () => {
    expect(new Set(consumed).size).toBe(consumed.length);
  });
});
