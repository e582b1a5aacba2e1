import { finnishDateOf, type IsoDate } from '@polku/timers';

const HELSINKI_HOUR = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Helsinki',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** The hour on a wall clock in Finland (0–23) at an instant, daylight saving time included. */
export function finnishHourOf(instant: Date): number {
  return Number(HELSINKI_HOUR.format(instant));
}

/**
 * The Finnish day whose daily digest is due at `now`: today once Finnish wall-clock time has
 * reached `digestHour`, undefined before. "At or after" rather than "at": the poller may be
 * down at the hour, and on the spring day that skips 03:00–04:00 an hour of 3 is reached at 04:00.
 */
export function dueDigestDay(now: Date, digestHour: number): IsoDate | undefined {
  return finnishHourOf(now) >= digestHour ? finnishDateOf(now) : undefined;
}

/**
 * Whether the daily digest of `day` is still to go, given the last day settled. A day is settled
 * once (sent, or nothing to tell), so the repeated hour of the autumn day sends nothing twice.
 */
export function dailyDigestDue(settledDay: IsoDate | null, day: IsoDate): boolean {
  return settledDay === null || settledDay < day;
}

/**
 * The latest last send that lets an immediate mail go at `now`: at most one mail per user per
 * batch window. Items that arrive inside the window wait for its end and go in one mail.
 */
export function immediateSentBefore(now: Date, batchSeconds: number): Date {
  return new Date(now.getTime() - batchSeconds * 1000);
}
