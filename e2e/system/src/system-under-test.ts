import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@polku/local-infra';
import { isolatedTestEnv, startLauncher, waitFor, type LauncherProcess } from '@polku/testing';
import { fetchSystemHealth } from './support/system-health';

/** GET /health as the system tests read it. */
export interface HealthResponse {
  readonly httpStatus: number;
  readonly status: 'up' | 'down';
  readonly gateway: { checks: { nats: { status: string }; database: { status: string } } };
  readonly services: Record<string, { status: string; detail?: string }>;
}

/** A whole polku started by the launcher on its own port, data folder, databases and subjects. */
export interface SystemUnderTest {
  readonly launcher: LauncherProcess;
  readonly baseUrl: string;
  readonly dataDir: string;
  /** The environment the launcher and every service got (database prefix, NATS namespace…). */
  readonly env: Readonly<Record<string, string>>;
  health(): Promise<HealthResponse>;
  /** Ctrl-C, wait for the exit, remove the data folder. Returns the exit code. */
  stop(): Promise<number | null>;
}

export async function startSystem(
  overrides: Record<string, string> = {},
): Promise<SystemUnderTest> {
  const port = await findFreePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'polku-e2e-'));
  const env = isolatedTestEnv({
    HTTP_PORT: String(port),
    POLKU_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    DATABASE_CONNECT_RETRIES: '10',
    // The run's test server, where the tests' own tools have a user; the launcher's own
    // authenticated server is what start-and-stop checks.
    POLKU_START_NATS: 'never',
    ...overrides,
  });
  const launcher = startLauncher(env);
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    launcher,
    baseUrl,
    dataDir,
    env,
    async health() {
      const response = await fetchSystemHealth(baseUrl, AbortSignal.timeout(5_000));
      return {
        httpStatus: response.status,
        ...((await response.json()) as Omit<HealthResponse, 'httpStatus'>),
      };
    },
    async stop() {
      const code = await launcher.interrupt();
      await rm(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

/** Waits until GET /health satisfies the predicate, and returns that answer. */
export function waitForHealth(
  system: SystemUnderTest,
  predicate: (health: HealthResponse) => boolean,
  description: string,
  timeoutMs = 30_000,
): Promise<HealthResponse> {
  let last: HealthResponse | undefined;
  return waitFor(
    async () => {
      last = await system.health();
      return predicate(last) ? last : undefined;
    },
    {
      timeoutMs,
      intervalMs: 250,
      description: () => `${description}; last answer ${JSON.stringify(last)}`,
    },
  );
}

/** true when nothing accepts connections at the URL any more. */
export async function isGone(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return false;
  } catch {
    return true;
  }
}
