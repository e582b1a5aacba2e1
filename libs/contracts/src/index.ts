export {
  BACKEND_SERVICE_NAMES,
  CONTEXT_OF_SERVICE,
  SERVICE_NAMES,
  type BackendServiceName,
  type ServiceName,
} from './services';
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
export {
  EventField,
  eventFieldsOf,
  type EventFieldDefinition,
} from './events/event-field.decorator';
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
  HasNoPersonalIdentityCode,
  ISO_DATE_PATTERN,
  IsConsentRefOrLegalBasis,
  IsIsoDate,
  IsPseudonymousRef,
  IsUtcTimestamp,
  UTC_TIMESTAMP_PATTERN,
  containsPersonalIdentityCode,
} from './events/event-validators';
export { FUNDING_KINDS, FundingRef, type FundingKind } from './events/shared/funding-ref';
export { MEASURE_TYPES, type MeasureType } from './events/shared/measure-type';
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
