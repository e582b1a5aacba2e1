/**
 * The time the generator drives polku at. With a simulated clock (the services started with
 * SIMULATED_CLOCK_FILE, docs/dashboards.md) `setTime` moves every service's clock forward and
 * resolves once each has applied it, so the generator can make two years of paths in minutes.
 */
export interface DemoClock {
  now(): Date;
  setTime(target: Date): Promise<void>;
  /** Ends at real time: offset exactly 0, not "now" read a millisecond before it is applied. */
  returnToRealTime(): Promise<void>;
}

/**
 * Real time only: the generator then makes every path today, each story's steps one after
 * another (tests, or a system without a simulated clock).
 */
export class RealTimeClock implements DemoClock {
  now(): Date {
    return new Date();
  }

  setTime(): Promise<void> {
    return Promise.reject(
      new Error('the real-time clock cannot move: start polku with a simulated clock for that'),
    );
  }

  /** Already there. */
  returnToRealTime(): Promise<void> {
    return Promise.resolve();
  }
}

/** Whether the clock can move: the generator spreads the paths over two years only then. */
export function isSimulated(clock: DemoClock): boolean {
  return !(clock instanceof RealTimeClock);
}
