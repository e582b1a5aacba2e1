// Synthetic event sets for the dashboards: the property test's input and the bench's load. No
// jest here, so the bench (tools/bench) can import it as @polku/testing/dashboards.
export {
  generateEventSet,
  syntheticClients,
  type ClientEvents,
  type EventSet,
  type EventSetOptions,
} from './event-set';
export type { SyntheticEvent } from './path-recorder';
export { Random } from './random';
export {
  syntheticManagerId,
  syntheticOrgId,
  syntheticOrgs,
  WORKERS_PER_ORG,
  type SyntheticOrg,
} from './synthetic-orgs';
