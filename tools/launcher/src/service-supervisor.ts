import type { ChildProcess } from 'node:child_process';
import {
  ServiceSupervisor,
  type ServiceSupervisorOptions,
  type SupervisedExit,
} from '@polku/local-infra';

// `npm start` keeps the system up when one service dies: the service is started again after a
// growing pause, and only a service that keeps dying stops the system (issue 16 item 4). A crash
// of one service should not take five healthy ones down with it, as in production, where the
// orchestrator restarts a container; but a service that cannot stay up (a bad migration, a
// missing table, a port taken) must not be restarted for ever while its errors scroll away.

/** When and how often a dead service is started again. */
export interface RestartPolicy {
  /** The pause before the first restart; each further one doubles it. */
  readonly initialDelayMs: number;
  /** The longest pause, however many restarts came before. */
  readonly maxDelayMs: number;
  /** This many restarts within `crashLoopWindowMs`, and the next exit stops the system. */
  readonly crashLoopRestarts: number;
  readonly crashLoopWindowMs: number;
}

/** 1 s, 2 s, 4 s … at most 30 s; a sixth exit within a minute of five restarts is a crash loop. */
export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  crashLoopRestarts: 5,
  crashLoopWindowMs: 60_000,
};

/** How a service process ended. */
export type ServiceExit = SupervisedExit;

/** A service that kept dying: the system stops. */
export interface CrashLoop {
  readonly last: ServiceExit;
  /** Restarts within the window before this exit. */
  readonly restarts: number;
  readonly windowMs: number;
}

export interface RestartingSupervisorOptions {
  /** How each service process is started and where its lines go (local-infra's supervisor). */
  readonly processes: Omit<ServiceSupervisorOptions, 'onUnexpectedExit'>;
  readonly policy?: RestartPolicy;
  /** The one log line of each restart (restartLine). */
  readonly log: (line: string) => void;
  /** A service kept dying; it is not started again. */
  readonly onCrashLoop: (crash: CrashLoop) => void;
}

/** The pause before restart `attempt` (1 for the first): doubling, capped. */
export function restartDelayMs(policy: RestartPolicy, attempt: number): number {
  return Math.min(policy.initialDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
}

function describeExit(exit: ServiceExit): string {
  return exit.signal !== null ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}

function duration(ms: number): string {
  return ms < 1_000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

/** The one line a restart is announced with. */
export function restartLine(exit: ServiceExit, attempt: number, delayMs: number): string {
  return `${exit.service} stopped unexpectedly (${describeExit(exit)}); restart ${attempt} in ${duration(delayMs)}`;
}

/** What the launcher says when a crash loop stops the system; `logFile` is the service's log. */
export function crashLoopMessage(crash: CrashLoop, logFile: string): string {
  return (
    `${crash.last.service} keeps stopping (${describeExit(crash.last)} after ${crash.restarts} ` +
    `restarts within ${duration(crash.windowMs)}); stopping polku. ` +
    `Its log: ${logFile} — fix the cause there and run npm start again.`
  );
}

/**
 * Runs each service as its own process (local-infra's ServiceSupervisor) and starts a dead one again with exponential backoff,
 * one log line per restart, until it dies `crashLoopRestarts` times within the window: then
 * onCrashLoop (the launcher stops everything). stopAll() is a shutdown: nothing it stops, and
 * nothing waiting for its restart, is started again.
 */
export class RestartingSupervisor {
  private readonly processes: ServiceSupervisor;
  private readonly pendingRestarts = new Map<string, NodeJS.Timeout>();
  /** Per service, when each of its restarts was decided (for the crash-loop window). */
  private readonly restartTimes = new Map<string, number[]>();
  private readonly policy: RestartPolicy;
  private stopping = false;

  constructor(private readonly options: RestartingSupervisorOptions) {
    this.policy = options.policy ?? DEFAULT_RESTART_POLICY;
    this.processes = new ServiceSupervisor({
      ...options.processes,
      onUnexpectedExit: (exit) => this.onUnexpectedExit(exit),
    });
  }

  start(service: string): void {
    if (!this.stopping) {
      this.processes.start(service);
    }
  }

  get running(): ReadonlyMap<string, ChildProcess> {
    return this.processes.running;
  }

  /** Stops every service (SIGTERM, then SIGKILL after graceMs) and cancels pending restarts. */
  async stopAll(graceMs = 15_000): Promise<void> {
    this.stopping = true;
    for (const timer of this.pendingRestarts.values()) {
      clearTimeout(timer);
    }
    this.pendingRestarts.clear();
    await this.processes.stopAll(graceMs);
  }

  private onUnexpectedExit(exit: ServiceExit): void {
    const now = Date.now();
    const recent = (this.restartTimes.get(exit.service) ?? []).filter(
      (at) => now - at < this.policy.crashLoopWindowMs,
    );
    if (recent.length >= this.policy.crashLoopRestarts) {
      this.restartTimes.set(exit.service, recent);
      this.options.onCrashLoop({
        last: exit,
        restarts: recent.length,
        windowMs: this.policy.crashLoopWindowMs,
      });
      return;
    }
    // The backoff grows with the restarts of the window: a service that stayed up for a while
    // starts again after the shortest pause.
    const attempt = recent.length + 1;
    const delayMs = restartDelayMs(this.policy, attempt);
    this.restartTimes.set(exit.service, [...recent, now]);
    this.options.log(restartLine(exit, attempt, delayMs));
    const timer = setTimeout(() => {
      this.pendingRestarts.delete(exit.service);
      this.start(exit.service);
    }, delayMs);
    this.pendingRestarts.set(exit.service, timer);
  }
}
