import { isBusinessDay } from '@polku/timers';
import { demoClient } from '../story/client-story';
import { HISTORY_DAYS, referralDateOf, storyDates } from './calendar';

describe('the simulated calendar', () => {
  it('should refer every client on a business day of the two years before today', () => {
    const today = '2026-12-07';
    for (let client = 0; client < 500; client += 1) {
      const day = referralDateOf(5, client, today);
      expect(isBusinessDay(day)).toBe(true);
      expect(day < today).toBe(true);
      expect(Date.parse(today) - Date.parse(day)).toBeLessThanOrEqual(
        (HISTORY_DAYS + 5) * 86_400_000,
      );
    }
  });

  it('should run steps on business days, in order, and record a meeting after it was held', () => {
    for (let index = 0; index < 300; index += 1) {
      const { story } = demoClient(3, index, '2025-12-22');
      const dates = storyDates(story.steps, '2025-12-22');
      dates.forEach((day, step) => {
        expect(isBusinessDay(day)).toBe(true);
        expect(step === 0 || dates[step - 1] <= day).toBe(true);
        const scheduled = story.steps[step];
        if (scheduled.kind === 'scheduleMeeting') {
          const recorded = story.steps.findIndex(
            (s, at) => at > step && s.kind === 'recordMeeting',
          );
          const meetingDay = new Date(Date.parse(day) + scheduled.inDays * 86_400_000);
          expect(Date.parse(dates[recorded])).toBeGreaterThan(meetingDay.getTime());
        }
      });
    }
  });
});
