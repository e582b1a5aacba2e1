import { rmSync } from 'node:fs';
import {
  acknowledgementFileOf,
  type ClockFileContent,
  readAcknowledgement,
  writeClockFile,
} from './clock-file';
import { describeOffset } from './describe-offset';
import { realDate, realNow } from './simulated-date';

/** How a controller waits for the services. */
export interface SimulatedClockControlOptions {
  /**
   * Where simulated time stands before the first setTime, so that services started on the file
   * begin in the past instead of seeing time go back later. Default: real time (offset 0).
   */
  readonly startAt?: Date;
  /** How long setTime waits for every service's acknowledgement. Default 10,000 ms. */
  readonly timeoutMs?: number;
}

const ACK_POLL_MS = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The controller's side of the simulated clock (docs/adr/0018-simulated-clock-for-demo-data.md),
 * for the demo data generator and the launcher. It owns the clock file that the service
 * processes watch (installSimulatedClock), moves simulated time forward only, and each setTime
 * resolves once every named service has acknowledged the new offset in
 * `<file>.<service>.ack`, so the next command runs on the new time everywhere.
 *
 * Move the clock between requests, never while one is in flight: a request that spans a change
 * meets two times (the internal token tolerates 5 s between gateway and service).
 */
export class SimulatedClockControl {
  private content: ClockFileContent;
  private moved = false;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly file: string,
    readonly services: readonly string[],
    private readonly timeoutMs: number,
    startOffsetMs: number,
  ) {
    this.content = { offsetMs: startOffsetMs, revision: 0 };
  }

  /**
   * Writes a new clock file (revision 0, at `options.startAt` or real time) and removes the
   * services' old acknowledgements, so that only what the services started on it acknowledge
   * counts. Start the services after this.
   */
  static async create(
    file: string,
    services: readonly string[],
    options: SimulatedClockControlOptions = {},
  ): Promise<SimulatedClockControl> {
    if (services.length === 0) {
      throw new Error('a simulated clock needs the services that must apply it');
    }
    const startOffsetMs =
      options.startAt === undefined ? 0 : Math.round(options.startAt.getTime() - realNow());
    const control = new SimulatedClockControl(
      file,
      services,
      options.timeoutMs ?? 10_000,
      startOffsetMs,
    );
    for (const service of services) {
      rmSync(acknowledgementFileOf(file, service), { force: true });
    }
    writeClockFile(file, control.content);
    return control;
  }

  /** Simulated now, as the services see it once they have applied the latest change. */
  now(): Date {
    return new (realDate())(realNow() + this.content.offsetMs);
  }

  /** Simulated time minus real time, in ms. */
  get offsetMs(): number {
    return this.content.offsetMs;
  }

  /**
   * Moves simulated time to `target` and resolves when every service has applied it. Only
   * forward, except for the first move (the generator's start, before any data exists).
   * Rejects after the timeout naming the services that did not acknowledge.
   */
  setTime(target: Date): Promise<void> {
    return this.serialised(async () => {
      const targetMs = target.getTime();
      if (!Number.isFinite(targetMs)) {
        throw new RangeError('simulated clock: setTime needs a valid date');
      }
      const nowMs = this.now().getTime();
      if (this.moved && targetMs < nowMs) {
        throw new RangeError(
          `simulated clock goes forward only: ${target.toISOString()} is before simulated now ${new (realDate())(nowMs).toISOString()}`,
        );
      }
      await this.apply(Math.round(targetMs - realNow()));
    });
  }

  /**
   * Ends the simulation: offset 0, simulated time is real time again. Refused when simulated
   * time is ahead of real time, since that would take it back.
   */
  returnToRealTime(): Promise<void> {
    return this.serialised(async () => {
      if (this.content.offsetMs > 0) {
        throw new RangeError(
          `simulated clock goes forward only: it is ${describeOffset(this.content.offsetMs)} ahead of real time`,
        );
      }
      await this.apply(0);
    });
  }

  /** Resolves when every service has acknowledged the file as it stands (e.g. after starting). */
  waitUntilApplied(): Promise<void> {
    return this.serialised(() => this.awaitAcknowledgements());
  }

  private async apply(offsetMs: number): Promise<void> {
    this.content = { offsetMs, revision: this.content.revision + 1 };
    this.moved = true;
    writeClockFile(this.file, this.content);
    await this.awaitAcknowledgements();
  }

  private async awaitAcknowledgements(): Promise<void> {
    const { revision, offsetMs } = this.content;
    const deadline = performance.now() + this.timeoutMs;
    for (;;) {
      const missing = this.services.filter((service) => {
        const ack = readAcknowledgement(this.file, service);
        return ack === undefined || ack.revision !== revision || ack.offsetMs !== offsetMs;
      });
      if (missing.length === 0) {
        return;
      }
      if (performance.now() >= deadline) {
        throw new Error(
          `simulated clock: ${missing.join(', ')} did not apply revision ${revision} ` +
            `(offset ${offsetMs} ms) within ${this.timeoutMs} ms; is each running with ` +
            `SIMULATED_CLOCK_FILE=${this.file}? (acknowledgements: ${acknowledgementFileOf(this.file, '<service>')})`,
        );
      }
      await sleep(ACK_POLL_MS);
    }
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
