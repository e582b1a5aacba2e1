export {
  addBusinessDays,
  businessDaysBetween,
  easterSunday,
  finnishNonWorkingDays,
  finnishPublicHolidays,
  isBusinessDay,
  isFinnishPublicHoliday,
  type FinnishHoliday,
} from './calendar/finnish-calendar';
export {
  addCalendarDays,
  finnishDateOf,
  InvalidIsoDateError,
  isoWeekday,
  startOfFinnishDay,
  type IsoDate,
} from './calendar/iso-date';
export { addCalendarMonths, calendarDaysBetween, isIsoDate } from './calendar/calendar-months';
export { TimerTable1763950000000 } from './migrations/1763950000000-timer-table';
export {
  TimerPoller,
  type TimerBacklog,
  type TimerBatchResult,
  type TimerPollerOptions,
} from './timer/timer-poller';
export { InvalidTimerError, TimerScheduler } from './timer/timer-scheduler';
export { ServiceTimerPoller } from './timer/service-timer-poller';
/** The shapes of timers as they are scheduled, fired and listed (see timer/timer.types.ts). */
export type {
  FiringTimer,
  NewTimer,
  TimerHandler,
  TimerPayload,
  TimerStatus,
  TimerView,
} from './timer/timer.types';
