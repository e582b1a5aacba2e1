import type { PlanRevisionReason } from '@polku/contracts';
import { CommandValidationError } from '@polku/service-runtime';
import { addBusinessDays, addCalendarMonths, type IsoDate } from '@polku/timers';

// Review-date arithmetic on Finnish calendar dates (`YYYY-MM-DD`), pure: "today" is always
// passed in (finnishDateOf(new Date()) in the handlers), never read from the clock here.

/** The review date of a plan agreed today without one: the configured interval from today. */
export function defaultReviewDate(today: IsoDate, intervalMonths: number): IsoDate {
  return addCalendarMonths(today, intervalMonths);
}

/** The review date of a new plan: the one asked for, not before today, or the default. */
export function agreedReviewDate(options: {
  readonly requested: IsoDate | undefined;
  readonly today: IsoDate;
  readonly intervalMonths: number;
}): IsoDate {
  const { requested, today, intervalMonths } = options;
  if (requested === undefined) {
    return defaultReviewDate(today, intervalMonths);
  }
  if (requested < today) {
    throw new CommandValidationError(`reviewDate: ${requested} is before today (${today})`);
  }
  return requested;
}

/**
 * The review date after a revision:
 * - absent: the current date stays, except at a scheduled review, which sets the next one the
 *   configured interval from today;
 * - the current date again: it stays, except at a scheduled review when that date has come —
 *   the review has used it up, and a date that has come cannot be the next review;
 * - another date: that date, which must not be before today.
 */
export function revisedReviewDate(options: {
  readonly current: IsoDate;
  readonly requested: IsoDate | undefined;
  readonly reasonCategory: PlanRevisionReason;
  readonly today: IsoDate;
  readonly intervalMonths: number;
}): IsoDate {
  const { current, requested, reasonCategory, today, intervalMonths } = options;
  const scheduledReview = reasonCategory === 'SCHEDULED_REVIEW';
  if (requested === undefined) {
    return scheduledReview ? defaultReviewDate(today, intervalMonths) : current;
  }
  if (requested === current) {
    return scheduledReview && current <= today ? defaultReviewDate(today, intervalMonths) : current;
  }
  if (requested < today) {
    throw new CommandValidationError(`reviewDate: ${requested} is before today (${today})`);
  }
  return requested;
}

/**
 * Whether a revision replaces the plan's review timers: when the date moved, and at every
 * scheduled review (the review that was due has been held, so its overdue timer must go).
 */
export function reviewTimersAreReplaced(options: {
  readonly current: IsoDate;
  readonly next: IsoDate;
  readonly reasonCategory: PlanRevisionReason;
}): boolean {
  return options.next !== options.current || options.reasonCategory === 'SCHEDULED_REVIEW';
}

/** The day a review not held by its date becomes overdue: the grace in Finnish business days. */
export function reviewOverdueDate(reviewDate: IsoDate, graceBusinessDays: number): IsoDate {
  return addBusinessDays(reviewDate, graceBusinessDays);
}
