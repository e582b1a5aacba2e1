import { addCalendarDays, type IsoDate } from '@polku/timers';
import { decide } from '../../../src/path/path-machine';
import { isRefused } from '../../../src/path/path-decision';
import type { PathEvent } from '../../../src/path/path-effects';
import { PATH_INPUT_ORIGINS, type PathInput } from '../../../src/path/path-inputs';
import { pathInvariantViolations } from '../../../src/path/path-invariants';
import type { PathPolicy } from '../../../src/path/path-policy';
import type { PathState } from '../../../src/path/path-state';
import { inputFromTimer } from '../../../src/path/path-timers';
import { SimulatedTimerTable } from './simulated-timer-table';
import { UpstreamModel } from './upstream-model';
import { Dice, validInputs } from './valid-inputs';

// One path as transitions sees it while client-intake and activation-plans (UpstreamModel)
// accept commands and their events reach transitions late and out of order: one queue per
// subject, in publish order, but an event the machine refuses as EARLY is redelivered later and
// can be overtaken by the ones behind it, as a JetStream durable with backoff does.

export type DeliveryStep =
  | { readonly kind: 'upstream'; readonly seed: number }
  | { readonly kind: 'command'; readonly seed: number }
  | { readonly kind: 'deliver'; readonly seed: number }
  | { readonly kind: 'retry'; readonly seed: number }
  | { readonly kind: 'learn' }
  | { readonly kind: 'jump'; readonly days: number };

function fail(message: string, context: unknown): never {
  throw new Error(`${message}\n${JSON.stringify(context, null, 1)}`);
}

export class DeliveryWorld {
  readonly pathId = 'path-1';
  readonly upstream = new UpstreamModel(this.pathId);
  state: PathState | undefined;
  private readonly queues = new Map<string, PathInput[]>();
  /** Events refused as early, waiting for their redelivery. */
  readonly retries: PathInput[] = [];
  private readonly timers = new SimulatedTimerTable();
  private counter = 0;
  readonly counts = { changed: 0, unchanged: 0, early: 0, commands: 0, refusedCommands: 0 };

  constructor(
    private readonly policy: PathPolicy,
    public today: IsoDate,
    seed: number,
  ) {
    // The referral that opens the path is delivered first: without a path nothing happens.
    this.consume(this.upstream.open(today, new Dice(seed)));
  }

  private readonly nextId = () => `${++this.counter}`;

  step(step: DeliveryStep): void {
    switch (step.kind) {
      case 'upstream': {
        const event = this.upstream.act(this.today, new Dice(step.seed), this.nextId);
        if (event !== null) {
          const queue = this.queues.get(event.type) ?? [];
          this.queues.set(event.type, [...queue, event]);
        }
        return;
      }
      case 'command':
        return this.command(step.seed);
      case 'deliver': {
        const subjects = [...this.queues.entries()].filter(([, queue]) => queue.length > 0);
        if (subjects.length > 0) {
          const [subject, queue] = subjects[new Dice(step.seed).int(subjects.length)];
          const [head, ...rest] = queue;
          this.queues.set(subject, rest);
          this.consume(head);
        }
        return;
      }
      case 'retry':
        if (this.retries.length > 0) {
          const [event] = this.retries.splice(new Dice(step.seed).int(this.retries.length), 1);
          this.consume(event);
        }
        return;
      case 'learn':
        return this.upstream.learn();
      case 'jump':
        return this.jump(step.days);
    }
  }

  /** Delivers everything: every queue, then the retries until none is left or none applies. */
  quiesce(): void {
    for (const [subject, queue] of this.queues) {
      this.queues.set(subject, []);
      queue.forEach((event) => this.consume(event));
    }
    while (this.retries.length > 0) {
      const pending = this.retries.splice(0);
      pending.forEach((event) => this.consume(event));
      if (this.retries.length === pending.length) {
        fail('events stay early with all their predecessors delivered', {
          early: this.retries,
          state: this.state,
        });
      }
    }
  }

  /** Another service's event reaches transitions' consumer. */
  private consume(event: PathInput): void {
    const before = this.state;
    const decision = decide(before, event, this.policy);
    if (isRefused(decision)) {
      if (decision.refused.code !== 'EARLY') {
        fail(`${event.type} was not absorbed: ${decision.refused.message}`, { event, before });
      }
      this.counts.early += 1;
      this.retries.push(event);
      return;
    }
    this.counts[decision.state === before ? 'unchanged' : 'changed'] += 1;
    this.accept(decision.state, decision.effects);
  }

  /** One of transitions' own commands a caseworker could send, seeing the path as it is now. */
  private command(seed: number): void {
    const state = this.state;
    if (state === undefined) {
      return;
    }
    const dice = new Dice(seed);
    const commands = validInputs(state, this.today, dice, { next: this.nextId }).filter(
      (candidate) => PATH_INPUT_ORIGINS[candidate().type] === 'COMMAND',
    );
    if (commands.length === 0) {
      return;
    }
    const input = commands[dice.int(commands.length)]();
    const decision = decide(state, input, this.policy);
    this.counts.commands += 1;
    if (isRefused(decision)) {
      this.counts.refusedCommands += 1;
      if (decision.refused.code === 'EARLY') {
        fail('a command was refused as early', { input, state });
      }
      return;
    }
    this.accept(decision.state, decision.effects);
  }

  private jump(days: number): void {
    const target = addCalendarDays(this.today, days);
    for (let row = this.timers.nextDue(target); row; row = this.timers.nextDue(target)) {
      const fired = this.timers.fire(row.key);
      this.today = fired.dueDate > this.today ? fired.dueDate : this.today;
      const { input } = inputFromTimer(fired, this.today);
      const decision = decide(this.state, input, this.policy);
      if (isRefused(decision)) {
        fail('a timer was refused', { input, state: this.state });
      }
      this.accept(decision.state, decision.effects);
    }
    this.today = target;
  }

  private accept(state: PathState, effects: Parameters<SimulatedTimerTable['apply']>[0]): void {
    const violations = pathInvariantViolations(state);
    if (violations.length > 0) {
      fail(`invariants broken: ${violations.join('; ')}`, { state });
    }
    this.timers.apply(effects);
    const mismatch = this.timers.mismatchWith(this.pathId, state.timers);
    if (mismatch !== null) {
      fail(mismatch, { state });
    }
    this.upstream.published(
      effects.flatMap((effect): PathEvent[] => (effect.type === 'emit' ? [effect.event] : [])),
    );
    this.state = state;
  }
}
