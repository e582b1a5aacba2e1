import {
  alarmChanged,
  alarmCutoff,
  alarmLine,
  parkedEventAlarm,
  type ParkedEventAlarmState,
} from './parked-event-alarm-rules';

describe('parked-event alarm', () => {
  const now = new Date('2025-03-03T12:00:00.000Z');

  it('should count parks from before the limit as overdue', () => {
    expect(alarmCutoff(now, 60)).toEqual(new Date('2025-03-03T11:00:00.000Z'));
  });

  it('should stay quiet with nothing parked', () => {
    expect(
      parkedEventAlarm(
        { count: 0, olderThanCutoff: 0, oldestParkedAt: null },
        { now, limitMinutes: 60 },
      ),
    ).toEqual({ raised: false, count: 0, overdue: 0, oldestAgeSeconds: 0, limitMinutes: 60 });
  });

  it('should stay quiet while every park is younger than the limit', () => {
    const state = parkedEventAlarm(
      { count: 2, olderThanCutoff: 0, oldestParkedAt: new Date('2025-03-03T11:30:00.000Z') },
      { now, limitMinutes: 60 },
    );

    expect(state).toMatchObject({ raised: false, count: 2, oldestAgeSeconds: 1800 });
  });

  it('should raise the alarm for a park older than the limit', () => {
    const state = parkedEventAlarm(
      { count: 3, olderThanCutoff: 1, oldestParkedAt: new Date('2025-03-03T10:59:00.000Z') },
      { now, limitMinutes: 60 },
    );

    expect(state).toMatchObject({ raised: true, count: 3, overdue: 1, oldestAgeSeconds: 3660 });
    expect(alarmLine(state)).toBe(
      'parked-events alarm: 1 of 3 parked event(s) waited longer than 60 min for the event they follow (oldest 61 min); see docs/runbook.md, "Parked events"',
    );
  });

  it('should log when the alarm is raised, changes or clears, and not again while it holds', () => {
    const quiet: ParkedEventAlarmState = {
      raised: false,
      count: 1,
      overdue: 0,
      oldestAgeSeconds: 10,
      limitMinutes: 60,
    };
    const raised = { ...quiet, raised: true, overdue: 1, oldestAgeSeconds: 3700 };

    expect(alarmChanged(undefined, quiet)).toBe(false);
    expect(alarmChanged(quiet, raised)).toBe(true);
    expect(alarmChanged(raised, { ...raised, oldestAgeSeconds: 3800 })).toBe(false);
    expect(alarmChanged(raised, { ...raised, overdue: 2 })).toBe(true);
    expect(alarmChanged(raised, quiet)).toBe(true);
  });
});
