import { addCalendarDays, calendarDaysBetween, type IsoDate } from '@polku/timers';
import { PathInvariantError } from './path-invariants';
import type { PathEffect, PathEvent } from './path-effects';
import type { PathPolicy } from './path-policy';
import type { PathState, PathTimer } from './path-state';
import { timerToSchedule, type TimerSpec } from './path-timers';

/**
 * The decision being made: the next state and its effects, changed together so that the path's
 * list of live timers always matches the timer effects it asked for.
 */
export class DecisionDraft {
  private next: PathState;
  private readonly effectList: PathEffect[] = [];

  constructor(
    start: PathState,
    readonly at: IsoDate,
    readonly policy: PathPolicy,
  ) {
    this.next = start;
  }

  get state(): PathState {
    return this.next;
  }

  get pathId(): string {
    return this.next.pathId;
  }

  get effects(): readonly PathEffect[] {
    return this.effectList;
  }

  /** A bug in this module, never a caseworker's mistake: throw, do not refuse. */
  bug(message: string): never {
    throw new PathInvariantError(this.pathId, [message]);
  }

  update(patch: Partial<PathState>): void {
    this.next = { ...this.next, ...patch };
  }

  emit(event: PathEvent): void {
    this.effectList.push({ type: 'emit', event });
  }

  /** Schedules (or moves) the timer; a timer scheduled on a paused path is suspended later. */
  schedule(spec: TimerSpec, dueDate: IsoDate): void {
    const timer = timerToSchedule(this.pathId, spec, dueDate);
    const live: PathTimer = { ...timer, suspendedOn: null };
    this.next = {
      ...this.next,
      timers: [...this.next.timers.filter((t) => t.key !== timer.key), live],
    };
    this.effectList.push({ type: 'scheduleTimer', timer });
  }

  /** Cancels every live timer that matches. */
  cancelWhere(matches: (timer: PathTimer) => boolean): void {
    const cancelled = this.next.timers.filter(matches);
    if (cancelled.length === 0) {
      return;
    }
    this.next = { ...this.next, timers: this.next.timers.filter((timer) => !matches(timer)) };
    for (const timer of cancelled) {
      this.effectList.push({ type: 'cancelTimer', key: timer.key });
    }
  }

  cancelAll(): void {
    this.cancelWhere(() => true);
  }

  /** The timer fired: the timer table marks it FIRED itself, so no effect. */
  fired(key: string): void {
    this.next = { ...this.next, timers: this.next.timers.filter((timer) => timer.key !== key) };
  }

  /** Suspends every running timer that matches. */
  suspendWhere(matches: (timer: PathTimer) => boolean): void {
    const suspends = (timer: PathTimer) => timer.suspendedOn === null && matches(timer);
    const running = this.next.timers.filter(suspends);
    if (running.length === 0) {
      return;
    }
    this.next = {
      ...this.next,
      timers: this.next.timers.map((timer) =>
        suspends(timer) ? { ...timer, suspendedOn: this.at } : timer,
      ),
    };
    this.effectList.push({
      type: 'suspendTimers',
      keys: running.map((timer) => timer.key),
      on: this.at,
    });
  }

  /** Each suspended timer runs again, due later by the days it was suspended (as the scheduler). */
  resumeAll(): void {
    const suspended = this.next.timers.filter((timer) => timer.suspendedOn !== null);
    if (suspended.length === 0) {
      return;
    }
    const resumed = (timer: PathTimer): PathTimer => {
      if (timer.suspendedOn === null) {
        return timer;
      }
      const days = Math.max(0, calendarDaysBetween(timer.suspendedOn, this.at));
      return { ...timer, dueDate: addCalendarDays(timer.dueDate, days), suspendedOn: null };
    };
    this.next = { ...this.next, timers: this.next.timers.map(resumed) };
    this.effectList.push({
      type: 'resumeTimers',
      timers: suspended.map((timer) => ({ key: timer.key, dueDate: resumed(timer).dueDate })),
      on: this.at,
    });
  }
}
