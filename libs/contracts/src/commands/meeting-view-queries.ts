import type { DataClass } from '../events/event-envelope';
import type {
  MeetingConvenorKind,
  MeetingDecisionKind,
  MeetingKind,
  MeetingVenue,
} from '../events/meetings/meeting-kinds';
import type { TimelineEntryView } from './timeline-queries';
import type { EscalationLevel } from '../events/transitions/next-step';

/** The state of a meeting as its timeline entries tell it. */
export type MeetingViewStatus = 'SCHEDULED' | 'HELD' | 'CANCELLED';

/** The meeting itself: its schedule, who is invited, and what is known of its holding. */
export interface MeetingViewMeeting {
  readonly meetingId: string;
  readonly kind: MeetingKind;
  readonly status: MeetingViewStatus;
  readonly convenor: MeetingConvenorKind;
  readonly convenorOrgId: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly venue: MeetingVenue;
  /** Each invited organisation with its roles (never a person). */
  readonly invitees: readonly { readonly orgId: string; readonly roles: readonly string[] }[];
  readonly heldAt?: string;
  readonly endedAt?: string;
  readonly clientPresent?: boolean;
  readonly nextMeetingAt?: string;
  readonly cancelledAt?: string;
  readonly handoffId?: string;
}

/** The current activation plan and its goals with their latest progress. */
export interface MeetingViewPlan {
  readonly planId: string;
  readonly planVersion: number;
  /** When the current version was agreed or revised. */
  readonly since: string;
  readonly reviewDate: string;
  readonly goals: readonly {
    readonly goalId: string;
    /** In the client's own words. */
    readonly text: string;
    /** The latest GAS level (−2…+2), or null before any progress with a level. */
    readonly gasLevel: number | null;
    readonly progressRecordedAt: string | null;
  }[];
}

/** An agreed next step not yet completed. */
export interface MeetingViewActionItem {
  readonly actionItemId: string;
  readonly meetingId: string | null;
  readonly description: string;
  readonly ownerOrgId: string;
  readonly ownerWorkerId: string;
  readonly dueDate: string;
  /** The rung it has been escalated to when overdue; null while on time. */
  readonly overdueLevel: EscalationLevel | null;
}

/** A hand-off proposed and not yet answered or completed. */
export interface MeetingViewHandoff {
  readonly handoffId: string;
  readonly receivingOrgId: string;
  readonly destination: unknown;
  readonly proposedDate: string;
  readonly answerDueDate: string;
}

/** A decision of a held meeting of the path, and the command that carried it out, if linked. */
export interface MeetingViewDecision {
  readonly meetingId: string;
  readonly decisionId: string;
  readonly kind: MeetingDecisionKind;
  readonly decidedAt: string;
  readonly carriedOut: {
    readonly service: string;
    readonly eventId: string;
    readonly eventType: string;
    readonly linkedAt: string;
  } | null;
}

/** The sections of a meeting view, each with the data class its content belongs to. */
export const MEETING_VIEW_SECTION_CLASSES = {
  plan: 'PLAN',
  openActionItems: 'PLAN',
  pendingHandoffs: 'PATH',
  recentDecisions: 'PATH',
} as const satisfies Record<string, DataClass>;

/** One of the sections of {@link MEETING_VIEW_SECTION_CLASSES}. */
export type MeetingViewSection = keyof typeof MEETING_VIEW_SECTION_CLASSES;

/**
 * `MEETING_COMMANDS.getMeetingView` (GET /api/v1/paths/{pathId}/meetings/{meetingId}/view):
 * one view model for the screen everyone present looks at, composed from the path's timeline.
 * It holds ONLY what every invited organisation (and the caller) may see: a section whose data
 * class one of them is not covered for is left out and its class named in `withheld`; the
 * latest entries are those every one of them may see (docs/meetings.md, "Meeting mode").
 */
export interface MeetingView {
  readonly pathId: string;
  readonly meeting: MeetingViewMeeting;
  /** The organisations present (the invitees), whose common visibility the view keeps to. */
  readonly presentOrgIds: readonly string[];
  /** The data classes of the sections left out because not everyone present may see them. */
  readonly withheld: readonly DataClass[];
  /** The current plan; null when the path has none. Absent when PLAN is withheld. */
  readonly plan?: MeetingViewPlan | null;
  readonly openActionItems?: readonly MeetingViewActionItem[];
  readonly pendingHandoffs?: readonly MeetingViewHandoff[];
  /** Newest first. */
  readonly recentDecisions?: readonly MeetingViewDecision[];
  /** The newest timeline entries every one present may see, newest first. */
  readonly latestEntries: readonly TimelineEntryView[];
  /** The timeline position the view was composed at: the meeting's live stream resumes there. */
  readonly position: string;
}
