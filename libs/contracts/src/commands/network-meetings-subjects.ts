/**
 * Request subjects of the network-meetings service (the gateway is the only requester). Each
 * feature's command and query classes live beside it: meeting-commands.ts,
 * action-item-commands.ts, client-voice-commands.ts, timeline-queries.ts.
 */
export const MEETING_COMMANDS = {
  scheduleMeeting: 'polku-rpc.network-meetings.schedule-meeting.v1',
  cancelMeeting: 'polku-rpc.network-meetings.cancel-meeting.v1',
  recordMeetingHeld: 'polku-rpc.network-meetings.record-meeting-held.v1',
  linkDecision: 'polku-rpc.network-meetings.link-decision.v1',
  getMeeting: 'polku-rpc.network-meetings.get-meeting.v1',
  listMeetings: 'polku-rpc.network-meetings.list-meetings.v1',
  getMeetingView: 'polku-rpc.network-meetings.get-meeting-view.v1',
  assignActionItem: 'polku-rpc.network-meetings.assign-action-item.v1',
  completeActionItem: 'polku-rpc.network-meetings.complete-action-item.v1',
  listActionItems: 'polku-rpc.network-meetings.list-action-items.v1',
  recordClientVoice: 'polku-rpc.network-meetings.record-client-voice.v1',
  listTimeline: 'polku-rpc.network-meetings.list-timeline.v1',
  timelineSince: 'polku-rpc.network-meetings.timeline-since.v1',
} as const;

/**
 * Core NATS subject (not a domain event, never in the stream) on which network-meetings tells
 * the gateway that a path's timeline grew, after the transaction that wrote the entries commits.
 * It carries no client data, only where to look; the gateway then asks `timelineSince` for each
 * live subscriber, under that subscriber's own access check (docs/meetings.md, live updates).
 */
export const TIMELINE_APPENDED_SUBJECT = 'polku-live.meetings.timeline-appended.v1';

/** The body of a {@link TIMELINE_APPENDED_SUBJECT} notice. */
export interface TimelineAppendedNotice {
  /** The paths whose timelines grew, each with its highest new entry position. */
  readonly paths: readonly { readonly pathId: string; readonly position: string }[];
}
