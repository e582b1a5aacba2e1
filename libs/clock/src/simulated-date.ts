// The Date that stands in for the global one while the simulated clock is installed
// (install-simulated-clock.ts). Only "now" moves: `new Date()`, `Date()` and `Date.now()` read
// real time plus an offset; `new Date(x)`, Date.parse, Date.UTC and every method of a date are
// the real ones, and a date made before or after the install is `instanceof Date` either way.

/** Where the simulated Date keeps the real one, shared by every copy of this module. */
const REAL_DATE = Symbol.for('polku.clock.real-date');

type SimulatedDateConstructor = DateConstructor & { [REAL_DATE]?: DateConstructor };

/** The real Date constructor, whether or not the simulated one is installed now. */
export function realDate(): DateConstructor {
  const current = globalThis.Date as SimulatedDateConstructor;
  return current[REAL_DATE] ?? current;
}

/** Real time in ms since the epoch, whatever the global Date says. */
export function realNow(): number {
  return realDate().now();
}

/**
 * Real time as a Date, whatever the global Date says: for operational ages of rows stamped by
 * PostgreSQL's now(), which a simulated clock does not move.
 */
export function realTime(): Date {
  const RealDate = realDate();
  return new RealDate(RealDate.now());
}

/** Whether this constructor is a simulated Date made by simulatedDate(). */
export function isSimulatedDate(constructor: DateConstructor): boolean {
  return (constructor as SimulatedDateConstructor)[REAL_DATE] !== undefined;
}

/**
 * A Date constructor whose "now" is real time + offsetMs(). A plain function rather than a
 * subclass: `Date()` called without `new` must still answer a string, which a class cannot.
 * Its prototype is the real Date.prototype, so `instanceof` holds for every date, and
 * `new.target` passes through, so a class that extends it after the install works.
 */
export function simulatedDate(real: DateConstructor, offsetMs: () => number): DateConstructor {
  const now = () => real.now() + offsetMs();
  function SimulatedDate(this: unknown, ...args: unknown[]): unknown {
    if (new.target === undefined) {
      return new real(now()).toString();
    }
    return Reflect.construct(real, args.length === 0 ? [now()] : args, new.target);
  }
  Object.defineProperties(SimulatedDate, {
    prototype: { value: real.prototype, writable: false, enumerable: false, configurable: false },
    // Code that names a date's constructor ('Date') must not see the stand-in's own name.
    name: { value: real.name },
    length: { value: real.length },
    now: { value: now, writable: true, enumerable: false, configurable: true },
    parse: { value: real.parse, writable: true, enumerable: false, configurable: true },
    UTC: { value: real.UTC, writable: true, enumerable: false, configurable: true },
    [REAL_DATE]: { value: real, enumerable: false },
  });
  return SimulatedDate as unknown as DateConstructor;
}
