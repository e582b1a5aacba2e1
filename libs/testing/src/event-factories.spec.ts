import { EVENT_CONTRACTS, validateEvent, type EventSubject } from '@polku/contracts';
import type { NewEvent } from '@polku/messaging';
import {
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
  newFollowUpCompletedEvent,
  newFollowUpDueEvent,
  newFollowUpMissedEvent,
  newFollowUpScheduledEvent,
  newGoalProgressRecordedEvent,
  newGoalSetEvent,
  newHandoffCompletedEvent,
  newHandoffEscalatedEvent,
  newIntakeCompletedEvent,
  newMeasureEndedEvent,
  newMeasureEndingSoonEvent,
  newMeasurePausedEvent,
  newMeasureResumedEvent,
  newMeasureStartedEvent,
  newNextStepOverdueEvent,
  newOwnershipTransferredEvent,
  newParallelServiceReferredEvent,
  newPathClosedEvent,
  newPlanReviewDueEvent,
  newPlanReviewOverdueEvent,
  newPriorInformationSharedEvent,
  newProviderFundingEndingEvent,
  newResponsibleWorkerChangedEvent,
  newStatementIssuedEvent,
  newStatementRequestedEvent,
  newTransitionAcceptedEvent,
  newTransitionDeclinedEvent,
  newTransitionProposedEvent,
  newUnclearPathFlaggedEvent,
  newWaitExceededEvent,
  newWaitingEndedEvent,
  newWaitingStartedEvent,
} from './event-factories';

const FACTORIES: { readonly [S in EventSubject]?: () => NewEvent<object> } = {
  'polku.intake.referral.client-referred.v1': newClientReferredEvent,
  'polku.intake.consent.consent-granted.v1': newConsentGrantedEvent,
  'polku.intake.consent.consent-withdrawn.v1': newConsentWithdrawnEvent,
  'polku.intake.referral.prior-information-shared.v1': newPriorInformationSharedEvent,
  'polku.intake.path.client-returned-to-intermediate-market.v1':
    newClientReturnedToIntermediateMarketEvent,
  'polku.intake.intake.intake-completed.v1': newIntakeCompletedEvent,
  'polku.intake.basic-need.basic-need-issue-flagged.v1': newBasicNeedIssueFlaggedEvent,
  'polku.intake.basic-need.basic-need-resolved.v1': newBasicNeedResolvedEvent,
  'polku.intake.parallel-service.parallel-service-referred.v1': newParallelServiceReferredEvent,
  'polku.plans.plan.activation-plan-agreed.v1': newActivationPlanAgreedEvent,
  'polku.plans.plan.activation-plan-revised.v1': newActivationPlanRevisedEvent,
  'polku.plans.plan.plan-review-due.v1': newPlanReviewDueEvent,
  'polku.plans.plan.plan-review-overdue.v1': newPlanReviewOverdueEvent,
  'polku.plans.goal.goal-set.v1': newGoalSetEvent,
  'polku.plans.goal.goal-progress-recorded.v1': newGoalProgressRecordedEvent,
  'polku.plans.measure.measure-started.v1': newMeasureStartedEvent,
  'polku.plans.attendance.attendance-recorded.v1': newAttendanceRecordedEvent,
  'polku.plans.attendance.absence-reported.v1': newAbsenceReportedEvent,
  'polku.plans.measure.measure-paused.v1': newMeasurePausedEvent,
  'polku.plans.measure.measure-resumed.v1': newMeasureResumedEvent,
  'polku.plans.measure.measure-ended.v1': newMeasureEndedEvent,
  'polku.plans.statement.statement-requested.v1': newStatementRequestedEvent,
  'polku.plans.statement.statement-issued.v1': newStatementIssuedEvent,
  'polku.transitions.path.client-exited.v1': newClientExitedEvent,
  'polku.transitions.handoff.transition-proposed.v1': newTransitionProposedEvent,
  'polku.transitions.handoff.transition-accepted.v1': newTransitionAcceptedEvent,
  'polku.transitions.handoff.transition-declined.v1': newTransitionDeclinedEvent,
  'polku.transitions.handoff.handoff-completed.v1': newHandoffCompletedEvent,
  'polku.transitions.path.ownership-transferred.v1': newOwnershipTransferredEvent,
  'polku.transitions.handoff.handoff-escalated.v1': newHandoffEscalatedEvent,
  'polku.transitions.path.unclear-path-flagged.v1': newUnclearPathFlaggedEvent,
  'polku.transitions.follow-up.follow-up-scheduled.v1': newFollowUpScheduledEvent,
  'polku.transitions.follow-up.follow-up-due.v1': newFollowUpDueEvent,
  'polku.transitions.follow-up.follow-up-completed.v1': newFollowUpCompletedEvent,
  'polku.transitions.follow-up.follow-up-missed.v1': newFollowUpMissedEvent,
  'polku.transitions.path.path-closed.v1': newPathClosedEvent,
  'polku.transitions.measure.measure-ending-soon.v1': newMeasureEndingSoonEvent,
  'polku.transitions.wait.waiting-started.v1': newWaitingStartedEvent,
  'polku.transitions.wait.wait-exceeded.v1': newWaitExceededEvent,
  'polku.transitions.wait.waiting-ended.v1': newWaitingEndedEvent,
  'polku.transitions.path.provider-funding-ending.v1': newProviderFundingEndingEvent,
  'polku.transitions.path.responsible-worker-changed.v1': newResponsibleWorkerChangedEvent,
  'polku.transitions.path.next-step-overdue.v1': newNextStepOverdueEvent,
};

const WITH_FACTORY = Object.keys(FACTORIES) as EventSubject[];

// Every contract of transitions has a factory, so the service's tests never hand-build events.
const TRANSITIONS_SUBJECTS = EVENT_CONTRACTS.map((contract) => contract.subject).filter((subject) =>
  subject.startsWith('polku.transitions.'),
);

/** The envelope the outbox writer would put around a new event. */
function envelopeOf(subject: EventSubject, event: NewEvent<object>): Record<string, unknown> {
  const contract = EVENT_CONTRACTS.find((candidate) => candidate.subject === subject);
  return {
    ...event,
    id: '0195f3a2-7c1e-7d4b-9a6e-2f1c3b4d5e6f',
    type: contract?.type,
    version: contract?.version,
    occurredAt: '2026-11-30T08:15:00.000Z',
    correlationId: event.pathId,
    causationId: null,
    dataClass: contract?.dataClass,
  };
}

describe('event factories', () => {
  it.each(WITH_FACTORY)(
    'should give a valid event on %s when called without overrides',
    (subject) => {
      const factory = FACTORIES[subject] as () => NewEvent<object>;
      const result = validateEvent(subject, envelopeOf(subject, factory()));

      expect(result.ok ? [] : result.errors).toEqual([]);
    },
  );

  it('should have a factory for every transitions event when the registry is checked', () => {
    expect(TRANSITIONS_SUBJECTS.filter((subject) => FACTORIES[subject] === undefined)).toEqual([]);
  });

  it('should give a valid completed follow-up with a new destination when the status changed', () => {
    const subject = 'polku.transitions.follow-up.follow-up-completed.v1';
    const event = newFollowUpCompletedEvent({
      statusNow: 'CHANGED',
      destination: { group: 'OUTSIDE_LABOUR_MARKET', category: 'STUDIES' },
    });

    expect(validateEvent(subject, envelopeOf(subject, event)).ok).toBe(true);
  });

  it('should give each event its own path and ids when called twice', () => {
    const first = newConsentGrantedEvent();
    const second = newConsentGrantedEvent();

    expect(second.pathId).not.toBe(first.pathId);
    expect(second.data.consentId).not.toBe(first.data.consentId);
  });

  it('should apply the overrides to the payload when a test names them', () => {
    const event = newClientExitedEvent({
      destination: { group: 'OUTSIDE_LABOUR_MARKET', category: 'UNCLEAR_PATH' },
      confirmed: false,
    });

    expect(event.data).toMatchObject({
      destination: { group: 'OUTSIDE_LABOUR_MARKET', category: 'UNCLEAR_PATH' },
      confirmed: false,
    });
    const subject = 'polku.transitions.path.client-exited.v1';

    expect(validateEvent(subject, envelopeOf(subject, event)).ok).toBe(true);
  });
});
