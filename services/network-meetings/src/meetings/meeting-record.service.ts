import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import {
  type MeetingParticipant,
  NETWORK_MEETING_HELD_V1,
  type RecordMeetingHeldCommand,
} from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { callerEnvelope, checkPathAccess, clientRefOfPath } from '@polku/path-access';
import { retriedTransaction } from '@polku/persistence';
import { finnishDateOf } from '@polku/timers';
import { DataSource } from 'typeorm';
import { assertDueNotPast } from '../action-items/action-item-rules';
import { ActionItemWriter } from '../action-items/action-item-writer';
import { ClientVoiceWriter } from '../client-voice/client-voice-writer';
import { lockMeetingToConclude } from './concluding-meeting';
import { assertExpertConsents } from './expert-consent';
import {
  assertNoViolations,
  expertAttendances,
  heldTimeViolations,
  isExpertPresent,
} from './meeting-rules';
import { meetingView } from './meeting-views';
import { markMeetingHeld } from './meeting.repository';

/**
 * The record of a held meeting: who was present, whether the client and an experiential expert
 * were, the decisions and the next meeting (NetworkMeetingHeld), with the client's view
 * (ClientVoiceRecorded, MEETING_VIEW) and the agreed next steps (ActionItemAssigned), each naming
 * the meeting, all in one transaction: a refusal of any part writes nothing.
 */
@Injectable()
export class MeetingRecordService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly actionItems: ActionItemWriter,
    private readonly clientVoice: ClientVoiceWriter,
  ) {}

  async record(
    principal: Principal,
    request: {
      pathId: string;
      meetingId: string;
      expectedVersion: number;
      command: RecordMeetingHeldCommand;
    },
  ) {
    const { pathId, meetingId, expectedVersion, command } = request;
    const now = new Date();
    assertNoViolations(
      heldTimeViolations({
        endedAt: command.endedAt,
        ...(command.nextMeetingAt === undefined ? {} : { nextMeetingAt: command.nextMeetingAt }),
        now,
      }),
      'record',
    );
    const today = finnishDateOf(now);
    const steps = command.agreedNextSteps ?? [];
    steps.forEach((step, index) =>
      assertDueNotPast(step.dueDate, today, `agreedNextSteps[${index}].dueDate`),
    );
    return retriedTransaction(this.dataSource, async (em) => {
      const { grant, meeting } = await lockMeetingToConclude(em, {
        principal,
        pathId,
        meetingId,
        expectedVersion,
        conclusion: 'record',
      });
      const { basis } = grant;
      const invitedRefs = new Map(
        meeting.invitees.flatMap((invitee) =>
          invitee.expertConsentRef === undefined ? [] : [[invitee.orgId, invitee.expertConsentRef]],
        ),
      );
      const experts = expertAttendances(command.participants, 'participants', invitedRefs);
      const heldAt = new Date(command.heldAt);
      await assertExpertConsents(em, { pathId, experts, at: heldAt });
      // The consent each expert took part on, also when only its invitation named it.
      const participants: MeetingParticipant[] = command.participants.map((participant) => {
        const ref = experts.find((expert) => expert.orgId === participant.orgId)?.expertConsentRef;
        return { ...participant, ...(ref === undefined ? {} : { expertConsentRef: ref }) };
      });
      // PLAN: the agreed next steps are plan data, so the recorder needs cover for them.
      const planGrant =
        steps.length > 0
          ? await checkPathAccess(em, { principal, pathId, dataClass: 'PLAN' })
          : undefined;
      // The client's view needs no more than the PATH checked above: its basis is the client's
      // own choice of who sees it (docs/meetings.md, client voice).
      const at = new Date();
      const decisions = command.decisions.map((decision) => ({
        decisionId: randomUUID(),
        kind: decision.kind,
      }));
      const held = await markMeetingHeld(em, {
        meetingId,
        heldAt,
        endedAt: new Date(command.endedAt),
        participants,
        clientPresent: command.clientPresent,
        expertPresent: isExpertPresent(participants),
        decisions,
        nextMeetingAt: command.nextMeetingAt === undefined ? null : new Date(command.nextMeetingAt),
      });
      const clientRef = await clientRefOfPath(em, pathId);
      await this.outbox.append(em, NETWORK_MEETING_HELD_V1.subject, {
        ...callerEnvelope({ pathId, clientRef, principal, basis, correlationId: meetingId }),
        occurredAt: at,
        data: {
          meetingId,
          kind: meeting.kind,
          heldAt: heldAt.toISOString(),
          endedAt: new Date(command.endedAt).toISOString(),
          participants,
          clientPresent: command.clientPresent,
          expertPresent: isExpertPresent(participants),
          decisions,
          ...(command.nextMeetingAt === undefined
            ? {}
            : { nextMeetingAt: new Date(command.nextMeetingAt).toISOString() }),
          ...(meeting.handoff_id === null ? {} : { handoffId: meeting.handoff_id }),
        },
      });
      const clientView =
        command.clientView === undefined
          ? null
          : await this.clientVoice.record(em, {
              principal,
              pathId,
              clientRef,
              kind: 'MEETING_VIEW',
              view: command.clientView,
              meetingId,
              at,
            });
      const actionItemIds: string[] = [];
      for (const step of steps) {
        const item = await this.actionItems.assign(em, {
          envelope: callerEnvelope({
            pathId,
            clientRef,
            principal,
            basis: planGrant?.basis ?? basis,
          }),
          step,
          meetingId,
          assignedByOrgId: principal.orgId,
          at,
        });
        actionItemIds.push(item.id);
      }
      return {
        ...meetingView(held),
        clientViewEntryId: clientView?.entryId ?? null,
        actionItemIds,
      };
    });
  }
}
