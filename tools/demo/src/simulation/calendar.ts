import { addCalendarDays, isBusinessDay, type IsoDate } from '@polku/timers';
import { SeededRandom } from '../random/seeded-random';
import type { Step } from '../story/steps';

/** How far back the simulated history starts. */
export const HISTORY_DAYS = 730;

/** Caseworkers act on business days: a step on a weekend or holiday moves to the next one. */
export function businessDayFrom(day: IsoDate): IsoDate {
  let candidate = day;
  while (!isBusinessDay(candidate)) {
    candidate = addCalendarDays(candidate, 1);
  }
  return candidate;
}

/** Fewer referrals in July (summer holidays) and at Christmas. */
function seasonalWeight(day: IsoDate): number {
  const month = day.slice(5, 7);
  return month === '07' ? 0.4 : month === '12' ? 0.8 : 1;
}

/**
 * The day of a client's first referral: a business day of the two years before `today`, drawn
 * from a stream of its own so the date does not change the client's story draws.
 */
export function referralDateOf(seed: number, client: number, today: IsoDate): IsoDate {
  const random = SeededRandom.forClient(seed ^ 0x5eed, client);
  for (;;) {
    const day = businessDayFrom(addCalendarDays(today, -random.int(1, HISTORY_DAYS)));
    if (day < today && random.chance(seasonalWeight(day))) {
      return day;
    }
  }
}

/**
 * The day each step of a story runs on, from the day of its first referral: `day` days later,
 * moved to a business day, never before the step ahead of it, and a meeting's record never
 * before the day after the meeting (which is `inDays` after its scheduling day).
 */
export function storyDates(steps: readonly Step[], referralDate: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  let meetingDay: IsoDate | undefined;
  for (const step of steps) {
    let day = businessDayFrom(addCalendarDays(referralDate, step.day));
    if (step.kind === 'recordMeeting' && meetingDay !== undefined) {
      const dayAfter = businessDayFrom(addCalendarDays(meetingDay, 1));
      day = dayAfter > day ? dayAfter : day;
    }
    const previous = dates[dates.length - 1];
    day = previous !== undefined && previous > day ? previous : day;
    if (step.kind === 'scheduleMeeting') {
      meetingDay = addCalendarDays(day, step.inDays);
    }
    dates.push(day);
  }
  return dates;
}
