/**
 * The kinds of next step a path can wait for (docs/transitions.md, path states; docs/domain.md
 * §4.3): every path that is not closed has one, with a due date and an accountable organisation.
 * - ANSWER_REFERRAL: the receiver answers a referral (REFERRED);
 * - FIND_NEW_SERVICE: the referrer finds another service after a decline (REFERRED);
 * - COMPLETE_INTAKE: the provider completes the intake (INTAKE);
 * - AGREE_PLAN: the parties agree an activation plan (PLANNING);
 * - START_MEASURE: a measure of the agreed plan starts (PLANNING);
 * - PLAN_NEXT_STEP: the next step is planned before the measure ends (IN_MEASURE);
 * - RESUME_MEASURE: a paused measure resumes (PAUSED);
 * - DECIDE_NEXT_STEP: the owner decides the next step after a measure ends or a hand-off is
 *   declined (TRANSITION_PENDING);
 * - AWAIT_HANDOFF_ANSWER: the receiver answers a proposed hand-off (TRANSITION_PENDING);
 * - REVIEW_UNCLEAR_PATH: the search owner reviews an unclear path (UNCLEAR_PATH);
 * - FOLLOW_UP: the owner follows up a client after the exit (FOLLOW_UP);
 * - REHOME_BEFORE_FUNDING_ENDS: the path gets a new owner or a hand-off before the provider's
 *   funding ends (docs/domain.md §10.3 FundingEndSaga);
 * - CLOSE_PATH: the owner closes the path after the last follow-up (FOLLOW_UP).
 */
export const NEXT_STEP_KINDS = [
  'ANSWER_REFERRAL',
  'FIND_NEW_SERVICE',
  'COMPLETE_INTAKE',
  'AGREE_PLAN',
  'START_MEASURE',
  'PLAN_NEXT_STEP',
  'RESUME_MEASURE',
  'DECIDE_NEXT_STEP',
  'AWAIT_HANDOFF_ANSWER',
  'REVIEW_UNCLEAR_PATH',
  'FOLLOW_UP',
  'REHOME_BEFORE_FUNDING_ENDS',
  'CLOSE_PATH',
] as const;

/** One of {@link NEXT_STEP_KINDS}. */
export type NextStepKind = (typeof NEXT_STEP_KINDS)[number];

/**
 * The next steps whose lateness NextStepOverdue reports: all but an unanswered hand-off and a
 * follow-up, which escalate by their own events (HandoffEscalated, FollowUpMissed), so that one
 * late step is never escalated twice.
 */
export const OVERDUE_REPORTED_NEXT_STEP_KINDS = NEXT_STEP_KINDS.filter(
  (kind): kind is Exclude<NextStepKind, 'AWAIT_HANDOFF_ANSWER' | 'FOLLOW_UP'> =>
    kind !== 'AWAIT_HANDOFF_ANSWER' && kind !== 'FOLLOW_UP',
);

/** One of {@link OVERDUE_REPORTED_NEXT_STEP_KINDS}. */
export type OverdueReportedNextStepKind = (typeof OVERDUE_REPORTED_NEXT_STEP_KINDS)[number];

/**
 * The rungs of the escalation ladder for a late step (docs/domain.md §4.4): the named worker,
 * then the team lead, then the manager's dashboard.
 */
export const ESCALATION_LEVELS = ['WORKER', 'TEAM_LEAD', 'MANAGER'] as const;

/** One of {@link ESCALATION_LEVELS}. */
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/**
 * The worker id of a path whose accountable organisation took it over without naming a worker
 * (the fallback owner when a provider's funding ends, docs/transitions.md): the path is that
 * organisation's at once, its step is raised to the team lead, who names the responsible worker.
 * Never a person's id; read models show such a path to the whole organisation.
 */
export const UNASSIGNED_WORKER_ID = 'unassigned';
