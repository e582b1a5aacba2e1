import { caseworkerOf, LAWS, timerOf, UNDER_CONSENT, type ContextSamples } from './sample-parts';

const AUTHORITY_WORKER = caseworkerOf('employmentAuthorityOrgId', 'EMPLOYMENT_AUTHORITY');

/** A valid sample of every network-meetings event, as the network-meetings service writes them. */
export const MEETINGS_SAMPLES: ContextSamples<'meetings'> = {
  'polku.meetings.meeting.network-meeting-scheduled.v1': {
    emitter: AUTHORITY_WORKER,
    ground: UNDER_CONSENT,
    data: (id) => ({
      meetingId: id('meetingId'),
      kind: 'TRANSITION_MEETING',
      convenor: 'ORGANISATION',
      convenorOrgId: id('employmentAuthorityOrgId'),
      invitees: [
        { orgId: id('employmentAuthorityOrgId'), roles: ['EMPLOYMENT_COUNSELLOR'] },
        { orgId: id('providerOrgId'), roles: ['INDIVIDUAL_COACH', 'INSTRUCTOR'] },
        {
          orgId: id('expertOrgId'),
          roles: ['EXPERIENTIAL_EXPERT'],
          expertConsentRef: id('consentId'),
        },
      ],
      startsAt: '2026-09-01T07:00:00.000Z',
      endsAt: '2026-09-01T08:30:00.000Z',
      venue: 'ORGANISATION_PREMISES',
      venueOrgId: id('employmentAuthorityOrgId'),
      handoffId: id('handoffId'),
    }),
  },
  'polku.meetings.meeting.network-meeting-cancelled.v1': {
    emitter: AUTHORITY_WORKER,
    ground: UNDER_CONSENT,
    data: (id) => ({
      meetingId: id('meetingId'),
      reason: 'RESCHEDULED',
      cancelledAt: '2026-08-28T10:00:00.000Z',
    }),
  },
  'polku.meetings.meeting.network-meeting-held.v1': {
    emitter: AUTHORITY_WORKER,
    ground: UNDER_CONSENT,
    data: (id) => ({
      meetingId: id('meetingId'),
      kind: 'TRANSITION_MEETING',
      heldAt: '2026-09-01T07:05:00.000Z',
      endedAt: '2026-09-01T08:10:00.000Z',
      participants: [
        { orgId: id('employmentAuthorityOrgId'), roles: ['EMPLOYMENT_COUNSELLOR'] },
        { orgId: id('providerOrgId'), roles: ['INDIVIDUAL_COACH'] },
      ],
      clientPresent: true,
      expertPresent: false,
      decisions: [
        {
          decisionId: id('decisionId'),
          kind: 'TRANSITION_DECISION',
        },
      ],
      nextMeetingAt: '2026-10-06T07:00:00.000Z',
      handoffId: id('handoffId'),
    }),
  },
  'polku.meetings.meeting.meeting-decision-carried-out.v1': {
    emitter: AUTHORITY_WORKER,
    ground: UNDER_CONSENT,
    data: (id) => ({
      meetingId: id('meetingId'),
      decisionId: id('decisionId'),
      service: 'transitions',
      eventId: id('carryingEventId'),
      eventType: 'HandoffProposed',
      linkedAt: '2026-09-01T09:00:00.000Z',
    }),
  },
  'polku.meetings.action-item.action-item-assigned.v1': {
    emitter: AUTHORITY_WORKER,
    ground: UNDER_CONSENT,
    data: (id) => ({
      actionItemId: id('actionItemId'),
      meetingId: id('meetingId'),
      description: 'Lähetetään yhteenveto vastaanottavalle palveluntuottajalle',
      ownerOrgId: id('providerOrgId'),
      ownerWorkerId: id('workerId'),
      dueDate: '2026-09-08',
    }),
  },
  'polku.meetings.action-item.action-item-completed.v1': {
    emitter: caseworkerOf('providerOrgId', 'PROVIDER'),
    ground: UNDER_CONSENT,
    data: (id) => ({
      actionItemId: id('actionItemId'),
      completedAt: '2026-09-07T12:00:00.000Z',
    }),
  },
  'polku.meetings.action-item.action-item-overdue.v1': {
    emitter: timerOf('network-meetings:action-item-timer'),
    ground: LAWS.employmentServices,
    data: (id) => ({
      actionItemId: id('actionItemId'),
      dueDate: '2026-09-08',
      level: 'TEAM_LEAD',
      ownerOrgId: id('providerOrgId'),
      ownerWorkerId: id('workerId'),
      businessDaysOverdue: 5,
    }),
  },
  'polku.meetings.client-voice.client-voice-recorded.v1': {
    emitter: caseworkerOf('providerOrgId', 'PROVIDER'),
    ground: { legalBasis: 'The client’s own choice of who sees the entry' },
    data: (id) => ({
      entryId: id('voiceEntryId'),
      kind: 'OWN_GOALS',
      author: 'WITH_WORKER',
      text: 'Haluan päästä töihin puutyöverstaalle ja oppia käyttämään sorvia.',
      visibility: 'NAMED_ORGANISATIONS',
      visibleToOrgIds: [id('employmentAuthorityOrgId')],
    }),
  },
};
