import { HANDOFF_MEETING_KINDS, type MeetingKind, type MeetingParticipant } from '@polku/contracts';
import {
  CommandConflictError,
  ForbiddenCommandError,
  RuleViolationError,
  type RuleViolation,
} from '@polku/service-runtime';

/** What the rules need to know of a stored meeting. */
export interface MeetingFacts {
  readonly status: 'SCHEDULED' | 'HELD' | 'CANCELLED';
  readonly convenorOrgId: string;
  readonly invitees: readonly Pick<MeetingParticipant, 'orgId'>[];
}

/** An organisation that sends an experiential expert, and the consent it names for it. */
export interface ExpertAttendance {
  readonly orgId: string;
  readonly expertConsentRef: string | undefined;
  /** Where in the command it stands, e.g. `invitees[2]`. */
  readonly field: string;
}

export const HANDOFF_ONLY_FOR_TRANSITION_KINDS: Omit<RuleViolation, 'field'> = {
  rule: 'HANDOFF_MEETING_KIND',
  message:
    'Only a TRANSITION_MEETING or a JOINT_TRANSFER_VISIT is held for a pending hand-off: leave handoffId out for other kinds.',
  legalSource: null,
};

export const EXPERT_CONSENT_MISSING = 'EXPERT_CONSENT_MISSING';

/** A hand-off is named only by the kinds held for one (HANDOFF_MEETING_KINDS). */
export function handoffViolations(
  kind: MeetingKind,
  handoffId: string | undefined,
): RuleViolation[] {
  return handoffId !== undefined && !HANDOFF_MEETING_KINDS.includes(kind)
    ? [{ ...HANDOFF_ONLY_FOR_TRANSITION_KINDS, field: 'handoffId' }]
    : [];
}

/** How far a recorded end may lie ahead of the service's clock: the recorder's clock may run fast. */
export const RECORDED_END_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * A meeting is recorded as held once it has ended — not for a time still to come — and the next
 * meeting is after it, so the record never holds a meeting that has not happened or a next
 * meeting that is already over.
 */
export function heldTimeViolations(record: {
  readonly endedAt: string;
  readonly nextMeetingAt?: string;
  readonly now: Date;
}): RuleViolation[] {
  const ended = Date.parse(record.endedAt);
  const violations: RuleViolation[] = [];
  if (ended > record.now.getTime() + RECORDED_END_CLOCK_SKEW_MS) {
    violations.push({
      rule: 'MEETING_NOT_YET_HELD',
      field: 'endedAt',
      message: 'A meeting is recorded as held once it has ended: endedAt is still to come.',
      legalSource: null,
    });
  }
  if (record.nextMeetingAt !== undefined && Date.parse(record.nextMeetingAt) <= ended) {
    violations.push({
      rule: 'NEXT_MEETING_NOT_AFTER_END',
      field: 'nextMeetingAt',
      message: 'The next meeting is after this one ended.',
      legalSource: null,
    });
  }
  return violations;
}

/** Whether a participant list has an experiential expert in it (NetworkMeetingHeld.expertPresent). */
export function isExpertPresent(participants: readonly MeetingParticipant[]): boolean {
  return participants.some((participant) => participant.roles.includes('EXPERIENTIAL_EXPERT'));
}

/**
 * The organisations of a list that send an experiential expert. A participant that names no
 * consent falls back to the one its invitation named, so it need not be repeated at the record.
 */
export function expertAttendances(
  list: readonly MeetingParticipant[],
  field: string,
  invitedRefs: ReadonlyMap<string, string> = new Map(),
): ExpertAttendance[] {
  return list.flatMap((participant, index) =>
    participant.roles.includes('EXPERIENTIAL_EXPERT')
      ? [
          {
            orgId: participant.orgId,
            expertConsentRef: participant.expertConsentRef ?? invitedRefs.get(participant.orgId),
            field: `${field}[${index}].expertConsentRef`,
          },
        ]
      : [],
  );
}

/**
 * The refusals of experts whose consent was not found in force (`covered` holds the
 * organisations whose consent was): no consent named, or one that is not this path's, does not
 * name the organisation, is for another purpose, or was withdrawn or had expired at the meeting.
 */
export function expertConsentViolations(
  experts: readonly ExpertAttendance[],
  covered: ReadonlySet<string>,
): RuleViolation[] {
  return experts
    .filter((expert) => !covered.has(expert.orgId))
    .map((expert) => ({
      rule: EXPERT_CONSENT_MISSING,
      field: expert.field,
      message:
        expert.expertConsentRef === undefined
          ? 'An experiential expert takes part only on the client’s consent: name it in expertConsentRef.'
          : 'The consent named does not let this organisation’s experiential expert take part: it must be this path’s, name the organisation, have the purpose EXPERT_PARTICIPATION and be in force at the meeting.',
      legalSource: null,
    }));
}

/** Throws the 422 of every rule broken, or nothing. */
export function assertNoViolations(violations: readonly RuleViolation[], what: string): void {
  if (violations.length > 0) {
    throw new RuleViolationError(`the ${what} breaks ${violations.length} rule(s)`, violations);
  }
}

/** Only the convenor's organisation or an invited one records the meeting or cancels it. */
export function assertMayActOnMeeting(meeting: MeetingFacts, orgId: string, action: string): void {
  const invited = meeting.invitees.some((invitee) => invitee.orgId === orgId);
  if (meeting.convenorOrgId !== orgId && !invited) {
    throw new ForbiddenCommandError(
      `only the convenor or an invited organisation may ${action} the meeting`,
    );
  }
}

/** A meeting is held or cancelled once: after that it is a record (409). */
export function assertStillScheduled(meeting: MeetingFacts, action: string): void {
  if (meeting.status !== 'SCHEDULED') {
    throw new CommandConflictError(
      `the meeting is already ${meeting.status === 'HELD' ? 'recorded as held' : 'cancelled'}: it cannot be ${action}`,
    );
  }
}
