import {
  AcceptHandoffCommand,
  ClosePathCommand,
  CompleteFollowUpCommand,
  CompleteHandoffCommand,
  DeclineHandoffCommand,
  ExitPathCommand,
  ProposeHandoffCommand,
  ReviewUnclearPathCommand,
  StartWaitingCommand,
} from '@polku/contracts';
import { addCalendarDays } from '@polku/timers';
import type { StepOf } from '../story/steps';
import type { PathRuntime, StepContext } from './path-runtime';
import { need, type ApiRequest } from './request';
import { orgIdOf } from './workers';

type TransitionStep =
  | StepOf<'proposeHandoff'>
  | StepOf<'acceptHandoff'>
  | StepOf<'declineHandoff'>
  | StepOf<'completeHandoff'>
  | StepOf<'exit'>
  | StepOf<'completeFollowUp'>
  | StepOf<'closePath'>
  | StepOf<'reviewUnclearPath'>
  | StepOf<'startWait'>
  | StepOf<'endWait'>;

/** transitions' commands: all but the proposal and a new wait send the path's ETag. */
export function transitionRequest(
  step: TransitionStep,
  ctx: StepContext,
  path: PathRuntime,
): ApiRequest {
  const route = `/paths/${need(path.pathId, 'pathId')}`;
  const handoff = (): string => `${route}/hand-offs/${need(path.handoffId, 'a pending hand-off')}`;
  const ifMatch = (): string => need(path.ifMatch, 'the path’s version');
  switch (step.kind) {
    case 'proposeHandoff':
      return {
        method: 'POST',
        path: `${route}/hand-offs`,
        bodyClass: ProposeHandoffCommand,
        body: {
          destination: { ...step.destination },
          receivingOrgId: orgIdOf(step.toOrg),
          proposedDate: addCalendarDays(ctx.on, step.proposedInDays),
          rationaleCategory: step.rationale,
          proposedBy: 'WORKER',
        },
      };
    case 'acceptHandoff':
      return {
        method: 'POST',
        path: `${handoff()}/acceptance`,
        bodyClass: AcceptHandoffCommand,
        body: { startDate: addCalendarDays(ctx.on, step.startInDays) },
        ifMatch: ifMatch(),
      };
    case 'declineHandoff':
      return {
        method: 'POST',
        path: `${handoff()}/decline`,
        bodyClass: DeclineHandoffCommand,
        body: { reasonCategory: step.reason, alternativeCategory: step.alternative },
        ifMatch: ifMatch(),
      };
    case 'completeHandoff':
      return {
        method: 'POST',
        path: `${handoff()}/completion`,
        bodyClass: CompleteHandoffCommand,
        body: {},
        ifMatch: ifMatch(),
      };
    case 'exit':
      return {
        method: 'POST',
        path: `${route}/exit`,
        bodyClass: ExitPathCommand,
        body: { destination: { ...step.destination }, confirmed: step.confirmed, exitDate: ctx.on },
        ifMatch: ifMatch(),
      };
    case 'completeFollowUp': {
      const followUp = need(path.followUps?.[step.followUp], `follow-up ${step.followUp + 1}`);
      return {
        method: 'POST',
        path: `${route}/follow-ups/${followUp.followUpId}/completion`,
        bodyClass: CompleteFollowUpCommand,
        body: {
          statusNow: step.statusNow,
          ...(step.destination === undefined ? {} : { destination: { ...step.destination } }),
          contactMode: step.contactMode,
          helpGiven: [...step.helpGiven],
          confirmsDestination: step.confirms,
        },
        ifMatch: ifMatch(),
      };
    }
    case 'closePath':
      return {
        method: 'POST',
        path: `${route}/closure`,
        bodyClass: ClosePathCommand,
        body: {},
        ifMatch: ifMatch(),
      };
    case 'reviewUnclearPath':
      return {
        method: 'POST',
        path: `${route}/unclear-path-review`,
        bodyClass: ReviewUnclearPathCommand,
        body: {},
        ifMatch: ifMatch(),
      };
    case 'startWait':
      return {
        method: 'POST',
        path: `${route}/waits`,
        bodyClass: StartWaitingCommand,
        body: {
          waitingFor: step.waitingFor,
          ...(step.waitingForOrg === undefined
            ? {}
            : { waitingForOrgId: orgIdOf(step.waitingForOrg) }),
          thresholdBusinessDays: step.thresholdBusinessDays,
        },
      };
    case 'endWait':
      return {
        method: 'POST',
        path: `${route}/waits/${need(path.waitId, 'a wait')}/end`,
        ifMatch: ifMatch(),
      };
  }
}
