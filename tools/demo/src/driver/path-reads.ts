import type { Step } from '../story/steps';
import type { GatewayApi } from './gateway-api';
import type { PathRuntime, PlanView } from './path-runtime';
import { need } from './request';
import type { ReadBefore } from './requests';

/** A read that answered something else than 200: the caller decides whether to wait and retry. */
export class ReadRefused extends Error {
  constructor(
    readonly status: number,
    readonly what: string,
  ) {
    super(`${what} answered ${status}`);
  }
}

function etagOrRefuse(answer: { status: number; etag?: string }, what: string): string {
  if (answer.status !== 200 || answer.etag === undefined) {
    throw new ReadRefused(answer.status, what);
  }
  return answer.etag;
}

/**
 * Reads what `step` needs from the path as `as`, into `path`: the version to send as If-Match,
 * and the plan, the follow-ups or the open action item.
 */
export async function readBeforeStep(
  api: GatewayApi,
  read: ReadBefore,
  step: Step,
  path: PathRuntime,
  as: string,
): Promise<void> {
  const route = `/paths/${need(path.pathId, 'pathId')}`;
  switch (read) {
    case 'referral': {
      const answer = await api.call('GET', `${route}/referrals?limit=100`, as);
      const referral = (answer.body?.items ?? []).find(
        (item: { referralId: string }) => item.referralId === path.referralId,
      ) as { version: number } | undefined;
      if (answer.status !== 200 || referral === undefined) {
        throw new ReadRefused(answer.status, 'the referral');
      }
      path.ifMatch = `"${referral.version}"`;
      return;
    }
    case 'path': {
      const answer = await api.call('GET', route, as);
      path.ifMatch = etagOrRefuse(answer, 'the path');
      const followUps = (answer.body.followUps ?? []) as { followUpId: string; dueDate: string }[];
      path.followUps = [...followUps].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
      if (step.kind === 'acceptHandoff' || step.kind === 'declineHandoff') {
        path.handoffId = answer.body.pendingHandoff?.handoffId ?? path.handoffId;
      }
      return;
    }
    case 'plan': {
      const answer = await api.call('GET', `${route}/activation-plan`, as);
      path.ifMatch = etagOrRefuse(answer, 'the plan');
      path.plan = answer.body as PlanView;
      return;
    }
    case 'action-item': {
      const answer = await api.call('GET', `${route}/intake`, as);
      if (answer.status !== 200) {
        throw new ReadRefused(answer.status, 'the intake');
      }
      const open = (
        (answer.body.actionItems ?? []) as {
          actionItemId: string;
          status: string;
          version: number;
        }[]
      ).find((item) => item.status === 'OPEN');
      path.actionItemId = open?.actionItemId;
      path.ifMatch = open === undefined ? undefined : `"${open.version}"`;
      return;
    }
  }
}

/** The measure's current version, after a 412 on a change of it. */
export async function rereadMeasure(api: GatewayApi, path: PathRuntime, as: string): Promise<void> {
  const answer = await api.call(
    'GET',
    `/paths/${need(path.pathId, 'pathId')}/measures?limit=100`,
    as,
  );
  const measure = (answer.body?.items ?? []).find(
    (item: { measureId: string }) => item.measureId === path.measureId,
  ) as { version: number } | undefined;
  if (answer.status !== 200 || measure === undefined) {
    throw new ReadRefused(answer.status, 'the measure');
  }
  path.measureEtag = `"${measure.version}"`;
}

/** The meeting's current version, after a 412 on its record. */
export async function rereadMeeting(api: GatewayApi, path: PathRuntime, as: string): Promise<void> {
  const answer = await api.call(
    'GET',
    `/paths/${need(path.pathId, 'pathId')}/meetings/${need(path.meetingId, 'a meeting')}`,
    as,
  );
  path.meetingEtag = etagOrRefuse(answer, 'the meeting');
}
