export { startLauncher, type LauncherProcess } from './launcher-process';
export {
  createTestRequester,
  startServiceUnderTest,
  type ServiceUnderTest,
} from './service-under-test';
export { isolatedTestEnv, testGatewayConfig, testServiceConfig } from './test-run';
export { testDatabasePrefixOfRun } from './test-run-prefix';
export { expectServiceStartsOnAFreshDatabase } from './service-health-expectations';
export {
  EVENT_SAMPLES,
  IDS,
  LAWS,
  newEvent,
  sampleEvent,
  samplePayload,
  type EventOverrides,
  type EventSample,
} from '@polku/contracts/testing';
export { newOutboxEvent, type OutboxEventOverrides } from './outbox-event';
export { waitFor } from './wait-for';
export { outboxEvents, type WrittenEvent } from './outbox-events';
export {
  connectServiceCommandClient,
  type ConsistentReply,
  type ServiceCommandClient,
} from './service-command-client';
export { developmentTokenSigner } from './internal-token';
export { provisionTestBus, testNatsConfigFile, testNatsSeed, testToolsLink } from './test-bus';
export { eventSubjectsOfModule } from './event-subjects-of-module';
export { ownerOfSubject, publishEventAsOwner } from './publish-event-as-owner';
export { publishSealed, shuffled, type SealedEvent } from './sealed-events';
export { rebuildByReplay, type ReplayedProjection } from './rebuild-by-replay';
export {
  OpenApiSampleError,
  SAMPLE_UUID,
  sampleFromSchema,
  type OpenApiSampleOptions,
  type OpenApiSchema,
} from './openapi-sample';
export { schemaViolations } from './openapi-conformance';
