export { startLauncher, type LauncherProcess } from './launcher-process';
export {
  createTestRequester,
  startServiceUnderTest,
  type ServiceUnderTest,
} from './service-under-test';
export { isolatedTestEnv, testGatewayConfig, testServiceConfig } from './test-run';
export { testDatabasePrefixOfRun } from './test-run-prefix';
export { expectServiceStartsOnAFreshDatabase } from './service-health-expectations';
export { newClientReferredEvent } from './event-factories';
export { waitFor } from './wait-for';
