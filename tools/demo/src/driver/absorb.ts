import type { Step } from '../story/steps';
import type { Answer } from './gateway-api';
import type { PathRuntime } from './path-runtime';
import type { ApiRequest } from './request';

/** What the driver keeps of a successful answer: the ids and versions later steps need. */
export function absorb(step: Step, request: ApiRequest, answer: Answer, path: PathRuntime): void {
  const body = answer.body ?? {};
  switch (step.kind) {
    case 'refer':
      if (body.pathId !== path.pathId) {
        // A new path (the first referral, or a return): nothing of the old one applies.
        for (const key of Object.keys(path) as (keyof PathRuntime)[]) {
          delete path[key];
        }
      }
      path.pathId = body.pathId;
      path.referralId = body.referralId;
      return;
    case 'startMeasure':
      path.measureId = body.measureId;
      path.measureEtag = answer.etag;
      return;
    case 'pauseMeasure':
    case 'resumeMeasure':
    case 'endMeasure':
      path.measureEtag = answer.etag;
      return;
    case 'scheduleMeeting': {
      const sent = request.body as {
        startsAt: string;
        endsAt: string;
        invitees: { orgId: string; roles: string[] }[];
      };
      path.meetingId = body.meetingId;
      path.meetingEtag = answer.etag;
      path.meeting = { startsAt: sent.startsAt, endsAt: sent.endsAt, participants: sent.invitees };
      return;
    }
    case 'recordMeeting':
      path.meeting = undefined;
      path.meetingId = undefined;
      return;
    case 'startWait': {
      const waits = (body.waits ?? []) as { waitId: string }[];
      path.waitId = waits[waits.length - 1]?.waitId;
      return;
    }
    case 'endWait':
      path.waitId = undefined;
      return;
    case 'proposeHandoff':
      path.handoffId = body.pendingHandoff?.handoffId;
      return;
    case 'declineHandoff':
    case 'completeHandoff':
      path.handoffId = undefined;
      return;
    default:
      return;
  }
}
