import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import {
  type CancelMeetingCommand,
  NETWORK_MEETING_CANCELLED_V1,
  NETWORK_MEETING_SCHEDULED_V1,
  type ScheduleMeetingCommand,
} from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { callerEnvelope, checkPathAccess, clientRefOfPath } from '@polku/path-access';
import { retriedTransaction } from '@polku/persistence';
import { DataSource } from 'typeorm';
import { lockMeetingToConclude } from './concluding-meeting';
import { assertExpertConsents } from './expert-consent';
import { assertNoViolations, expertAttendances, handoffViolations } from './meeting-rules';
import { meetingView } from './meeting-views';
import { insertMeeting, markMeetingCancelled } from './meeting.repository';

/** Network meetings scheduled by a party of the path (for itself or the client), and cancelled. */
@Injectable()
export class MeetingScheduleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async schedule(
    principal: Principal,
    request: { pathId: string; command: ScheduleMeetingCommand },
  ) {
    const { pathId, command } = request;
    assertNoViolations(handoffViolations(command.kind, command.handoffId), 'meeting');
    const startsAt = new Date(command.startsAt);
    return retriedTransaction(this.dataSource, async (em) => {
      const { basis } = await checkPathAccess(em, { principal, pathId, dataClass: 'PATH' });
      await assertExpertConsents(em, {
        pathId,
        experts: expertAttendances(command.invitees, 'invitees'),
        at: startsAt,
      });
      const at = new Date();
      const meeting = await insertMeeting(em, {
        id: randomUUID(),
        pathId,
        kind: command.kind,
        convenor: command.convenor,
        // Always the caller's: an organisation convenes, or records that the client did.
        convenorOrgId: principal.orgId,
        invitees: command.invitees,
        startsAt,
        endsAt: new Date(command.endsAt),
        venue: command.venue,
        venueOrgId: command.venueOrgId ?? null,
        handoffId: command.handoffId ?? null,
        scheduledAt: at,
      });
      await this.outbox.append(em, NETWORK_MEETING_SCHEDULED_V1.subject, {
        ...callerEnvelope({
          pathId,
          clientRef: await clientRefOfPath(em, pathId),
          principal,
          basis,
          correlationId: meeting.id,
        }),
        occurredAt: at,
        data: {
          meetingId: meeting.id,
          kind: command.kind,
          convenor: command.convenor,
          convenorOrgId: principal.orgId,
          invitees: command.invitees.map((invitee) => ({ ...invitee })),
          startsAt: startsAt.toISOString(),
          endsAt: meeting.ends_at.toISOString(),
          venue: command.venue,
          ...(command.venueOrgId === undefined ? {} : { venueOrgId: command.venueOrgId }),
          ...(command.handoffId === undefined ? {} : { handoffId: command.handoffId }),
        },
      });
      return meetingView(meeting);
    });
  }

  async cancel(
    principal: Principal,
    request: {
      pathId: string;
      meetingId: string;
      expectedVersion: number;
      command: CancelMeetingCommand;
    },
  ) {
    const { pathId, meetingId, expectedVersion, command } = request;
    return retriedTransaction(this.dataSource, async (em) => {
      const { grant } = await lockMeetingToConclude(em, {
        principal,
        pathId,
        meetingId,
        expectedVersion,
        conclusion: 'cancel',
      });
      const { basis } = grant;
      const cancelledAt = new Date();
      const cancelled = await markMeetingCancelled(em, {
        meetingId,
        reason: command.reason,
        cancelledAt,
      });
      await this.outbox.append(em, NETWORK_MEETING_CANCELLED_V1.subject, {
        ...callerEnvelope({
          pathId,
          clientRef: await clientRefOfPath(em, pathId),
          principal,
          basis,
          correlationId: meetingId,
        }),
        occurredAt: cancelledAt,
        data: { meetingId, reason: command.reason, cancelledAt: cancelledAt.toISOString() },
      });
      return meetingView(cancelled);
    });
  }
}
