export { PathAccessSourceTables1764100000000 } from './migrations/1764100000000-path-access-source-tables';
export { PathAccessPlanParties1764100100000 } from './migrations/1764100100000-path-access-plan-parties';
export { PATH_ACCESS_EVENT_SUBJECTS, projectPathAccessEvent } from './path-access-events';
export { recordPlanParties, type PlanPartiesChange } from './plan-parties';
export { readPathAccessFacts } from './read-path-access-facts';
