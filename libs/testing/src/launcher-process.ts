import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { waitFor } from './wait-for';

const workspaceRoot = resolve(__dirname, '../../..');

/** `npm start` as a child process, with its output captured for assertions. */
export interface LauncherProcess {
  readonly child: ChildProcess;
  /** Everything printed so far, stdout and stderr interleaved. */
  output(): string;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code once the launcher has exited. */
  readonly exited: Promise<number | null>;
  /** Ctrl-C, then wait for the exit. */
  interrupt(timeoutMs?: number): Promise<number | null>;
}

/**
 * Runs the launcher from source exactly as `npm start` does, with the given environment on top
 * of the test process's own.
 */
export function startLauncher(env: Record<string, string>): LauncherProcess {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'tools/launcher/src/main.ts'],
    {
      cwd: workspaceRoot,
      env: { ...process.env, ...env, SWC_NODE_PROJECT: 'tsconfig.base.json', NX_DAEMON: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let captured = '';
  child.stdout?.on('data', (chunk: Buffer) => (captured += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (captured += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolveExit) =>
    child.once('exit', (code) => resolveExit(code)),
  );
  return {
    child,
    output: () => captured,
    async waitForOutput(pattern, timeoutMs = 120_000) {
      const describe = () => `launcher output matching ${pattern}; got:\n${captured.slice(-3000)}`;
      // Fail at once when the launcher has exited instead of waiting out the timeout.
      const exitedFirst = exited.then((code) => {
        const match = pattern.exec(captured)?.[0];
        if (match) {
          return match;
        }
        throw new Error(`the launcher exited with code ${code} before printing ${describe()}`);
      });
      return Promise.race([
        waitFor(() => pattern.exec(captured)?.[0], {
          timeoutMs,
          intervalMs: 200,
          description: describe,
        }),
        exitedFirst,
      ]);
    },
    exited,
    async interrupt(timeoutMs = 30_000) {
      if (child.exitCode === null) {
        child.kill('SIGINT');
      }
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`launcher did not stop within ${timeoutMs} ms`));
        }, timeoutMs);
      });
      try {
        return await Promise.race([exited, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
