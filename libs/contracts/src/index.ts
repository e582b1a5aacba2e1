export {
  BACKEND_SERVICE_NAMES,
  CONTEXT_OF_SERVICE,
  SERVICE_NAMES,
  type BackendServiceName,
  type ServiceName,
} from './services';
export {
  CURSOR_VERSION,
  InvalidCursorError,
  MAX_CURSOR_LENGTH,
  PAGE_LIMITS,
  PageQueryDto,
  decodeCursor,
  encodeCursor,
  pageFromRows,
  type CursorPosition,
  type Page,
} from './api/pagination';
export {
  healthSubject,
  type DatabaseHealth,
  type DependencyHealth,
  type DependencyStatus,
  type OutboxHealth,
  type ServiceHealthReport,
} from './system/health.contract';
export {
  ACTOR_ROLES,
  DATA_CLASSES,
  ENVELOPE_FIELD_DESCRIPTIONS,
  EventEmitterDto,
  EventEnvelopeDto,
  ORG_ROLES,
  type ActorRole,
  type DataClass,
  type EnvelopeEmitter,
  type EnvelopeFieldDescription,
  type EventEnvelope,
  type OrgRole,
} from './events/event-envelope';
export { EVENT_SUBJECT_PATTERN, defineEvent, type EventContract } from './events/event-contract';
export { FieldDoc, fieldDocsOf, type FieldDocDefinition } from './field-doc.decorator';
export {
  EVENT_CONTRACTS,
  EVENT_STREAM_SUBJECT_ROOT,
  eventContractFor,
  indexEventContracts,
  validateEvent,
  type EventPayloads,
  type EventSubject,
  type EventValidationResult,
} from './events/event-registry';
export {
  describePayloadFields,
  renderEventsDoc,
  type PayloadFieldDoc,
} from './events/render-events-doc';
export {
  ACTOR_ID_PATTERN,
  HasNoPersonalIdentityCode,
  ISO_DATE_PATTERN,
  IsActorId,
  IsAllowedOnlyWhen,
  IsConsentRefOrLegalBasis,
  IsDifferentFrom,
  IsExactlyOneOf,
  IsFalseWhen,
  IsIsoDate,
  IsListOf,
  IsNotBefore,
  IsOnlyItemWhenListed,
  IsPseudonymousRef,
  IsRequiredOnlyWhen,
  IsUtcTimestamp,
  UTC_TIMESTAMP_PATTERN,
  WHEN_PRESENT,
  containsPersonalIdentityCode,
  listItemClassOf,
} from './events/event-validators';
export { FUNDING_KINDS, FundingRef, type FundingKind } from './events/shared/funding-ref';
export { MEASURE_TYPES, type MeasureType } from './events/shared/measure-type';
export {
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  CONSENTABLE_DATA_CLASSES,
  type ConsentableDataClass,
  type ConsentMethod,
  type ConsentPurpose,
} from './events/shared/consent';
export {
  DESTINATION_CATEGORIES,
  DESTINATION_CATEGORIES_BY_GROUP,
  DESTINATION_GROUPS,
  DESTINATION_SUB_TYPES,
  DESTINATION_SUB_TYPES_BY_CATEGORY,
  ExitDestination,
  IsCategoryOfGroup,
  IsDestinationOtherThan,
  IsSubTypeOfCategory,
  STUDY_KINDS,
  SUPPORTED_EMPLOYMENT_KINDS,
  type DestinationCategory,
  type DestinationGroup,
  type DestinationSubType,
  type StudyKind,
  type SupportedEmploymentKind,
} from './events/shared/exit-destination';
export {
  CLIENT_REFERRED_V1,
  ClientReferredPayload,
  REFERRAL_REASON_CATEGORIES,
  type ReferralReasonCategory,
} from './events/intake/client-referred.event';
export {
  REFERRAL_ACCEPTED_V1,
  ReferralAcceptedPayload,
} from './events/intake/referral-accepted.event';
export {
  REFERRAL_DECLINED_V1,
  REFERRAL_DECLINE_REASON_CATEGORIES,
  ReferralDeclinedPayload,
  type ReferralDeclineReasonCategory,
} from './events/intake/referral-declined.event';
export * from './commands';
export {
  CONSENT_GRANTED_V1,
  ConsentGrantedPayload,
  MAX_CONSENT_ORGANISATIONS,
} from './events/intake/consent-granted.event';
export {
  CONSENT_WITHDRAWN_V1,
  ConsentWithdrawnPayload,
} from './events/intake/consent-withdrawn.event';
export {
  PRIOR_INFORMATION_SHARED_V1,
  PriorInformationSharedPayload,
} from './events/intake/prior-information-shared.event';
export {
  CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1,
  ClientReturnedToIntermediateMarketPayload,
} from './events/intake/client-returned-to-intermediate-market.event';
export {
  BASIC_NEED_ISSUE_KINDS,
  BASIC_NEED_RESOLUTIONS,
  BASIC_NEED_STATUSES,
  BASICS_CHECKLIST_ITEMS,
  BasicsChecklist,
  CHECKLIST_ITEM_OF_BASIC_NEED_ISSUE_KIND,
  type BasicNeedIssueKind,
  type BasicNeedResolution,
  type BasicNeedStatus,
  type BasicsChecklistItem,
} from './events/intake/basic-needs';
export {
  AGE_BANDS,
  CLIENT_BENEFITS,
  CONCERN_LEVELS,
  ECONOMIC_SITUATIONS,
  EDUCATION_CURRENCIES,
  EDUCATION_LEVELS,
  HOUSING_SITUATIONS,
  INTAKE_COMPLETED_V1,
  IntakeCompletedPayload,
  LANGUAGE_AND_INTEGRATION_NEEDS,
  UNEMPLOYMENT_DURATION_BANDS,
  type AgeBand,
  type ClientBenefit,
  type ConcernLevel,
  type EconomicSituation,
  type EducationCurrency,
  type EducationLevel,
  type HousingSituation,
  type LanguageAndIntegrationNeed,
  type UnemploymentDurationBand,
} from './events/intake/intake-completed.event';
export {
  BASIC_NEED_ISSUE_FLAGGED_V1,
  BasicNeedIssueFlaggedPayload,
} from './events/intake/basic-need-issue-flagged.event';
export {
  BASIC_NEED_RESOLVED_V1,
  BasicNeedResolvedPayload,
} from './events/intake/basic-need-resolved.event';
export {
  PARALLEL_SERVICES,
  PARALLEL_SERVICE_REFERRED_V1,
  ParallelServiceReferredPayload,
  type ParallelService,
} from './events/intake/parallel-service-referred.event';
export { CLIENT_EXITED_V1, ClientExitedPayload } from './events/transitions/client-exited.event';
export {
  ESCALATION_LEVELS,
  NEXT_STEP_KINDS,
  OVERDUE_REPORTED_NEXT_STEP_KINDS,
  type EscalationLevel,
  type NextStepKind,
  type OverdueReportedNextStepKind,
} from './events/transitions/next-step';
export {
  NON_HANDOFF_DESTINATION_CATEGORIES,
  TRANSITION_PROPOSED_V1,
  TRANSITION_PROPOSERS,
  TRANSITION_RATIONALE_CATEGORIES,
  TransitionProposedPayload,
  type TransitionProposer,
  type TransitionRationaleCategory,
} from './events/transitions/transition-proposed.event';
export {
  TRANSITION_ACCEPTED_V1,
  TransitionAcceptedPayload,
} from './events/transitions/transition-accepted.event';
export {
  TRANSITION_ALTERNATIVE_CATEGORIES,
  TRANSITION_DECLINE_REASON_CATEGORIES,
  TRANSITION_DECLINED_V1,
  TransitionDeclinedPayload,
  type TransitionAlternativeCategory,
  type TransitionDeclineReasonCategory,
} from './events/transitions/transition-declined.event';
export {
  HANDOFF_COMPLETED_V1,
  HandoffCompletedPayload,
} from './events/transitions/handoff-completed.event';
export {
  OWNERSHIP_TRANSFER_REASONS,
  OWNERSHIP_TRANSFERRED_V1,
  OwnershipTransferredPayload,
  type OwnershipTransferReason,
} from './events/transitions/ownership-transferred.event';
export {
  HANDOFF_ESCALATED_V1,
  HandoffEscalatedPayload,
} from './events/transitions/handoff-escalated.event';
export {
  UNCLEAR_PATH_FLAGGED_V1,
  UnclearPathFlaggedPayload,
} from './events/transitions/unclear-path-flagged.event';
export {
  FOLLOW_UP_SCHEDULED_V1,
  FollowUpScheduledPayload,
  MAX_SCHEDULED_FOLLOW_UPS,
  ScheduledFollowUp,
} from './events/transitions/follow-up-scheduled.event';
export { FOLLOW_UP_DUE_V1, FollowUpDuePayload } from './events/transitions/follow-up-due.event';
export {
  FOLLOW_UP_COMPLETED_V1,
  FOLLOW_UP_CONTACT_MODES,
  FOLLOW_UP_HELP_KINDS,
  FOLLOW_UP_STATUSES,
  FollowUpCompletedPayload,
  type FollowUpContactMode,
  type FollowUpHelpKind,
  type FollowUpStatus,
} from './events/transitions/follow-up-completed.event';
export {
  FOLLOW_UP_ESCALATION_TARGETS,
  FOLLOW_UP_MISSED_V1,
  FollowUpMissedPayload,
  type FollowUpEscalationTarget,
} from './events/transitions/follow-up-missed.event';
export { PATH_CLOSED_V1, PathClosedPayload } from './events/transitions/path-closed.event';
export {
  DEFAULT_MEASURE_ENDING_REMINDER_DAYS,
  MEASURE_END_CHECKLIST_ITEMS,
  MEASURE_ENDING_SOON_V1,
  MeasureEndChecklistEntry,
  MeasureEndingSoonPayload,
  type MeasureEndChecklistItem,
} from './events/transitions/measure-ending-soon.event';
export {
  WAIT_THRESHOLD_BUSINESS_DAYS,
  WAITING_FOR_CATEGORIES,
  WAITING_STARTED_V1,
  WaitingStartedPayload,
  type WaitingForCategory,
} from './events/transitions/waiting-started.event';
export { WAIT_EXCEEDED_V1, WaitExceededPayload } from './events/transitions/wait-exceeded.event';
export { WAITING_ENDED_V1, WaitingEndedPayload } from './events/transitions/waiting-ended.event';
export {
  PROVIDER_FUNDING_ENDING_V1,
  ProviderFundingEndingPayload,
} from './events/transitions/provider-funding-ending.event';
export {
  RESPONSIBLE_WORKER_CHANGED_V1,
  ResponsibleWorkerChangedPayload,
  WORKER_CHANGE_REASON_CATEGORIES,
  type WorkerChangeReasonCategory,
} from './events/transitions/responsible-worker-changed.event';
export {
  NEXT_STEP_OVERDUE_V1,
  NextStepOverduePayload,
} from './events/transitions/next-step-overdue.event';
export {
  ACTIVATION_PLAN_AGREED_V1,
  ActivationPlanAgreedPayload,
  LINKED_PLAN_KINDS,
  LinkedPlan,
  MAX_LINKED_PLANS,
  MAX_PLAN_PARTIES,
  PLAN_PARTY_ROLES,
  PlanParty,
  type LinkedPlanKind,
  type PlanPartyRole,
} from './events/plans/activation-plan-agreed.event';
export {
  ACTIVATION_PLAN_REVISED_V1,
  ActivationPlanRevisedPayload,
  PLAN_PARTS,
  PLAN_REVISION_REASONS,
  type PlanPart,
  type PlanRevisionReason,
} from './events/plans/activation-plan-revised.event';
export { PLAN_REVIEW_DUE_V1, PlanReviewDuePayload } from './events/plans/plan-review-due.event';
export {
  PLAN_REVIEW_OVERDUE_V1,
  PlanReviewOverduePayload,
} from './events/plans/plan-review-overdue.event';
export {
  GOAL_SET_V1,
  GasScale,
  GoalSetPayload,
  MAX_GAS_LEVEL_TEXT_LENGTH,
  MAX_GOAL_TEXT_LENGTH,
} from './events/plans/goal-set.event';
export {
  GOAL_PROGRESS_ASSESSORS,
  GOAL_PROGRESS_RECORDED_V1,
  GoalProgressRecordedPayload,
  type GoalProgressAssessor,
} from './events/plans/goal-progress-recorded.event';
export {
  EMPLOYMENT_CONTRACT_TYPES,
  MEASURE_STARTED_V1,
  MeasurePlacement,
  MeasureSchedule,
  MeasureStartedPayload,
  PLACEMENT_KINDS,
  type EmploymentContractType,
  type PlacementKind,
} from './events/plans/measure-started.event';
export {
  ATTENDANCE_RECORDED_V1,
  ATTENDANCE_STATUSES,
  AttendanceRecordedPayload,
  type AttendanceStatus,
} from './events/plans/attendance-recorded.event';
export {
  ABSENCE_REASON_CATEGORIES,
  ABSENCE_REPORTED_V1,
  AbsenceReportedPayload,
  type AbsenceReasonCategory,
} from './events/plans/absence-reported.event';
export {
  MEASURE_PAUSE_REASON_CATEGORIES,
  MEASURE_PAUSED_V1,
  MeasurePausedPayload,
  type MeasurePauseReasonCategory,
} from './events/plans/measure-paused.event';
export { MEASURE_RESUMED_V1, MeasureResumedPayload } from './events/plans/measure-resumed.event';
export {
  MEASURE_END_REASONS,
  MEASURE_ENDED_V1,
  MeasureEndedPayload,
  type MeasureEndReason,
} from './events/plans/measure-ended.event';
export {
  STATEMENT_KINDS,
  STATEMENT_REQUESTED_V1,
  StatementRequestedPayload,
  type StatementKind,
} from './events/plans/statement-requested.event';
export { STATEMENT_ISSUED_V1, StatementIssuedPayload } from './events/plans/statement-issued.event';
