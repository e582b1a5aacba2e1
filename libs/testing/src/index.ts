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
  newAbsenceReportedEvent,
  newActivationPlanAgreedEvent,
  newActivationPlanRevisedEvent,
  newAttendanceRecordedEvent,
  newBasicNeedIssueFlaggedEvent,
  newBasicNeedResolvedEvent,
  newClientExitedEvent,
  newClientReferredEvent,
  newClientReturnedToIntermediateMarketEvent,
  newConsentGrantedEvent,
  newConsentWithdrawnEvent,
  newGoalProgressRecordedEvent,
  newGoalSetEvent,
  newIntakeCompletedEvent,
  newMeasureEndedEvent,
  newMeasurePausedEvent,
  newMeasureResumedEvent,
  newMeasureStartedEvent,
  newParallelServiceReferredEvent,
  newPlanReviewDueEvent,
  newPlanReviewOverdueEvent,
  newPriorInformationSharedEvent,
  newStatementIssuedEvent,
  newStatementRequestedEvent,
  newTransitionProposedEvent,
  newTransitionAcceptedEvent,
  newTransitionDeclinedEvent,
  newHandoffCompletedEvent,
  newOwnershipTransferredEvent,
  newHandoffEscalatedEvent,
  newUnclearPathFlaggedEvent,
  newFollowUpScheduledEvent,
  newFollowUpDueEvent,
  newFollowUpCompletedEvent,
  newFollowUpMissedEvent,
  newPathClosedEvent,
  newMeasureEndingSoonEvent,
  newWaitingStartedEvent,
  newWaitExceededEvent,
  newWaitingEndedEvent,
  newProviderFundingEndingEvent,
  newResponsibleWorkerChangedEvent,
  newNextStepOverdueEvent,
} from './event-factories';
export { waitFor } from './wait-for';
export { outboxEvents, type WrittenEvent } from './outbox-events';
export { connectServiceCommandClient, type ServiceCommandClient } from './service-command-client';
