/**
 * The kinds of network meeting (docs/domain.md §5):
 * - ACTIVATION_PLAN_MEETING: the employment counsellor, the social worker, the client and the
 *   provider's instructor agree the activation plan;
 * - PROGRESS_MEETING: the progress of the rehabilitation, inside the provider or with the network;
 * - TRANSITION_MEETING: the client's service networks meet when the client moves from one activity
 *   to another;
 * - JOINT_TRANSFER_VISIT: the sender, the receiver and the client visit the next place together;
 * - KELA_MEETING: the client, a Kela representative and the client worker;
 * - OTHER: any other meeting of the network about the client (a work-ability assessment, going
 *   through test results, a sick-leave decision).
 */
export const MEETING_KINDS = [
  'ACTIVATION_PLAN_MEETING',
  'PROGRESS_MEETING',
  'TRANSITION_MEETING',
  'JOINT_TRANSFER_VISIT',
  'KELA_MEETING',
  'OTHER',
] as const;

/** One of {@link MEETING_KINDS}. */
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** The kinds of meeting that can be held for a pending hand-off (its checklist item). */
export const HANDOFF_MEETING_KINDS: readonly MeetingKind[] = [
  'TRANSITION_MEETING',
  'JOINT_TRANSFER_VISIT',
];

/**
 * The professional roles a participant organisation sends (docs/domain.md §1.4), as roles, never
 * persons. EXPERIENTIAL_EXPERT is an experiential expert (kokemusasiantuntija) from a coordinating
 * organisation, who may be present only on the client's recorded consent.
 */
export const MEETING_PARTICIPANT_ROLES = [
  'EMPLOYMENT_COUNSELLOR',
  'SOCIAL_WORKER',
  'TYP_WORKER',
  'INDIVIDUAL_COACH',
  'WORK_COACH',
  'INSTRUCTOR',
  'KELA_REPRESENTATIVE',
  'HEALTH_CARE_PROFESSIONAL',
  'MANAGER',
  'EXPERIENTIAL_EXPERT',
  'OTHER',
] as const;

/** One of {@link MEETING_PARTICIPANT_ROLES}. */
export type MeetingParticipantRole = (typeof MEETING_PARTICIPANT_ROLES)[number];

/** Who convened a meeting: a party of the network, or the client (docs/domain.md §5). */
export const MEETING_CONVENOR_KINDS = ['ORGANISATION', 'CLIENT'] as const;

/** One of {@link MEETING_CONVENOR_KINDS}. */
export type MeetingConvenorKind = (typeof MEETING_CONVENOR_KINDS)[number];

/**
 * The decisions a meeting records (docs/domain.md §5), each carried out by a command in the
 * service that owns it:
 * - PLAN_CHANGE: the activation plan is agreed or revised (activation-plans);
 * - TRANSITION_DECISION: a hand-off is proposed, answered, or the client exits (transitions);
 * - PAUSE: a measure is paused, e.g. for sick leave (activation-plans).
 */
export const MEETING_DECISION_KINDS = ['PLAN_CHANGE', 'TRANSITION_DECISION', 'PAUSE'] as const;

/** One of {@link MEETING_DECISION_KINDS}. */
export type MeetingDecisionKind = (typeof MEETING_DECISION_KINDS)[number];

/** Why a scheduled meeting was cancelled, as a category. */
export const MEETING_CANCELLATION_REASONS = [
  'CLIENT_CANCELLED',
  'PARTY_CANCELLED',
  'RESCHEDULED',
  'NO_LONGER_NEEDED',
  'OTHER',
] as const;

/** One of {@link MEETING_CANCELLATION_REASONS}. */
export type MeetingCancellationReason = (typeof MEETING_CANCELLATION_REASONS)[number];

/** At most this many organisations are invited to one meeting. */
export const MAX_MEETING_INVITEES = 30;
/** At most this many decisions are recorded for one meeting. */
export const MAX_MEETING_DECISIONS = 20;
/**
 * Where a meeting is held, as a category (no free text on the path's skeleton, docs/domain.md
 * §8.3): at an organisation's premises (which one is `venueOrgId`), remotely, at the client's
 * home, or elsewhere. The address is the hosting organisation's to tell its invitees.
 */
export const MEETING_VENUES = ['ORGANISATION_PREMISES', 'REMOTE', 'CLIENT_HOME', 'OTHER'] as const;

/** One of {@link MEETING_VENUES}. */
export type MeetingVenue = (typeof MEETING_VENUES)[number];

/** At most this many characters in an action item's description. */
export const MAX_MEETING_TEXT_LENGTH = 500;
