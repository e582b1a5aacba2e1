import type { TimerPayload, TimerStatus, TimerView } from './timer.types';

/** A timer as PostgreSQL returns it (TIMER_COLUMNS). */
export interface TimerRow {
  id: string;
  kind: string;
  key: string;
  status: TimerStatus;
  due_at: Date;
  suspended_at: Date | null;
  remaining_ms: string | null;
  payload: TimerPayload;
  attempts: number;
  last_error: string | null;
  fired_at: Date | null;
}

/** The columns of TimerRow, for SELECT and RETURNING. */
export const TIMER_COLUMNS =
  'id, kind, key, status, due_at, suspended_at, remaining_ms, payload, attempts, last_error, fired_at';

/** A row as the scheduler hands it out: dates as Dates, the remaining time as a number. */
export function toTimerView(row: TimerRow): TimerView {
  return {
    id: row.id,
    kind: row.kind,
    key: row.key,
    status: row.status,
    dueAt: new Date(row.due_at),
    suspendedAt: row.suspended_at === null ? null : new Date(row.suspended_at),
    remainingMs: row.remaining_ms === null ? null : Number(row.remaining_ms),
    payload: row.payload,
    attempts: row.attempts,
    lastError: row.last_error,
    firedAt: row.fired_at === null ? null : new Date(row.fired_at),
  };
}
