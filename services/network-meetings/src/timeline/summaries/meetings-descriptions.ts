import type { ClientVoiceRecordedPayload } from '@polku/contracts';
import { count, instant, words, type ContextDescriptions } from './summary-words';

/** Whom the client let see an entry of client voice, in words. */
function audienceOf(data: Pick<ClientVoiceRecordedPayload, 'visibility' | 'visibleToOrgIds'>) {
  switch (data.visibility) {
    case 'WRITER_ORGANISATION':
      return 'the writing organisation only';
    case 'NAMED_ORGANISATIONS':
      return `the writing organisation and ${count(data.visibleToOrgIds?.length ?? 0, 'named organisation')}`;
    case 'WHOLE_NETWORK':
      return 'the whole network';
  }
}

/** The timeline entries of network-meetings' own events. */
export const MEETINGS_DESCRIPTIONS: ContextDescriptions<'meetings'> = {
  'polku.meetings.meeting.network-meeting-scheduled.v1': {
    kind: 'MEETING',
    summary: (data) =>
      `A ${words(data.kind)} was scheduled for ${instant(data.startsAt)} (${words(data.venue)}), convened by ${data.convenor === 'CLIENT' ? 'the client' : 'an organisation'}, with ${count(data.invitees.length, 'organisation')} invited.`,
  },
  'polku.meetings.meeting.network-meeting-cancelled.v1': {
    kind: 'MEETING',
    summary: (data) => `A network meeting was cancelled (${words(data.reason)}).`,
  },
  'polku.meetings.meeting.network-meeting-held.v1': {
    kind: 'MEETING',
    summary: (data) =>
      `A ${words(data.kind)} was held on ${instant(data.heldAt)} with ${count(data.participants.length, 'organisation')}; the client was ${data.clientPresent ? 'present' : 'not present'}${data.expertPresent ? ', an experiential expert took part' : ''}; ${count(data.decisions.length, 'decision')}${data.nextMeetingAt === undefined ? '' : `; next meeting ${instant(data.nextMeetingAt)}`}.`,
  },
  'polku.meetings.meeting.meeting-decision-carried-out.v1': {
    kind: 'MEETING',
    summary: (data) =>
      `A meeting decision was linked to the event that carried it out (${words(data.eventType.replace(/([a-z])([A-Z])/g, '$1_$2'))}).`,
  },
  'polku.meetings.action-item.action-item-assigned.v1': {
    kind: 'ACTION_ITEM',
    summary: (data) =>
      `An agreed next step was assigned to an organisation and its worker${data.meetingId === undefined ? '' : ' in a meeting'}, due ${data.dueDate}.`,
  },
  'polku.meetings.action-item.action-item-completed.v1': {
    kind: 'ACTION_ITEM',
    summary: (data) => `An agreed next step was completed on ${instant(data.completedAt)}.`,
  },
  'polku.meetings.action-item.action-item-overdue.v1': {
    kind: 'ACTION_ITEM',
    summary: (data) =>
      `An agreed next step due ${data.dueDate} is overdue and escalated to the ${words(data.level)} (${count(data.businessDaysOverdue, 'business day')} late).`,
  },
  'polku.meetings.client-voice.client-voice-recorded.v1': {
    kind: 'CLIENT_VOICE',
    summary: (data) =>
      `The client’s voice was recorded (${words(data.kind)}, ${data.author === 'CLIENT' ? 'written by the client' : 'written with a worker'}), for ${audienceOf(data)}.`,
  },
};
