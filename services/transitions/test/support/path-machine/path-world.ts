import { addCalendarDays, type IsoDate } from '@polku/timers';
import { lostReasons } from '../../../src/path/lost-paths';
import { decide } from '../../../src/path/path-machine';
import { isRefused } from '../../../src/path/path-decision';
import type { PathEffect } from '../../../src/path/path-effects';
import type { PathInput } from '../../../src/path/path-inputs';
import type { PathPolicy } from '../../../src/path/path-policy';
import { isFinal, type PathState } from '../../../src/path/path-state';
import { inputFromTimer, LADDER_TIMER_KINDS } from '../../../src/path/path-timers';
import { SimulatedTimerTable } from './simulated-timer-table';
import { Dice, referral, validInputs } from './valid-inputs';

// Several paths, one clock and one timer table, driven step by step by the property tests. Every
// decision is checked against the acceptance criteria of docs/domain.md §4 as it happens.

export type WorldStep =
  | { readonly kind: 'act'; readonly path: number; readonly seed: number }
  | { readonly kind: 'open'; readonly seed: number }
  | { readonly kind: 'jump'; readonly days: number };

const MAX_PATHS = 4;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) {
      deepFreeze(inner);
    }
  }
  return value;
}

function fail(message: string, context: unknown): never {
  throw new Error(`${message}\n${JSON.stringify(context, null, 1)}`);
}

export class PathWorld {
  readonly paths = new Map<string, PathState>();
  readonly logs = new Map<string, PathInput[]>();
  readonly timers = new SimulatedTimerTable();
  private counter = 0;
  timersFired = 0;
  decisions = 0;
  /** Every state some path was in after some decision of this run. */
  readonly visited = new Set<string>();

  constructor(
    private readonly policy: PathPolicy,
    public today: IsoDate,
    /** Called after every decision, for properties that probe the path as it goes. */
    private readonly probe?: (state: PathState, today: IsoDate) => void,
  ) {}

  readonly ids = { next: (prefix: string) => `${prefix}-${++this.counter}` };

  open(seed: number, pathId = this.ids.next('path')): void {
    this.apply(pathId, referral(pathId, this.today, new Dice(seed)));
  }

  step(step: WorldStep): void {
    switch (step.kind) {
      case 'open':
        if (this.paths.size < MAX_PATHS) {
          this.open(step.seed);
        }
        return;
      case 'jump':
        this.jump(step.days);
        return;
      case 'act':
        this.act(step.path, step.seed);
        return;
    }
  }

  private act(pathIndex: number, seed: number): void {
    const ids = [...this.paths.keys()];
    const pathId = ids[pathIndex % ids.length];
    const state = this.paths.get(pathId);
    if (state === undefined) {
      return;
    }
    const dice = new Dice(seed);
    const candidates = validInputs(state, this.today, dice, this.ids);
    if (candidates.length === 0) {
      return;
    }
    const input = candidates[dice.int(candidates.length)]();
    this.apply(pathId, input);
    if (input.type === 'returnedAsNewPath' && this.paths.size < MAX_PATHS + 2) {
      this.open(seed, input.newPathId);
    }
  }

  /** Moves the clock on, firing every due timer in due order, each on its own day. */
  private jump(days: number): void {
    const target = addCalendarDays(this.today, days);
    for (
      let row = this.timers.nextDue(target);
      row !== undefined;
      row = this.timers.nextDue(target)
    ) {
      const fired = this.timers.fire(row.key);
      const at = fired.dueDate > this.today ? fired.dueDate : this.today;
      this.today = at;
      const { pathId, input } = inputFromTimer(fired, at);
      const state = this.paths.get(pathId);
      if (state === undefined) {
        fail('a timer of an unknown path', fired);
      }
      if (state.state === 'PAUSED' && !LADDER_TIMER_KINDS.includes(fired.kind)) {
        fail('a timer fired while the measure was paused', { fired, state });
      }
      this.timersFired += 1;
      // A timer that outlived its subject throws inside decide(): a leftover fails the run.
      this.apply(pathId, input);
    }
    this.today = target;
  }

  private apply(pathId: string, input: PathInput): void {
    const before = this.paths.get(pathId);
    if (before !== undefined) {
      deepFreeze(before);
    }
    const decision = decide(before, input, this.policy);
    this.decisions += 1;
    if (isRefused(decision)) {
      fail(`a valid ${input.type} was refused: ${decision.refused.message}`, { input, before });
    }
    const after = decision.state;
    checkDecision(before, input, after, decision.effects);
    this.timers.apply(decision.effects);
    const mismatch = this.timers.mismatchWith(pathId, after.timers);
    if (mismatch !== null) {
      fail(mismatch, { input, after });
    }
    this.paths.set(pathId, after);
    this.visited.add(after.state);
    this.probe?.(after, this.today);
    this.logs.set(pathId, [...(this.logs.get(pathId) ?? []), input]);
  }

  /** Paths that count as lost today. */
  lostPaths(): { pathId: string; reasons: string[] }[] {
    return [...this.paths.entries()]
      .map(([pathId, state]) => ({ pathId, reasons: lostReasons(state) }))
      .filter((lost) => lost.reasons.length > 0);
  }

  /** Replays each path's inputs from nothing; a projection rebuilt from the stream must agree. */
  replayMismatch(): string | null {
    for (const [pathId, inputs] of this.logs) {
      let state: PathState | undefined;
      for (const input of inputs) {
        const decision = decide(state, input, this.policy);
        if (isRefused(decision)) {
          return `replay of ${pathId} refused ${input.type}`;
        }
        state = decision.state;
      }
      if (JSON.stringify(state) !== JSON.stringify(this.paths.get(pathId))) {
        return `replay of ${pathId} gave another state`;
      }
    }
    return null;
  }
}

/** The acceptance criteria, checked on one decision. */
function checkDecision(
  before: PathState | undefined,
  input: PathInput,
  after: PathState,
  effects: readonly PathEffect[],
): void {
  const context = { input, before, after };
  if (!isFinal(after.state)) {
    if (!after.accountable?.orgId || !after.accountable.workerId || after.nextStep === null) {
      fail('a path was left without an owner, a worker or a next step', context);
    }
  }
  if (after.state === 'CLOSED' && before?.state !== 'CLOSED') {
    if (input.type !== 'pathClosed' || before?.exit?.confirmed !== true) {
      fail('a path closed without pathClosed and a confirmed destination', context);
    }
  }
  if (before?.state === 'UNCLEAR_PATH' && after.state === 'CLOSED') {
    fail('an unclear path was closed', context);
  }
  if (
    after.state === 'REENTERED' &&
    before?.state !== 'REENTERED' &&
    input.type !== 'returnedAsNewPath'
  ) {
    fail('a path was continued without a return', context);
  }
  if (input.type === 'exited') {
    const followedUp =
      after.state === 'FOLLOW_UP' &&
      after.followUps.some((f) => f.status === 'SCHEDULED') &&
      effects.some((e) => e.type === 'scheduleTimer' && e.timer.kind === 'follow-up-due');
    const underReview =
      after.state === 'UNCLEAR_PATH' &&
      after.nextStep?.kind === 'REVIEW_UNCLEAR_PATH' &&
      after.accountable !== null;
    if (!followedUp && !underReview) {
      fail('an exit without follow-ups or a review of the unclear path', context);
    }
  }
  // While paused only the RESUME_MEASURE step's own ladder runs (hole a of issue 18).
  const running = after.timers.filter((t) => t.suspendedOn === null);
  if (after.state === 'PAUSED' && running.some((t) => !LADDER_TIMER_KINDS.includes(t.kind))) {
    fail('a timer runs while the measure is paused', context);
  }
  if (
    after.state === 'PAUSED' &&
    after.nextStep?.level !== 'MANAGER' &&
    !running.some((t) => LADDER_TIMER_KINDS.includes(t.kind))
  ) {
    fail('a paused path whose RESUME_MEASURE step cannot escalate', context);
  }
}
