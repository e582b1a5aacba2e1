import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { stopChild } from './nats-server';

/** How a supervised service process ended. */
export interface SupervisedExit {
  readonly service: string;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** The service to run, its environment, and where its output goes. */
export interface ServiceSupervisorOptions {
  /** Where `nx build` put the bundles: <distRoot>/services/<name>/main.js. */
  readonly distRoot: string;
  readonly env: NodeJS.ProcessEnv;
  /**
   * Starts one process of the service, its output piped; by default Node on the service's bundle
   * with `env`. Tests of supervision give scripts of their own.
   */
  readonly launch?: (service: string, env: NodeJS.ProcessEnv) => ChildProcess;
  /** Each line a service prints, with the service's name. */
  readonly onLine: (service: string, line: string) => void;
  /** A service stopped without being asked to. */
  readonly onUnexpectedExit: (exit: SupervisedExit) => void;
}

/**
 * Runs each service as its own Node process, as in production: own memory, own connection
 * pools, own crash. Stops them with SIGTERM so each shuts down gracefully.
 */
export class ServiceSupervisor {
  private readonly children = new Map<string, ChildProcess>();
  private stopping = false;

  constructor(private readonly options: ServiceSupervisorOptions) {}

  start(service: string, extraEnv: NodeJS.ProcessEnv = {}): ChildProcess {
    const env = { ...this.options.env, ...extraEnv };
    const child = this.options.launch?.(service, env) ?? this.launchBundle(service, env);
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) {
        createInterface({ input: stream }).on('line', (line) => this.options.onLine(service, line));
      }
    }
    child.once('exit', (code, signal) => {
      this.children.delete(service);
      if (!this.stopping) {
        this.options.onUnexpectedExit({ service, code, signal });
      }
    });
    this.children.set(service, child);
    return child;
  }

  private launchBundle(service: string, env: NodeJS.ProcessEnv): ChildProcess {
    const main = join(this.options.distRoot, 'services', service, 'main.js');
    return spawn(process.execPath, ['--enable-source-maps', main], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  get running(): ReadonlyMap<string, ChildProcess> {
    return this.children;
  }

  async stopAll(graceMs = 15_000): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.children.values()].map((child) => stopChild(child, graceMs)));
  }
}
