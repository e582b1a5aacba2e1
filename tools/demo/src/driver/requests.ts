import type { Step } from '../story/steps';
import {
  answerReferralRequest,
  intakeRequest,
  parallelServiceRequest,
  referRequest,
  resolveBasicNeedRequest,
} from './intake-requests';
import { recordMeetingRequest, scheduleMeetingRequest } from './meeting-requests';
import type { PathRuntime, StepContext } from './path-runtime';
import {
  agreePlanRequest,
  goalProgressRequest,
  measureChangeRequest,
  revisePlanRequest,
  startMeasureRequest,
} from './plan-requests';
import type { ApiRequest } from './request';
import { transitionRequest } from './transition-requests';

/**
 * What the driver reads just before a step, as the acting worker, to send its `If-Match` (and,
 * for a revision, the plan it resends): the referral's version, the path's ETag (with its
 * follow-ups), the plan, or the first open action item.
 */
export type ReadBefore = 'referral' | 'path' | 'plan' | 'action-item';

export function readBefore(step: Step): ReadBefore | undefined {
  switch (step.kind) {
    case 'acceptReferral':
    case 'declineReferral':
      return 'referral';
    case 'acceptHandoff':
    case 'declineHandoff':
    case 'completeHandoff':
    case 'exit':
    case 'completeFollowUp':
    case 'closePath':
    case 'reviewUnclearPath':
    case 'endWait':
      return 'path';
    case 'revisePlan':
    case 'recordGoalProgress':
      return 'plan';
    case 'resolveBasicNeed':
      return 'action-item';
    default:
      return undefined;
  }
}

/** The request of a step on the path as the driver knows it; undefined when there is none to make. */
export function requestOf(step: Step, ctx: StepContext, path: PathRuntime): ApiRequest | undefined {
  switch (step.kind) {
    case 'refer':
      return referRequest(step, ctx);
    case 'acceptReferral':
    case 'declineReferral':
      return answerReferralRequest(step, ctx, path);
    case 'completeIntake':
      return intakeRequest(step, ctx, path);
    case 'referParallelService':
      return parallelServiceRequest(step, path);
    case 'resolveBasicNeed':
      return path.actionItemId === undefined ? undefined : resolveBasicNeedRequest(step, path);
    case 'agreePlan':
      return agreePlanRequest(step, ctx, path);
    case 'revisePlan':
      return revisePlanRequest(step, ctx, path);
    case 'recordGoalProgress':
      return goalProgressRequest(step, path);
    case 'startMeasure':
      return startMeasureRequest(step, ctx, path);
    case 'pauseMeasure':
    case 'resumeMeasure':
    case 'endMeasure':
      return measureChangeRequest(step, ctx, path);
    case 'scheduleMeeting':
      return scheduleMeetingRequest(step, ctx, path);
    case 'recordMeeting':
      return recordMeetingRequest(step, path);
    default:
      return transitionRequest(step, ctx, path);
  }
}
