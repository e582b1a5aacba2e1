import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import {
  acknowledgementFileOf,
  type ClockAcknowledgement,
  type ClockFileContent,
  readClockFile,
  writeFileAtomically,
} from './clock-file';
import { describeOffset } from './describe-offset';
import { isSimulatedDate, simulatedDate } from './simulated-date';

/** How a process installs the simulated clock. */
export interface SimulatedClockOptions {
  /** The process's name: its acknowledgement is `<file>.<service>.ack`. */
  readonly service: string;
  /** Refused when its NODE_ENV is production. Default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Where the clock's lines go. Default stderr. */
  readonly log?: (line: string) => void;
  /**
   * How often the file is also polled. fs.watch is the quick path, but it can miss a file
   * replaced by a rename, so a poll backs it up. Default 100 ms.
   */
  readonly pollIntervalMs?: number;
}

/** What the process applies now: for its health answer. */
export interface SimulatedClockState {
  readonly file: string;
  readonly service: string;
  readonly offsetMs: number;
  readonly revision: number;
}

/** The installed clock of this process. */
export interface SimulatedClock {
  state(): SimulatedClockState;
  /** Called after each change is applied and acknowledged. */
  onChange(listener: (state: SimulatedClockState) => void): void;
  /** Puts the real Date back and stops watching. Tests only; a service keeps its clock. */
  uninstall(): void;
}

interface Installed {
  readonly clock: SimulatedClock;
  readonly state: () => SimulatedClockState;
}

let installed: Installed | undefined;

/** The simulated clock this process applies, or undefined when its clock is the real one. */
export function simulatedClockState(): SimulatedClockState | undefined {
  return installed?.state();
}

const writeToStderr = (line: string) => process.stderr.write(`${line}\n`);

/**
 * Replaces the global Date so that `new Date()`, `Date()` and `Date.now()` answer real time +
 * the offset in `file` (`{"offsetMs": n, "revision": r}`), and follows the file as it changes:
 * each change applied is acknowledged in `<file>.<service>.ack`, which SimulatedClockControl
 * waits for. performance.now() and timers keep real time. Refused when NODE_ENV=production,
 * when the file cannot be read, and when a clock is installed already.
 */
export function installSimulatedClock(
  file: string,
  options: SimulatedClockOptions,
): SimulatedClock {
  const env = options.env ?? process.env;
  const log = options.log ?? writeToStderr;
  if (env.NODE_ENV === 'production') {
    throw new Error(
      `refusing the simulated clock (SIMULATED_CLOCK_FILE=${file}) with NODE_ENV=production: it is for demo data only`,
    );
  }
  if (installed !== undefined || isSimulatedDate(globalThis.Date)) {
    throw new Error('the simulated clock is installed already in this process');
  }
  const real = globalThis.Date;
  let current: ClockFileContent = readClockFile(file);
  const listeners: ((state: SimulatedClockState) => void)[] = [];
  const state = (): SimulatedClockState => ({ file, service: options.service, ...current });
  const acknowledge = () => {
    const ack: ClockAcknowledgement = {
      ...current,
      service: options.service,
      pid: process.pid,
      appliedAt: new real(real.now()).toISOString(),
    };
    try {
      writeFileAtomically(acknowledgementFileOf(file, options.service), `${JSON.stringify(ack)}\n`);
    } catch (error) {
      log(`clock: could not acknowledge revision ${current.revision}: ${String(error)}`);
    }
  };

  const replacement = simulatedDate(real, () => current.offsetMs);
  globalThis.Date = replacement;
  // `new Date().constructor === Date` keeps holding for code that checks it.
  real.prototype.constructor = replacement;

  let unreadable = false;
  const reload = () => {
    let next: ClockFileContent;
    try {
      next = readClockFile(file);
      unreadable = false;
    } catch (error) {
      if (!unreadable) {
        log(`clock: keeps offset ${current.offsetMs} ms: ${String(error)}`);
      }
      unreadable = true;
      return;
    }
    if (next.revision === current.revision && next.offsetMs === current.offsetMs) {
      return;
    }
    current = next;
    acknowledge();
    for (const listener of listeners) {
      listener(state());
    }
  };
  // The folder is watched, not the file: an atomic write replaces the file's inode.
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dirname(file), { persistent: false }, (_event, name) => {
      if (name === null || name === basename(file)) {
        reload();
      }
    });
    watcher.on('error', () => undefined); // the poll carries on alone
  } catch {
    watcher = undefined;
  }
  // The poll reads the file itself, not its stat: watchFile compared stats with a baseline it
  // took asynchronously after it started, so a revision written in between became the baseline
  // and was never applied (the controller then waited out its timeout, once in CI).
  const poll = setInterval(reload, options.pollIntervalMs ?? 100);
  poll.unref();
  // Acknowledged once the file is watched (the controller writes the next revision as soon as
  // it sees this one applied); a change since the first read is read here.
  acknowledge();
  reload();
  log(
    `clock: SIMULATED — new Date() and Date.now() are real time ${describeOffset(current.offsetMs)} ` +
      `(now ${new Date().toISOString()}), read from ${file}; never in production`,
  );

  const clock: SimulatedClock = {
    state,
    onChange: (listener) => {
      listeners.push(listener);
    },
    uninstall: () => {
      watcher?.close();
      clearInterval(poll);
      globalThis.Date = real;
      real.prototype.constructor = real;
      installed = undefined;
    },
  };
  installed = { clock, state };
  return clock;
}
