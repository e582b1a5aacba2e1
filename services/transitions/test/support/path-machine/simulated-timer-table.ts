import { addCalendarDays, calendarDaysBetween } from '@polku/timers';
import type { PathEffect } from '../../../src/path/path-effects';
import type { PathTimer, TimerPayloadValue } from '../../../src/path/path-state';

// The timer table of libs/timers as the property tests need it: one live row per key,
// suspended rows keep their due date and move it on resume, and the poller hands out due rows
// in due order. It refuses effects the real scheduler would take as a bug (cancelling or
// suspending a timer that is not live), so the machine's timer bookkeeping is checked too.

export interface TimerRow {
  readonly key: string;
  readonly kind: string;
  readonly dueDate: string;
  readonly payload: Readonly<Record<string, TimerPayloadValue>>;
  readonly suspendedOn: string | null;
}

export class SimulatedTimerTable {
  private readonly rows = new Map<string, TimerRow>();

  apply(effects: readonly PathEffect[]): void {
    for (const effect of effects) {
      switch (effect.type) {
        case 'emit':
          break;
        case 'scheduleTimer': {
          const existing = this.rows.get(effect.timer.key);
          this.rows.set(effect.timer.key, {
            ...effect.timer,
            // The scheduler keeps a suspended timer suspended, with the new due date.
            suspendedOn: existing?.suspendedOn ?? null,
          });
          break;
        }
        case 'cancelTimer':
          this.live(effect.key);
          this.rows.delete(effect.key);
          break;
        case 'suspendTimers':
          for (const key of effect.keys) {
            const row = this.live(key);
            if (row.suspendedOn !== null) {
              throw new Error(`suspended twice: ${key}`);
            }
            this.rows.set(key, { ...row, suspendedOn: effect.on });
          }
          break;
        case 'resumeTimers':
          for (const { key, dueDate } of effect.timers) {
            const row = this.live(key);
            if (row.suspendedOn === null) {
              throw new Error(`resumed without a suspension: ${key}`);
            }
            const shifted = addCalendarDays(
              row.dueDate,
              Math.max(0, calendarDaysBetween(row.suspendedOn, effect.on)),
            );
            if (shifted !== dueDate) {
              throw new Error(
                `resume of ${key}: the scheduler would move it to ${shifted}, not ${dueDate}`,
              );
            }
            this.rows.set(key, { ...row, dueDate, suspendedOn: null });
          }
          break;
      }
    }
  }

  /** The earliest running timer due on or before `today`, as the poller claims it. */
  nextDue(today: string): TimerRow | undefined {
    let next: TimerRow | undefined;
    for (const row of this.rows.values()) {
      if (row.suspendedOn !== null || row.dueDate > today) {
        continue;
      }
      if (
        next === undefined ||
        row.dueDate < next.dueDate ||
        (row.dueDate === next.dueDate && row.key < next.key)
      ) {
        next = row;
      }
    }
    return next;
  }

  /** The poller marks the timer FIRED: it is no longer live. */
  fire(key: string): TimerRow {
    const row = this.live(key);
    this.rows.delete(key);
    return row;
  }

  rowsOf(pathId: string): TimerRow[] {
    return [...this.rows.values()]
      .filter((row) => row.key.includes(`:${pathId}:`))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
  }

  /** Whether the table holds exactly the timers the path state says are live. */
  mismatchWith(pathId: string, timers: readonly PathTimer[]): string | null {
    const expected = [...timers]
      .map(({ key, kind, dueDate, payload, suspendedOn }) => ({
        key,
        kind,
        dueDate,
        payload,
        suspendedOn,
      }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    const actual = this.rowsOf(pathId);
    return JSON.stringify(actual) === JSON.stringify(expected)
      ? null
      : `timer table ${JSON.stringify(actual)} != path timers ${JSON.stringify(expected)}`;
  }

  private live(key: string): TimerRow {
    const row = this.rows.get(key);
    if (row === undefined) {
      throw new Error(`no live timer ${key}`);
    }
    return row;
  }
}
