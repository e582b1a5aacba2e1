export { PathAccessSourceTables1764100000000 } from './migrations/1764100000000-path-access-source-tables';
export { PathAccessPlanParties1764100100000 } from './migrations/1764100100000-path-access-plan-parties';
export { PathAccessOwnership1764100200000 } from './migrations/1764100200000-path-access-ownership';
export { PATH_ACCESS_EVENT_SUBJECTS, projectPathAccessEvent } from './path-access-events';
export { recordPlanParties, type PlanPartiesChange } from './plan-parties';
export { readPathAccessFacts } from './read-path-access-facts';
export { PathClientRefTable1764100300000 } from './migrations/1764100300000-path-client-ref-table';
export { clientRefOfPath, recordPathClientRef } from './path-client-refs';
export { checkPathAccess, type PathAccessGrant } from './check-path-access';
