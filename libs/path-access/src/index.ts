// Who may see what of a path: the policy, the facts it decides on, the check every service
// calls, and the projection that keeps the facts (docs/auth.md).
export {
  decidePathAccess,
  describeBasis,
  envelopeBasisOf,
  PARTY_RELATIONS,
  type AccessBasis,
  type PartyRelation,
  type PathAccessDecision,
  type PathAccessFacts,
  type PathAccessRefusal,
  type PathCoverage,
  type PathParty,
} from './policy/path-access-policy';
export {
  ACCOUNTABLE_ORGANISATION_LEGAL_BASIS,
  ACTIVATION_PLAN_LEGAL_BASIS,
  pathAccessFactsFrom,
  STATUTORY_PLAN_PARTY_ROLES,
  type ConsentAccessSource,
  type OwnershipAccessSource,
  type PlanPartyAccessSource,
  type ReferralAccessSource,
} from './policy/path-access-sources';
export {
  meetingParticipantParties,
  type MeetingParticipantAccessSource,
} from './policy/meeting-participant-sources';
export { callerEnvelope, type PathEventEnvelope } from './policy/caller-envelope';
export {
  assertPathAccess,
  checkPathAccess,
  type PathAccessGrant,
  type PathAccessRequest,
} from './check/check-path-access';
export {
  PATH_ACCESS_EVENT_SUBJECTS,
  projectPathAccessEvents,
} from './projection/project-path-access-events';
export {
  pathAccessProjectionHandler,
  pathAccessSubscriptions,
  type PathAccessProjectionOptions,
} from './projection/path-access-projection';
export { recordPlanParties, type PlanPartiesChange } from './projection/plan-parties';
export {
  recordConsentWithdrawal,
  type ConsentWithdrawalFact,
} from './projection/consent-withdrawal';
export { readPathAccessFacts } from './projection/read-path-access-facts';
export {
  clientRefOfPath,
  recordPathClientRefs,
  type PathClientRef,
} from './projection/path-client-refs';
export { PathAccessSourceTables1764100000000 } from './migrations/1764100000000-path-access-source-tables';
export { PathAccessPlanParties1764100100000 } from './migrations/1764100100000-path-access-plan-parties';
export { PathAccessOwnership1764100200000 } from './migrations/1764100200000-path-access-ownership';
export { PathClientRefTable1764100300000 } from './migrations/1764100300000-path-client-ref-table';
export { PathAccessReferralLinks1764101100000 } from './migrations/1764101100000-path-access-referral-links';
export { PathAccessMeetings1764102700000 } from './migrations/1764102700000-path-access-meetings';
export { PathAccessConsentPurposes1764102800000 } from './migrations/1764102800000-path-access-consent-purposes';
export {
  findConsentInForce,
  type ConsentInForce,
  type ConsentInForceQuery,
} from './projection/consent-in-force';
