import type { ParkedEventStats } from './parked-event.repository';

// When parked events raise the alarm (docs/runbook.md, "Parked events"). An event is parked
// because the event it follows is certainly on its way (../path-events/arrival-order.ts): a park
// that outlives PARKED_EVENT_ALARM_AFTER_MINUTES means that event is not coming (it was
// dead-lettered upstream or here, or its service is down), and the path is held back meanwhile.

/** The parked events as the alarm sees them at one instant. */
export interface ParkedEventAlarmState {
  readonly raised: boolean;
  /** Every parked event. */
  readonly count: number;
  /** Parked events older than the limit. */
  readonly overdue: number;
  /** Age of the oldest park in seconds; 0 when none is parked. */
  readonly oldestAgeSeconds: number;
  readonly limitMinutes: number;
}

/** Parks from before this instant are older than the limit. */
export function alarmCutoff(now: Date, limitMinutes: number): Date {
  return new Date(now.getTime() - limitMinutes * 60_000);
}

export function parkedEventAlarm(
  stats: ParkedEventStats,
  { now, limitMinutes }: { readonly now: Date; readonly limitMinutes: number },
): ParkedEventAlarmState {
  const oldestAgeSeconds =
    stats.oldestParkedAt === null
      ? 0
      : Math.max(0, Math.floor((now.getTime() - stats.oldestParkedAt.getTime()) / 1000));
  return {
    raised: stats.olderThanCutoff > 0,
    count: stats.count,
    overdue: stats.olderThanCutoff,
    oldestAgeSeconds,
    limitMinutes,
  };
}

/**
 * The log line of a raised alarm: counts and ages only, never a path, client or event id (an
 * operator lists them with the `parked-events` command).
 */
export function alarmLine(state: ParkedEventAlarmState): string {
  const oldestMinutes = Math.floor(state.oldestAgeSeconds / 60);
  return `parked-events alarm: ${state.overdue} of ${state.count} parked event(s) waited longer than ${state.limitMinutes} min for the event they follow (oldest ${oldestMinutes} min); see docs/runbook.md, "Parked events"`;
}

/** Whether the alarm's log line changes: raised, cleared, or more or fewer events overdue. */
export function alarmChanged(
  previous: ParkedEventAlarmState | undefined,
  next: ParkedEventAlarmState,
): boolean {
  return (
    (previous?.raised ?? false) !== next.raised ||
    (next.raised && previous?.overdue !== next.overdue)
  );
}
