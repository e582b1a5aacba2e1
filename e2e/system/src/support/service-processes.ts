import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { findFreePort, ServiceSupervisor, type SupervisedExit } from '@polku/local-infra';
import { isolatedTestEnv, provisionTestBus, testServiceConfig, waitFor } from '@polku/testing';
import { fetchSystemHealth } from './system-health';

const distRoot = resolve(__dirname, '../../../../dist');

/**
 * Some of polku's processes, started from their built bundles the way the launcher starts them,
 * but without the launcher: a test may kill one (SIGKILL) and start it again while the others
 * keep running. The launcher itself stops everything when one service dies.
 */
export interface ServiceProcesses {
  readonly baseUrl: string;
  readonly env: Readonly<Record<string, string>>;
  /** Every line the processes printed, prefixed with the service. */
  readonly lines: string[];
  /** Exits nobody asked for, including the ones a test caused with kill(). */
  readonly exits: SupervisedExit[];
  start(service: string): ChildProcess;
  /** SIGKILL: no shutdown hook runs, open transactions are cut off mid-way. */
  kill(service: string): Promise<void>;
  /** Waits until the gateway's /health reports these services up. */
  waitUntilUp(services: readonly string[]): Promise<void>;
  stop(): Promise<void>;
}

export async function startServiceProcesses(
  services: readonly string[],
  overrides: Record<string, string> = {},
): Promise<ServiceProcesses> {
  const port = await findFreePort();
  const env = isolatedTestEnv({
    HTTP_PORT: String(port),
    DATABASE_CONNECT_RETRIES: '10',
    // As npm start: the demo issuer, which the health details and the tests sign in with.
    POLKU_DEMO: 'true',
    ...overrides,
  });
  // The provisioning step npm start runs before the services: streams and every durable.
  await provisionTestBus(testServiceConfig(env));
  const baseUrl = `http://127.0.0.1:${port}`;
  const lines: string[] = [];
  const exits: SupervisedExit[] = [];
  const supervisor = new ServiceSupervisor({
    distRoot,
    env: { ...process.env, ...env },
    onLine: (service, line) => lines.push(`${service}: ${line}`),
    onUnexpectedExit: (exit) => exits.push(exit),
  });
  const processes: ServiceProcesses = {
    baseUrl,
    env,
    lines,
    exits,
    start: (service) => supervisor.start(service),
    async kill(service) {
      const child = supervisor.running.get(service);
      if (child === undefined) {
        throw new Error(`${service} is not running`);
      }
      const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
      child.kill('SIGKILL');
      await exited;
    },
    async waitUntilUp(names) {
      await waitFor(
        async () => {
          const response = await fetchSystemHealth(baseUrl).catch(() => undefined);
          if (response === undefined) {
            return undefined;
          }
          const health = (await response.json()) as {
            services?: Record<string, { status: string }>;
          };
          return names.every(
            (name) => name === 'gateway' || health.services?.[name]?.status === 'up',
          )
            ? true
            : undefined;
        },
        {
          timeoutMs: 90_000,
          description: () => `${names.join(', ')} up; output:\n${lines.slice(-30).join('\n')}`,
        },
      );
    },
    stop: () => supervisor.stopAll(),
  };
  for (const service of services) {
    processes.start(service);
  }
  await processes.waitUntilUp(services);
  return processes;
}
