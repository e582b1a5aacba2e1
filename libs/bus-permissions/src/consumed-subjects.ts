import {
  ACTION_ITEM_ASSIGNED_V1,
  ACTION_ITEM_COMPLETED_V1,
  ACTION_ITEM_OVERDUE_V1,
  ACTIVATION_PLAN_AGREED_V1,
  ACTIVATION_PLAN_REVISED_V1,
  CLIENT_EXITED_V1,
  CLIENT_REFERRED_V1,
  CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1,
  CONSENT_GRANTED_V1,
  CONSENT_WITHDRAWN_V1,
  EVENT_CONTRACTS,
  FOLLOW_UP_COMPLETED_V1,
  FOLLOW_UP_DUE_V1,
  FOLLOW_UP_MISSED_V1,
  FOLLOW_UP_SCHEDULED_V1,
  GOAL_PROGRESS_RECORDED_V1,
  HANDOFF_ESCALATED_V1,
  MEASURE_ENDING_SOON_V1,
  NEXT_STEP_OVERDUE_V1,
  NEXT_STEP_SET_V1,
  PLAN_REVIEW_DUE_V1,
  PLAN_REVIEW_OVERDUE_V1,
  STATEMENT_ISSUED_V1,
  STATEMENT_REQUESTED_V1,
  WAIT_EXCEEDED_V1,
  WAITING_ENDED_V1,
  WAITING_STARTED_V1,
  HANDOFF_ACCEPTED_V1,
  HANDOFF_COMPLETED_V1,
  HANDOFF_DECLINED_V1,
  HANDOFF_PROPOSED_V1,
  INTAKE_COMPLETED_V1,
  MEASURE_ENDED_V1,
  MEASURE_PAUSED_V1,
  MEASURE_RESUMED_V1,
  MEASURE_STARTED_V1,
  NETWORK_MEETING_CANCELLED_V1,
  NETWORK_MEETING_HELD_V1,
  NETWORK_MEETING_SCHEDULED_V1,
  OWNERSHIP_TRANSFERRED_V1,
  PATH_CLOSED_V1,
  REFERRAL_ACCEPTED_V1,
  REFERRAL_DECLINED_V1,
  REFERRAL_LINKED_V1,
  isFactEventSubject,
  type ServiceName,
} from '@polku/contracts';

// The network meetings whose invited organisations are parties of the path for the meeting
// (MEETING_PARTICIPANT): every service that checks access on the access projection reads them.
const MEETING_PARTIES: readonly string[] = [
  NETWORK_MEETING_SCHEDULED_V1,
  NETWORK_MEETING_HELD_V1,
  NETWORK_MEETING_CANCELLED_V1,
].map((event) => event.subject);

// The access projection's subjects (libs/path-access), less the plan events that
// activation-plans records itself.
const PATH_ACCESS_WITHOUT_PLANS: readonly string[] = [
  CLIENT_REFERRED_V1,
  REFERRAL_ACCEPTED_V1,
  REFERRAL_DECLINED_V1,
  REFERRAL_LINKED_V1,
  HANDOFF_PROPOSED_V1,
  HANDOFF_ACCEPTED_V1,
  HANDOFF_DECLINED_V1,
  OWNERSHIP_TRANSFERRED_V1,
  CONSENT_GRANTED_V1,
  CONSENT_WITHDRAWN_V1,
]
  .map((event): string => event.subject)
  .concat(MEETING_PARTIES);

/**
 * The event subjects each service consumes, one durable consumer each: what the provisioning
 * step creates and what the service's NATS user may read. Declared here rather than read from
 * the handlers so that the server configuration needs no service code; a test per service
 * checks that its @EventPattern and @EventBatchPattern handlers name exactly these.
 */
export const CONSUMED_EVENT_SUBJECTS: Readonly<Record<ServiceName, readonly string[]>> = {
  gateway: [
    ...PATH_ACCESS_WITHOUT_PLANS,
    ACTIVATION_PLAN_AGREED_V1.subject,
    ACTIVATION_PLAN_REVISED_V1.subject,
  ],
  // Its own events it reads from its own tables; of others', exits and what moves access
  // (hand-offs, ownership, plan parties, meeting participants), so that the identity follows
  // the owner.
  'client-intake': [
    ...[
      CLIENT_EXITED_V1,
      HANDOFF_PROPOSED_V1,
      HANDOFF_ACCEPTED_V1,
      HANDOFF_DECLINED_V1,
      OWNERSHIP_TRANSFERRED_V1,
      ACTIVATION_PLAN_AGREED_V1,
      ACTIVATION_PLAN_REVISED_V1,
    ].map((event) => event.subject),
    ...MEETING_PARTIES,
  ],
  // The path's stage (intake, hand-offs, exit, closure, continuation), so that a plan or
  // measure command the path's state forbids is refused up front (docs/path-rules.md).
  'activation-plans': [
    ...PATH_ACCESS_WITHOUT_PLANS,
    ...[
      INTAKE_COMPLETED_V1,
      HANDOFF_COMPLETED_V1,
      CLIENT_EXITED_V1,
      PATH_CLOSED_V1,
      CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1,
    ].map((event) => event.subject),
  ],
  // Every event of every service: each one is an entry on its path's shared timeline, and the
  // access projection's subjects keep the service's own access facts (docs/meetings.md).
  // The shared timeline tells facts: every subject but the state summaries (NextStepSet).
  'network-meetings': EVENT_CONTRACTS.map((event): string => event.subject).filter(
    isFactEventSubject,
  ),
  // The path's course, and the access projection's subjects but the hand-offs it writes itself.
  transitions: [
    ACTIVATION_PLAN_AGREED_V1,
    ACTIVATION_PLAN_REVISED_V1,
    MEASURE_STARTED_V1,
    MEASURE_PAUSED_V1,
    MEASURE_RESUMED_V1,
    MEASURE_ENDED_V1,
    CLIENT_REFERRED_V1,
    REFERRAL_ACCEPTED_V1,
    REFERRAL_DECLINED_V1,
    INTAKE_COMPLETED_V1,
    CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1,
    CONSENT_GRANTED_V1,
    CONSENT_WITHDRAWN_V1,
    REFERRAL_LINKED_V1,
  ]
    .map((event): string => event.subject)
    .concat(MEETING_PARTIES),
  // What the managers' figures are folded from, path by path (docs/dashboards.md, "How the
  // figures are kept"): the path's steps and answers, its course (NextStepSet), exits and
  // follow-ups, every escalation and what clears a lost one, waits, goals, and the events that
  // make an organisation a party of the path.
  dashboards: [
    CLIENT_REFERRED_V1,
    REFERRAL_ACCEPTED_V1,
    REFERRAL_DECLINED_V1,
    REFERRAL_LINKED_V1,
    INTAKE_COMPLETED_V1,
    CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1,
    ACTIVATION_PLAN_AGREED_V1,
    ACTIVATION_PLAN_REVISED_V1,
    GOAL_PROGRESS_RECORDED_V1,
    PLAN_REVIEW_OVERDUE_V1,
    MEASURE_STARTED_V1,
    HANDOFF_PROPOSED_V1,
    HANDOFF_ACCEPTED_V1,
    HANDOFF_DECLINED_V1,
    HANDOFF_COMPLETED_V1,
    HANDOFF_ESCALATED_V1,
    OWNERSHIP_TRANSFERRED_V1,
    CLIENT_EXITED_V1,
    FOLLOW_UP_SCHEDULED_V1,
    FOLLOW_UP_DUE_V1,
    FOLLOW_UP_COMPLETED_V1,
    FOLLOW_UP_MISSED_V1,
    NEXT_STEP_SET_V1,
    NEXT_STEP_OVERDUE_V1,
    ACTION_ITEM_OVERDUE_V1,
    ACTION_ITEM_COMPLETED_V1,
    WAITING_STARTED_V1,
    WAITING_ENDED_V1,
    WAIT_EXCEEDED_V1,
    NETWORK_MEETING_HELD_V1,
  ].map((event) => event.subject),
  // Every signal that opens or clears a work-queue item, and what the caseload card is made of
  // (docs/work-queue.md, "What lands where").
  'work-queue': [
    NEXT_STEP_SET_V1,
    NEXT_STEP_OVERDUE_V1,
    CLIENT_REFERRED_V1,
    REFERRAL_ACCEPTED_V1,
    REFERRAL_DECLINED_V1,
    REFERRAL_LINKED_V1,
    HANDOFF_PROPOSED_V1,
    HANDOFF_ACCEPTED_V1,
    HANDOFF_DECLINED_V1,
    HANDOFF_COMPLETED_V1,
    HANDOFF_ESCALATED_V1,
    OWNERSHIP_TRANSFERRED_V1,
    FOLLOW_UP_SCHEDULED_V1,
    FOLLOW_UP_DUE_V1,
    FOLLOW_UP_COMPLETED_V1,
    FOLLOW_UP_MISSED_V1,
    ACTION_ITEM_ASSIGNED_V1,
    ACTION_ITEM_COMPLETED_V1,
    ACTION_ITEM_OVERDUE_V1,
    ACTIVATION_PLAN_AGREED_V1,
    ACTIVATION_PLAN_REVISED_V1,
    PLAN_REVIEW_DUE_V1,
    PLAN_REVIEW_OVERDUE_V1,
    STATEMENT_REQUESTED_V1,
    STATEMENT_ISSUED_V1,
    MEASURE_STARTED_V1,
    MEASURE_PAUSED_V1,
    MEASURE_RESUMED_V1,
    MEASURE_ENDED_V1,
    MEASURE_ENDING_SOON_V1,
    WAIT_EXCEEDED_V1,
    WAITING_ENDED_V1,
    NETWORK_MEETING_HELD_V1,
  ].map((event) => event.subject),
};
