import type {
  DataClass,
  EscalationLevel,
  MeetingDecisionKind,
  MeetingView,
  MeetingViewActionItem,
  MeetingViewDecision,
  MeetingViewHandoff,
  MeetingViewMeeting,
  MeetingViewPlan,
  TimelineEntryView,
} from '@polku/contracts';

/** What the composer reads of a timeline entry: its type, when, and the event's payload. */
export interface ViewEntry {
  readonly position: string;
  readonly eventType: string;
  readonly occurredAt: string;
  readonly data: unknown;
}

/** The event types each section is composed from. */
export const MEETING_EVENT_TYPES = [
  'NetworkMeetingScheduled',
  'NetworkMeetingHeld',
  'NetworkMeetingCancelled',
] as const;
export const PLAN_EVENT_TYPES = [
  'ActivationPlanAgreed',
  'ActivationPlanRevised',
  'GoalSet',
  'GoalProgressRecorded',
] as const;
export const ACTION_ITEM_EVENT_TYPES = [
  'ActionItemAssigned',
  'ActionItemCompleted',
  'ActionItemOverdue',
] as const;
export const HANDOFF_EVENT_TYPES = [
  'HandoffProposed',
  'HandoffAccepted',
  'HandoffDeclined',
  'HandoffCompleted',
] as const;
export const DECISION_EVENT_TYPES = ['NetworkMeetingHeld', 'MeetingDecisionCarriedOut'] as const;

/** Decisions shown at most: the recent ones. */
export const RECENT_DECISIONS = 10;

type Data = Record<string, unknown>;
const dataOf = (entry: ViewEntry): Data => (entry.data ?? {}) as Data;
const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;
const ofType = (entries: readonly ViewEntry[], ...types: readonly string[]) =>
  entries.filter((entry) => types.includes(entry.eventType));

/**
 * The meeting as its own entries tell it, or undefined when it was never scheduled on this path.
 * `entries` are the entries of this meeting only, oldest first.
 */
export function meetingOf(entries: readonly ViewEntry[]): MeetingViewMeeting | undefined {
  const scheduled = ofType(entries, 'NetworkMeetingScheduled').at(-1);
  if (scheduled === undefined) {
    return undefined;
  }
  const s = dataOf(scheduled);
  const held = ofType(entries, 'NetworkMeetingHeld').at(-1);
  const cancelled = ofType(entries, 'NetworkMeetingCancelled').at(-1);
  const h = held === undefined ? undefined : dataOf(held);
  const invitees = (Array.isArray(s.invitees) ? s.invitees : []) as Data[];
  return {
    meetingId: String(s.meetingId),
    kind: s.kind as MeetingViewMeeting['kind'],
    status: held !== undefined ? 'HELD' : cancelled !== undefined ? 'CANCELLED' : 'SCHEDULED',
    convenor: s.convenor as MeetingViewMeeting['convenor'],
    convenorOrgId: String(s.convenorOrgId),
    startsAt: String(s.startsAt),
    endsAt: String(s.endsAt),
    venue: s.venue as MeetingViewMeeting['venue'],
    // Organisations and roles only: an expert's consent reference stays out of the screen.
    invitees: invitees.map((invitee) => ({
      orgId: String(invitee.orgId),
      roles: Array.isArray(invitee.roles) ? invitee.roles.map(String) : [],
    })),
    ...(text(s.handoffId) === undefined ? {} : { handoffId: String(s.handoffId) }),
    ...(h === undefined
      ? {}
      : {
          heldAt: String(h.heldAt),
          endedAt: String(h.endedAt),
          clientPresent: h.clientPresent === true,
          ...(text(h.nextMeetingAt) === undefined
            ? {}
            : { nextMeetingAt: String(h.nextMeetingAt) }),
        }),
    ...(cancelled === undefined || held !== undefined
      ? {}
      : {
          cancelledAt: text(dataOf(cancelled).cancelledAt) ?? cancelled.occurredAt,
        }),
  };
}

/** The current plan (its latest version) with its goals' latest progress; null without a plan. */
export function planOf(entries: readonly ViewEntry[]): MeetingViewPlan | null {
  const version = ofType(entries, 'ActivationPlanAgreed', 'ActivationPlanRevised').at(-1);
  if (version === undefined) {
    return null;
  }
  const v = dataOf(version);
  const planId = String(v.planId);
  const goals = new Map<string, { text: string }>();
  for (const goal of ofType(entries, 'GoalSet').map(dataOf)) {
    if (goal.planId === planId) {
      goals.set(String(goal.goalId), { text: String(goal.text) });
    }
  }
  const progress = new Map<string, { gasLevel: number | null; recordedAt: string }>();
  for (const recorded of ofType(entries, 'GoalProgressRecorded').map(dataOf)) {
    progress.set(String(recorded.goalId), {
      gasLevel: typeof recorded.gasLevel === 'number' ? recorded.gasLevel : null,
      recordedAt: String(recorded.recordedAt),
    });
  }
  return {
    planId,
    planVersion: Number(v.planVersion),
    since: version.occurredAt,
    reviewDate: String(v.reviewDate),
    goals: [...goals].map(([goalId, goal]) => ({
      goalId,
      text: goal.text,
      gasLevel: progress.get(goalId)?.gasLevel ?? null,
      progressRecordedAt: progress.get(goalId)?.recordedAt ?? null,
    })),
  };
}

/** Agreed next steps assigned and not completed, with the rung an overdue one reached. */
export function openActionItemsOf(entries: readonly ViewEntry[]): MeetingViewActionItem[] {
  const completed = new Set(
    ofType(entries, 'ActionItemCompleted').map((entry) => String(dataOf(entry).actionItemId)),
  );
  const overdue = new Map<string, EscalationLevel>();
  for (const entry of ofType(entries, 'ActionItemOverdue').map(dataOf)) {
    overdue.set(String(entry.actionItemId), entry.level as EscalationLevel);
  }
  return ofType(entries, 'ActionItemAssigned')
    .map(dataOf)
    .filter((item) => !completed.has(String(item.actionItemId)))
    .map((item) => ({
      actionItemId: String(item.actionItemId),
      meetingId: text(item.meetingId) ?? null,
      description: String(item.description),
      ownerOrgId: String(item.ownerOrgId),
      ownerWorkerId: String(item.ownerWorkerId),
      dueDate: String(item.dueDate),
      overdueLevel: overdue.get(String(item.actionItemId)) ?? null,
    }));
}

/** Hand-offs proposed and not accepted, declined or completed. */
export function pendingHandoffsOf(entries: readonly ViewEntry[]): MeetingViewHandoff[] {
  const answered = new Set(
    ofType(entries, 'HandoffAccepted', 'HandoffDeclined', 'HandoffCompleted').map((entry) =>
      String(dataOf(entry).handoffId),
    ),
  );
  return ofType(entries, 'HandoffProposed')
    .map(dataOf)
    .filter((handoff) => !answered.has(String(handoff.handoffId)))
    .map((handoff) => ({
      handoffId: String(handoff.handoffId),
      receivingOrgId: String(handoff.receivingOrgId),
      destination: handoff.destination,
      proposedDate: String(handoff.proposedDate),
      answerDueDate: String(handoff.answerDueDate),
    }));
}

/** The path's meeting decisions, newest first, each with the command that carried it out. */
export function recentDecisionsOf(entries: readonly ViewEntry[]): MeetingViewDecision[] {
  const links = new Map<string, MeetingViewDecision['carriedOut']>();
  for (const link of ofType(entries, 'MeetingDecisionCarriedOut').map(dataOf)) {
    links.set(String(link.decisionId), {
      service: String(link.service),
      eventId: String(link.eventId),
      eventType: String(link.eventType),
      linkedAt: String(link.linkedAt),
    });
  }
  const decisions: MeetingViewDecision[] = [];
  for (const held of ofType(entries, 'NetworkMeetingHeld').map(dataOf)) {
    for (const decision of (Array.isArray(held.decisions) ? held.decisions : []) as Data[]) {
      decisions.push({
        meetingId: String(held.meetingId),
        decisionId: String(decision.decisionId),
        kind: decision.kind as MeetingDecisionKind,
        decidedAt: String(held.heldAt),
        carriedOut: links.get(String(decision.decisionId)) ?? null,
      });
    }
  }
  return decisions.reverse().slice(0, RECENT_DECISIONS);
}

/** What the view is composed of: the meeting, the entries everyone present may see, the rest. */
export interface MeetingViewParts {
  readonly pathId: string;
  readonly meeting: MeetingViewMeeting;
  /** The classes not everyone present may see. */
  readonly withheld: readonly DataClass[];
  /** The entries of the sections' event types that everyone present may see, oldest first. */
  readonly sectionEntries: readonly ViewEntry[];
  /** The newest entries everyone present may see, newest first. */
  readonly latestEntries: readonly TimelineEntryView[];
  readonly position: string;
}

/** The view: each section unless its data class is withheld. */
export function composeMeetingView(parts: MeetingViewParts): MeetingView {
  const shown = (dataClass: DataClass) => !parts.withheld.includes(dataClass);
  const entries = parts.sectionEntries;
  return {
    pathId: parts.pathId,
    meeting: parts.meeting,
    presentOrgIds: parts.meeting.invitees.map((invitee) => invitee.orgId),
    withheld: parts.withheld,
    ...(shown('PLAN')
      ? { plan: planOf(entries), openActionItems: openActionItemsOf(entries) }
      : {}),
    ...(shown('PATH')
      ? { pendingHandoffs: pendingHandoffsOf(entries), recentDecisions: recentDecisionsOf(entries) }
      : {}),
    latestEntries: parts.latestEntries,
    position: parts.position,
  };
}
