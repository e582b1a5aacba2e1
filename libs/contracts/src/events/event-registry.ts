import { type EventContract } from './event-contract';
import { BASIC_NEED_ISSUE_FLAGGED_V1 } from './intake/basic-need-issue-flagged.event';
import { BASIC_NEED_RESOLVED_V1 } from './intake/basic-need-resolved.event';
import { CLIENT_IDENTITY_VERIFIED_V1 } from './intake/client-identity-verified.event';
import { CLIENT_REFERRED_V1 } from './intake/client-referred.event';
import { CLIENTS_LINKED_V1 } from './intake/clients-linked.event';
import { CLIENTS_UNLINKED_V1 } from './intake/clients-unlinked.event';
import { CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1 } from './intake/client-returned-to-intermediate-market.event';
import { CONSENT_GRANTED_V1 } from './intake/consent-granted.event';
import { CONSENT_WITHDRAWN_V1 } from './intake/consent-withdrawn.event';
import { INTAKE_COMPLETED_V1 } from './intake/intake-completed.event';
import { PARALLEL_SERVICE_REFERRED_V1 } from './intake/parallel-service-referred.event';
import { PRIOR_INFORMATION_SHARED_V1 } from './intake/prior-information-shared.event';
import { REFERRAL_ACCEPTED_V1 } from './intake/referral-accepted.event';
import { REFERRAL_DECLINED_V1 } from './intake/referral-declined.event';
import { REFERRAL_LINKED_V1 } from './intake/referral-linked.event';
import { MEETINGS_EVENT_CONTRACTS } from './meetings/meetings-contracts';
import { ABSENCE_REPORTED_V1 } from './plans/absence-reported.event';
import { ACTIVATION_PLAN_AGREED_V1 } from './plans/activation-plan-agreed.event';
import { ACTIVATION_PLAN_REVISED_V1 } from './plans/activation-plan-revised.event';
import { ATTENDANCE_RECORDED_V1 } from './plans/attendance-recorded.event';
import { GOAL_PROGRESS_RECORDED_V1 } from './plans/goal-progress-recorded.event';
import { GOAL_SET_V1 } from './plans/goal-set.event';
import { MEASURE_ENDED_V1 } from './plans/measure-ended.event';
import { MEASURE_PAUSED_V1 } from './plans/measure-paused.event';
import { MEASURE_RESUMED_V1 } from './plans/measure-resumed.event';
import { MEASURE_STARTED_V1 } from './plans/measure-started.event';
import { PLAN_REVIEW_DUE_V1 } from './plans/plan-review-due.event';
import { PLAN_REVIEW_OVERDUE_V1 } from './plans/plan-review-overdue.event';
import { STATEMENT_ISSUED_V1 } from './plans/statement-issued.event';
import { STATEMENT_REQUESTED_V1 } from './plans/statement-requested.event';
import { CLIENT_EXITED_V1 } from './transitions/client-exited.event';
import { FOLLOW_UP_COMPLETED_V1 } from './transitions/follow-up-completed.event';
import { FOLLOW_UP_DUE_V1 } from './transitions/follow-up-due.event';
import { FOLLOW_UP_MISSED_V1 } from './transitions/follow-up-missed.event';
import { FOLLOW_UP_SCHEDULED_V1 } from './transitions/follow-up-scheduled.event';
import { HANDOFF_COMPLETED_V1 } from './transitions/handoff-completed.event';
import { HANDOFF_ESCALATED_V1 } from './transitions/handoff-escalated.event';
import { MEASURE_ENDING_SOON_V1 } from './transitions/measure-ending-soon.event';
import { NEXT_STEP_OVERDUE_V1 } from './transitions/next-step-overdue.event';
import { NEXT_STEP_SET_V1 } from './transitions/next-step-set.event';
import { OWNERSHIP_TRANSFERRED_V1 } from './transitions/ownership-transferred.event';
import { PATH_CLOSED_V1 } from './transitions/path-closed.event';
import { PROVIDER_FUNDING_ENDING_V1 } from './transitions/provider-funding-ending.event';
import { RESPONSIBLE_WORKER_CHANGED_V1 } from './transitions/responsible-worker-changed.event';
import { HANDOFF_ACCEPTED_V1 } from './transitions/handoff-accepted.event';
import { HANDOFF_DECLINED_V1 } from './transitions/handoff-declined.event';
import { HANDOFF_PROPOSED_V1 } from './transitions/handoff-proposed.event';
import { UNCLEAR_PATH_FLAGGED_V1 } from './transitions/unclear-path-flagged.event';
import { WAIT_EXCEEDED_V1 } from './transitions/wait-exceeded.event';
import { WAITING_ENDED_V1 } from './transitions/waiting-ended.event';
import { WAITING_STARTED_V1 } from './transitions/waiting-started.event';

/**
 * First token of every event subject: the event stream captures `polku.>`. Request/reply
 * subjects live under `polku-rpc.` so that JetStream never answers a request with a PubAck.
 */
export const EVENT_STREAM_SUBJECT_ROOT = 'polku';

/** Every event contract polku knows, one entry per subject (each version is its own entry). */
export const EVENT_CONTRACTS = [
  CLIENT_REFERRED_V1,
  REFERRAL_ACCEPTED_V1,
  REFERRAL_DECLINED_V1,
  REFERRAL_LINKED_V1,
  CLIENT_IDENTITY_VERIFIED_V1,
  CLIENTS_LINKED_V1,
  CLIENTS_UNLINKED_V1,
  CONSENT_GRANTED_V1,
  CONSENT_WITHDRAWN_V1,
  PRIOR_INFORMATION_SHARED_V1,
  CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1,
  INTAKE_COMPLETED_V1,
  BASIC_NEED_ISSUE_FLAGGED_V1,
  BASIC_NEED_RESOLVED_V1,
  PARALLEL_SERVICE_REFERRED_V1,
  ACTIVATION_PLAN_AGREED_V1,
  ACTIVATION_PLAN_REVISED_V1,
  PLAN_REVIEW_DUE_V1,
  PLAN_REVIEW_OVERDUE_V1,
  GOAL_SET_V1,
  GOAL_PROGRESS_RECORDED_V1,
  MEASURE_STARTED_V1,
  ATTENDANCE_RECORDED_V1,
  ABSENCE_REPORTED_V1,
  MEASURE_PAUSED_V1,
  MEASURE_RESUMED_V1,
  MEASURE_ENDED_V1,
  STATEMENT_REQUESTED_V1,
  STATEMENT_ISSUED_V1,
  HANDOFF_PROPOSED_V1,
  HANDOFF_ACCEPTED_V1,
  HANDOFF_DECLINED_V1,
  HANDOFF_COMPLETED_V1,
  OWNERSHIP_TRANSFERRED_V1,
  HANDOFF_ESCALATED_V1,
  CLIENT_EXITED_V1,
  UNCLEAR_PATH_FLAGGED_V1,
  FOLLOW_UP_SCHEDULED_V1,
  FOLLOW_UP_DUE_V1,
  FOLLOW_UP_COMPLETED_V1,
  FOLLOW_UP_MISSED_V1,
  PATH_CLOSED_V1,
  MEASURE_ENDING_SOON_V1,
  WAITING_STARTED_V1,
  WAIT_EXCEEDED_V1,
  WAITING_ENDED_V1,
  PROVIDER_FUNDING_ENDING_V1,
  RESPONSIBLE_WORKER_CHANGED_V1,
  NEXT_STEP_OVERDUE_V1,
  NEXT_STEP_SET_V1,
  ...MEETINGS_EVENT_CONTRACTS,
] as const;

type RegisteredContract = (typeof EVENT_CONTRACTS)[number];

/** The subject of a registered event, e.g. `polku.intake.referral.client-referred.v1`. */
export type EventSubject = RegisteredContract['subject'];

/** The payload type of each registered subject, so `publish(subject, payload)` is type-checked. */
export type EventPayloads = {
  [C in RegisteredContract as C['subject']]: C extends EventContract<infer TPayload, string>
    ? TPayload
    : never;
};

/**
 * Indexes contracts by subject. Throws on a duplicate subject, or on two subjects with the same
 * type and version, since consumers tell schemas apart by the envelope's type and version.
 */
export function indexEventContracts(
  contracts: readonly EventContract<object>[],
): ReadonlyMap<string, EventContract<object>> {
  const bySubject = new Map<string, EventContract<object>>();
  const typeVersions = new Map<string, string>();
  for (const contract of contracts) {
    if (bySubject.has(contract.subject)) {
      throw new Error(`duplicate event subject ${contract.subject} in the event registry`);
    }
    const typeVersion = `${contract.type} v${contract.version}`;
    const other = typeVersions.get(typeVersion);
    if (other !== undefined) {
      throw new Error(
        `${typeVersion} is registered twice in the event registry: ${other} and ${contract.subject}`,
      );
    }
    bySubject.set(contract.subject, contract);
    typeVersions.set(typeVersion, contract.subject);
  }
  return bySubject;
}

const CONTRACTS_BY_SUBJECT = indexEventContracts(EVENT_CONTRACTS);

/** The contract of a subject, or undefined when polku has no such event. */
export function eventContractFor(subject: string): EventContract<object> | undefined {
  return CONTRACTS_BY_SUBJECT.get(subject);
}
