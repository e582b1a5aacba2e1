import { setTimeout as sleep } from 'node:timers/promises';
import type { Step } from '../story/steps';
import { absorb } from './absorb';
import type { Answer, GatewayApi } from './gateway-api';
import { ReadRefused, readBeforeStep, rereadMeasure, rereadMeeting } from './path-reads';
import type { PathRuntime, StepContext } from './path-runtime';
import { readBefore, requestOf } from './requests';
import { workerOf } from './workers';

/** How a step ended. */
export type StepOutcome =
  | { readonly kind: 'done'; readonly status: number }
  | { readonly kind: 'skipped' }
  /** Not run: an earlier step of the client's story failed. */
  | { readonly kind: 'abandoned' }
  | { readonly kind: 'failed'; readonly status: number; readonly detail: string };

/**
 * How long a step may wait for the system to catch up with another worker's write: the gateway's
 * and the services' projections learn of it from events (docs/adr/0015-read-your-own-writes.md
 * covers only the writer's own next request), and a timer due at the clock's jump fires within
 * its poll interval.
 */
const CATCH_UP_MS = 30_000;

/** Answers that mean "not yet" while another organisation's write or a timer is on its way. */
function isCatchingUp(status: number): boolean {
  return status === 403 || status === 404 || status === 409 || status === 412;
}

function describe(answer: Answer): string {
  const body = answer.body ?? {};
  const errors = Array.isArray(body.errors) ? ` ${JSON.stringify(body.errors)}` : '';
  const state = body.pathState === undefined ? '' : ` (path ${body.pathState})`;
  return `${answer.status} ${body.type ?? ''} ${body.detail ?? body.title ?? ''}${state}${errors}`.trim();
}

/**
 * Runs one step of a client's story as the caseworker of its organisation: reads what the
 * command needs, sends it, keeps what the answer says. Waits and tries again while the answer
 * means the system has not caught up yet (a new read each time), at most CATCH_UP_MS.
 */
export async function runStep(
  api: GatewayApi,
  step: Step,
  ctx: StepContext,
  path: PathRuntime,
): Promise<StepOutcome> {
  const as = workerOf(step.org, ctx.client);
  const read = readBefore(step);
  const deadline = performance.now() + CATCH_UP_MS;
  let last = 'nothing answered';
  let lastStatus = 0;
  for (let attempt = 0; ; attempt += 1) {
    if (attempt > 0) {
      if (performance.now() > deadline) {
        return { kind: 'failed', status: lastStatus, detail: last };
      }
      await sleep(Math.min(50 * 2 ** attempt, 1_000));
    }
    try {
      if (read !== undefined) {
        await readBeforeStep(api, read, step, path, as);
      }
    } catch (error) {
      if (error instanceof ReadRefused && isCatchingUp(error.status)) {
        last = error.message;
        lastStatus = error.status;
        continue;
      }
      throw error;
    }
    const request = requestOf(step, ctx, path);
    if (request === undefined) {
      return { kind: 'skipped' };
    }
    const answer = await api.call(request.method, request.path, as, {
      body: request.body,
      ifMatch: request.ifMatch,
    });
    if (answer.status >= 200 && answer.status < 300) {
      absorb(step, request, answer, path);
      return { kind: 'done', status: answer.status };
    }
    last = `${request.method} ${request.path}: ${describe(answer)}`;
    lastStatus = answer.status;
    if (!isCatchingUp(answer.status)) {
      return { kind: 'failed', status: answer.status, detail: last };
    }
    if (answer.status === 412 && step.kind.endsWith('Measure') && step.kind !== 'startMeasure') {
      await rereadMeasure(api, path, as).catch(() => undefined);
    }
    if (answer.status === 412 && step.kind === 'recordMeeting') {
      await rereadMeeting(api, path, as).catch(() => undefined);
    }
  }
}
