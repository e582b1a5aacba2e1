import type { ApiCall } from '../support/gateway-client';
import {
  agreementFailures,
  deadLetterBaseline,
  deadLetterFailures,
  openPathFailures,
} from './path-checks';
import { waitForQuiet } from './quiet';
import {
  parkedBaseline,
  parkedEventFailures,
  workQueueAgreementFailures,
  workQueueGatewayFailures,
} from './work-queue-checks';
import { RunModel, type CallOutcome } from './run-model';
import type { ServiceDatabases } from './service-databases';
import { describeStep, type Step } from './steps';
import { pathModelDriver } from './system-driver';

/**
 * Retry delays for the run's services: short, so that a failing event has used up its
 * EVENT_MAX_ATTEMPTS (5) and become a dead letter within a second, and the quiet window can be
 * short too. The policy itself (doubling, capped) is the production one.
 */
export const MODEL_SYSTEM_ENV = {
  EVENT_RETRY_BASE_MS: '50',
  EVENT_RETRY_MAX_MS: '400',
  // The model sends hundreds of requests a minute as the same few caseworkers.
  RATE_LIMIT_PER_MINUTE: '100000',
} as const;

/** Quiet holds for longer than the longest retry delay, and is awaited for a bounded time. */
const QUIET = { settleMs: 1_000, timeoutMs: 60_000 };

export interface ModelSystem {
  readonly env: Readonly<Record<string, string>>;
  readonly databases: ServiceDatabases;
  readonly api: ApiCall;
}

/** Why a run failed: a 5xx answer or a check that did not hold after quiet. */
export class ModelRunFailure extends Error {}

let runSerial = 0;

/**
 * How often each kind of call got each answer, over every run of the process: printed with
 * PATH_MODEL_VERBOSE=1, to see whether the generated steps reach deep into the paths or are
 * mostly refused.
 */
export const answerCounts = new Map<string, number>();

function countAnswers(outcomes: readonly CallOutcome[]): void {
  for (const outcome of outcomes) {
    // The call without its path and item numbers: "POST /paths/…/measures/…/pause → 409".
    const call = outcome.call.replace(/\/[PRCMFWH]\d*(?=\/|$| )/g, '/…').replace(/ \(.*\)$/, '');
    const key = `${call} → ${outcome.status}`;
    answerCounts.set(key, (answerCounts.get(key) ?? 0) + 1);
  }
}

/**
 * One run: the steps in order against the system, then quiet, then the checks. Throws
 * ModelRunFailure naming every 5xx and every failed check, with the steps and each call's
 * answer, so that a counterexample reads as what happened.
 */
export async function runModel(
  system: ModelSystem,
  steps: readonly Step[],
  options: {
    readonly freshClients?: boolean;
    /** Leave out the read-your-own-writes check (by hand, to look past it). */
    readonly ownWritesUnchecked?: boolean;
  } = {},
): Promise<void> {
  runSerial += 1;
  const model = new RunModel(`Malli${runSerial}x`, options.freshClients ?? false);
  const driver = pathModelDriver(system.api);
  const baseline = await deadLetterBaseline(system.databases);
  const parked = await parkedBaseline(system.databases);
  for (const [number, step] of steps.entries()) {
    await driver.run(model, step, number);
  }
  countAnswers(model.outcomes);
  await waitForQuiet(system.env, system.databases, QUIET);

  const pathIds = model.paths.map((path) => path.pathId);
  const failures = [
    ...model.outcomes
      .filter((outcome) => outcome.status >= 500)
      .map(
        (outcome) =>
          `step ${outcome.step}: ${outcome.call} as ${outcome.as} answered ${outcome.status}`,
      ),
    ...(options.ownWritesUnchecked ? [] : model.violations),
    ...(await deadLetterFailures(system.databases, baseline)),
    ...(await agreementFailures(system.databases, pathIds)),
    ...(await openPathFailures(system.databases, system.api, pathIds)),
    ...(await parkedEventFailures(system.databases, parked, pathIds)),
    ...(await workQueueAgreementFailures(system.databases, pathIds)),
    ...(await workQueueGatewayFailures(system.databases, system.api, pathIds)),
  ];
  if (failures.length > 0) {
    throw new ModelRunFailure(
      [
        `${failures.length} failure(s):`,
        ...failures.map((failure) => `  - ${failure}`),
        'steps:',
        ...steps.map((step, number) => `  ${number}. ${describeStep(step)}`),
        'calls:',
        ...model.outcomes.map(formatOutcome),
      ].join('\n'),
    );
  }
}

function formatOutcome(outcome: CallOutcome): string {
  return `  ${outcome.step}. ${outcome.call} as ${outcome.as} → ${outcome.status}${
    outcome.problem ? ` ${outcome.problem}` : ''
  }`;
}
