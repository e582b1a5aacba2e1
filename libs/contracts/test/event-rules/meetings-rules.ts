// The rules of network-meetings' events beyond "the sample is valid" and "a required field is missing".
import { IDS } from '../event-catalogue/sample-ids';
import { rulesOf, type ContractIdentity, type EventRule } from './event-rule';

const PERSONAL_IDENTITY_CODE_MESSAGE =
  'must not contain a personal identity code (identity stays in client-intake)';

export const MEETINGS_CONTRACTS = {
  'polku.meetings.meeting.network-meeting-scheduled.v1': ['NetworkMeetingScheduled', 'PATH'],
  'polku.meetings.meeting.network-meeting-cancelled.v1': ['NetworkMeetingCancelled', 'PATH'],
  'polku.meetings.meeting.network-meeting-held.v1': ['NetworkMeetingHeld', 'PATH'],
  'polku.meetings.meeting.meeting-decision-carried-out.v1': ['MeetingDecisionCarriedOut', 'PATH'],
  'polku.meetings.action-item.action-item-assigned.v1': ['ActionItemAssigned', 'PLAN'],
  'polku.meetings.action-item.action-item-completed.v1': ['ActionItemCompleted', 'PATH'],
  'polku.meetings.action-item.action-item-overdue.v1': ['ActionItemOverdue', 'PATH'],
  'polku.meetings.client-voice.client-voice-recorded.v1': ['ClientVoiceRecorded', 'CLIENT_VOICE'],
} as const satisfies Record<string, ContractIdentity>;

export const MEETINGS_REQUIRED = {
  'polku.meetings.meeting.network-meeting-scheduled.v1': [
    'meetingId',
    'kind',
    'convenor',
    'convenorOrgId',
    'invitees',
    'startsAt',
    'endsAt',
  ],
  'polku.meetings.meeting.network-meeting-cancelled.v1': ['meetingId', 'reason', 'cancelledAt'],
  'polku.meetings.meeting.network-meeting-held.v1': [
    'meetingId',
    'kind',
    'heldAt',
    'endedAt',
    'participants',
    'clientPresent',
    'expertPresent',
    'decisions',
  ],
  'polku.meetings.meeting.meeting-decision-carried-out.v1': [
    'meetingId',
    'decisionId',
    'service',
    'eventId',
    'eventType',
    'linkedAt',
  ],
  'polku.meetings.action-item.action-item-assigned.v1': [
    'actionItemId',
    'description',
    'ownerOrgId',
    'ownerWorkerId',
    'dueDate',
  ],
  'polku.meetings.action-item.action-item-completed.v1': ['actionItemId', 'completedAt'],
  'polku.meetings.action-item.action-item-overdue.v1': [
    'actionItemId',
    'dueDate',
    'level',
    'ownerOrgId',
    'ownerWorkerId',
    'businessDaysOverdue',
  ],
  'polku.meetings.client-voice.client-voice-recorded.v1': ['entryId', 'kind', 'author', 'text'],
} as const;

export const MEETINGS_RULES: readonly EventRule[] = [
  ...rulesOf('polku.meetings.meeting.network-meeting-scheduled.v1', [
    [
      'should reject a meeting that ends before it starts',
      { startsAt: '2026-09-01T09:00:00.000Z', endsAt: '2026-09-01T08:00:00.000Z' },
      ['data.endsAt must not be before startsAt'],
    ],
    [
      'should reject an organisation invited twice',
      {
        invitees: [
          { orgId: IDS.providerOrgId, roles: ['WORK_COACH'] },
          { orgId: IDS.providerOrgId, roles: ['INSTRUCTOR'] },
        ],
      },
      ['data.invitees must not name an organisation twice'],
    ],
    [
      'should reject premises without the organisation whose they are',
      { venueOrgId: undefined },
      ['data.venueOrgId is required when venue is ORGANISATION_PREMISES'],
    ],
    [
      'should reject a missing venue',
      { venue: undefined, venueOrgId: undefined },
      { allStartWith: 'data.venue ' },
    ],
    [
      'should accept a remote meeting without premises',
      { venue: 'REMOTE', venueOrgId: undefined },
      [],
    ],
  ]),
  ...rulesOf('polku.meetings.meeting.network-meeting-held.v1', [
    [
      'should reject a meeting that ended before it began',
      { heldAt: '2026-09-01T09:00:00.000Z', endedAt: '2026-09-01T08:00:00.000Z' },
      ['data.endedAt must not be before heldAt'],
    ],
  ]),
  ...rulesOf('polku.meetings.meeting.meeting-decision-carried-out.v1', [
    [
      'should reject an event type that carries out no decision',
      { eventType: 'GoalSet' },
      { allStartWith: 'data.eventType must be one of the following values' },
    ],
  ]),
  ...rulesOf('polku.meetings.client-voice.client-voice-recorded.v1', [
    [
      'should reject named organisations left out when the visibility names them',
      { visibleToOrgIds: undefined },
      ['data.visibleToOrgIds is required when visibility is NAMED_ORGANISATIONS'],
    ],
    [
      'should reject named organisations given for the whole network',
      { visibility: 'WHOLE_NETWORK' },
      ['data.visibleToOrgIds is allowed only when visibility is NAMED_ORGANISATIONS'],
    ],
    [
      'should reject a missing visibility',
      { visibility: undefined, visibleToOrgIds: undefined },
      { allStartWith: 'data.visibility ' },
    ],
    [
      'should accept the whole network without named organisations',
      { visibility: 'WHOLE_NETWORK', visibleToOrgIds: undefined },
      [],
    ],
    [
      'should reject an identity code in the client’s words',
      { text: 'Minun hetuni on 131052-308T' },
      [`data.text ${PERSONAL_IDENTITY_CODE_MESSAGE}`],
    ],
  ]),
];
