import type { IsoDate } from '@polku/timers';
import type { GatewayApi } from '../driver/gateway-api';
import type { PathRuntime } from '../driver/path-runtime';
import { runStep, type StepOutcome } from '../driver/step-runner';
import { workerOf } from '../driver/workers';
import type { DemoClient } from '../story/client-story';
import type { Step } from '../story/steps';

/** A step's outcome as the summary counts it. */
export interface StepRecord {
  readonly client: number;
  readonly persona: string;
  readonly step: Step;
  readonly outcome: StepOutcome;
  readonly pathId: string | undefined;
  /** The demo user who did (or would have done) the step. */
  readonly actor: string;
}

/** One client while the generator runs: its story, its dated steps, how far it has come. */
export class ClientRun {
  readonly path: PathRuntime = {};
  next = 0;
  aborted = false;

  constructor(
    readonly client: DemoClient,
    /** The day each step runs on, in story order; steps after the horizon are left out. */
    readonly dates: readonly IsoDate[],
  ) {}

  get steps(): readonly Step[] {
    return this.client.story.steps.slice(0, this.dates.length);
  }

  /**
   * Runs the client's steps due on or before `day`, one after another. After a failed step the
   * rest of the story is left out: it builds on what failed. Returns what each step did.
   */
  async runUntil(
    api: GatewayApi,
    day: IsoDate,
    context: { readonly now: () => Date; readonly realTime: boolean },
    record: (entry: StepRecord) => void,
  ): Promise<void> {
    while (this.next < this.dates.length && this.dates[this.next] <= day) {
      const step = this.client.story.steps[this.next];
      this.next += 1;
      if (this.aborted) {
        record(this.entry(step, { kind: 'abandoned' }));
        continue;
      }
      const ctx = {
        on: this.dates[this.next - 1],
        now: context.now(),
        realTime: context.realTime,
        person: this.client.person,
        client: this.client.index,
      };
      const outcome = await runStep(api, step, ctx, this.path).catch(
        (error: unknown): StepOutcome => ({
          kind: 'failed',
          status: 0,
          detail: error instanceof Error ? error.message : String(error),
        }),
      );
      this.aborted = outcome.kind === 'failed';
      record(this.entry(step, outcome));
    }
  }

  private entry(step: Step, outcome: StepOutcome): StepRecord {
    return {
      client: this.client.index,
      persona: this.client.persona.key,
      step,
      outcome,
      pathId: this.path.pathId,
      actor: workerOf(step.org, this.client.index),
    };
  }
}
