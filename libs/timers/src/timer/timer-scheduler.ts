import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { TIMER_COLUMNS, toTimerView, type TimerRow } from './timer-row';
import type { NewTimer, TimerView } from './timer.types';

/** A schedule, suspend or resume request that cannot be right. */
export class InvalidTimerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTimerError';
  }
}

function requireTransaction(em: EntityManager, operation: string): void {
  // Like the outbox: a timer changes together with the business change that caused it.
  if (!em.queryRunner?.isTransactionActive) {
    throw new Error(`timer ${operation} must run inside the business transaction`);
  }
}

function requireDate(value: Date, what: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new InvalidTimerError(`${what} must be a valid Date`);
  }
}

/**
 * Schedules, cancels, suspends and resumes timers in the caller's transaction. Every method
 * works on the live timer (SCHEDULED or SUSPENDED) of a business key; there is at most one.
 */
@Injectable()
export class TimerScheduler {
  /**
   * Creates the live timer of `key`, or updates it when there is one (kind, due time and payload
   * replaced, attempts reset). A SUSPENDED timer stays suspended with the new due time, which
   * moves on resume like any other. A FIRED or CANCELLED timer of the key is history: a new row
   * is created.
   */
  async schedule(em: EntityManager, timer: NewTimer): Promise<TimerView> {
    requireTransaction(em, 'schedule');
    if (!timer.kind || !timer.key) {
      throw new InvalidTimerError('a timer needs a kind and a key');
    }
    requireDate(timer.dueAt, 'dueAt');
    const [row] = await em.query<TimerRow[]>(
      `INSERT INTO timer (id, kind, key, due_at, status, payload)
       VALUES ($1, $2, $3, $4, 'SCHEDULED', $5)
       ON CONFLICT (key) WHERE status IN ('SCHEDULED', 'SUSPENDED') DO UPDATE SET
         kind = EXCLUDED.kind,
         due_at = EXCLUDED.due_at,
         payload = EXCLUDED.payload,
         remaining_ms = CASE WHEN timer.status = 'SUSPENDED'
           THEN round(extract(epoch FROM EXCLUDED.due_at - timer.suspended_at) * 1000)::bigint
         END,
         attempts = 0,
         last_error = NULL,
         updated_at = now()
       RETURNING ${TIMER_COLUMNS}`,
      [uuidv7(), timer.kind, timer.key, timer.dueAt, JSON.stringify(timer.payload ?? {})],
    );
    return toTimerView(row);
  }

  /** Cancels the live timer of `key`; returns it, or null when there was none. */
  async cancel(em: EntityManager, key: string): Promise<TimerView | null> {
    requireTransaction(em, 'cancel');
    const [rows] = await em.query<[TimerRow[], number]>(
      `UPDATE timer
          SET status = 'CANCELLED', cancelled_at = now(), updated_at = now(),
              suspended_at = NULL, remaining_ms = NULL
        WHERE key = $1 AND status IN ('SCHEDULED', 'SUSPENDED')
        RETURNING ${TIMER_COLUMNS}`,
      [key],
    );
    return rows[0] ? toTimerView(rows[0]) : null;
  }

  /**
   * Suspends the SCHEDULED timer of `key` at `at` (e.g. when a measure is paused): it cannot
   * fire until resumed. Suspending a suspended timer changes nothing. Returns the timer, or null
   * when `key` has no live timer.
   */
  async suspend(em: EntityManager, key: string, at: Date): Promise<TimerView | null> {
    requireTransaction(em, 'suspend');
    requireDate(at, 'at');
    const [rows] = await em.query<[TimerRow[], number]>(
      `UPDATE timer
          SET status = 'SUSPENDED', suspended_at = $2, updated_at = now(),
              remaining_ms = round(extract(epoch FROM due_at - $2::timestamptz) * 1000)::bigint
        WHERE key = $1 AND status = 'SCHEDULED'
        RETURNING ${TIMER_COLUMNS}`,
      [key, at],
    );
    return rows[0] ? toTimerView(rows[0]) : this.find(em, key);
  }

  /**
   * Resumes the SUSPENDED timer of `key` at `at`: its due time moves later by the time it was
   * suspended (at − suspendedAt; never earlier when `at` precedes the suspension). Resuming a
   * scheduled timer changes nothing. Returns the timer, or null when `key` has no live timer.
   */
  async resume(em: EntityManager, key: string, at: Date): Promise<TimerView | null> {
    requireTransaction(em, 'resume');
    requireDate(at, 'at');
    const [rows] = await em.query<[TimerRow[], number]>(
      `UPDATE timer
          SET status = 'SCHEDULED',
              -- In seconds, not days: a '1 day' interval is 23 or 25 hours across a DST change.
              due_at = due_at + greatest(extract(epoch FROM $2::timestamptz - suspended_at), 0)
                                * interval '1 second',
              suspended_at = NULL, remaining_ms = NULL, updated_at = now()
        WHERE key = $1 AND status = 'SUSPENDED'
        RETURNING ${TIMER_COLUMNS}`,
      [key, at],
    );
    return rows[0] ? toTimerView(rows[0]) : this.find(em, key);
  }

  /** The live timer of `key`, or null. Needs no transaction. */
  async find(em: EntityManager, key: string): Promise<TimerView | null> {
    const rows = await em.query<TimerRow[]>(
      `SELECT ${TIMER_COLUMNS} FROM timer
        WHERE key = $1 AND status IN ('SCHEDULED', 'SUSPENDED')`,
      [key],
    );
    return rows[0] ? toTimerView(rows[0]) : null;
  }
}
