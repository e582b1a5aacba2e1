import { ACTION_ITEM_ASSIGNED_V1 } from './action-item-assigned.event';
import { ACTION_ITEM_COMPLETED_V1 } from './action-item-completed.event';
import { ACTION_ITEM_OVERDUE_V1 } from './action-item-overdue.event';
import { CLIENT_VOICE_RECORDED_V1 } from './client-voice-recorded.event';
import { MEETING_DECISION_CARRIED_OUT_V1 } from './meeting-decision-carried-out.event';
import { NETWORK_MEETING_CANCELLED_V1 } from './network-meeting-cancelled.event';
import { NETWORK_MEETING_HELD_V1 } from './network-meeting-held.event';
import { NETWORK_MEETING_SCHEDULED_V1 } from './network-meeting-scheduled.event';

/** The network-meetings service's event contracts, in the order the registry lists them. */
export const MEETINGS_EVENT_CONTRACTS = [
  NETWORK_MEETING_SCHEDULED_V1,
  NETWORK_MEETING_CANCELLED_V1,
  NETWORK_MEETING_HELD_V1,
  MEETING_DECISION_CARRIED_OUT_V1,
  ACTION_ITEM_ASSIGNED_V1,
  ACTION_ITEM_COMPLETED_V1,
  ACTION_ITEM_OVERDUE_V1,
  CLIENT_VOICE_RECORDED_V1,
] as const;
