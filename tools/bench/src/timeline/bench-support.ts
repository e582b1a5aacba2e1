import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { InternalTokenSigner, type Principal } from '@polku/auth';
import { natsLinkOptionsFor } from '@polku/bus-permissions';
import {
  DEVELOPMENT_INTERNAL_TOKEN_SIGNING_KEY,
  parseInternalTokenSigningKey,
  type ServiceConfig,
} from '@polku/config';
import { NatsLink, NatsTransportClient, signedRequest } from '@polku/messaging';
import { lastValueFrom } from 'rxjs';

// What the bench shares with libs/testing, without it: that library brings jest's globals.

const workspaceRoot = resolve(__dirname, '../../../..');

/** Polls until `check` gives a value, or fails after `timeoutMs` naming what it waited for. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  options: { readonly timeoutMs: number; readonly description: string },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(
        `timed out after ${options.timeoutMs} ms waiting for ${options.description}${cause}`,
      );
    }
    await new Promise((done) => setTimeout(done, 200));
  }
}

/** `npm start` as a child process (the launcher from source), its output kept. */
export interface Launcher {
  readonly child: ChildProcess;
  output(): string;
  /** Resolves when the output matches; rejects when the launcher exits first or on timeout. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void>;
  /** Ctrl-C, then wait for the exit (SIGKILL after `timeoutMs`). */
  interrupt(timeoutMs: number): Promise<void>;
}

export function startLauncher(env: Record<string, string>): Launcher {
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
  const keep = (chunk: Buffer) => {
    captured = (captured + chunk.toString('utf8')).slice(-200_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    child,
    output: () => captured,
    async waitForOutput(pattern, timeoutMs) {
      let over = false;
      const exitedFirst = exited.then(() => {
        if (!over && !pattern.test(captured)) {
          throw new Error(`the launcher exited:\n${captured.slice(-3000)}`);
        }
      });
      await Promise.race([
        waitFor(() => pattern.test(captured), {
          timeoutMs,
          description: `launcher output ${pattern}; got:\n${captured.slice(-3000)}`,
        }),
        exitedFirst,
      ]).finally(() => {
        over = true;
      });
    },
    async interrupt(timeoutMs) {
      if (child.exitCode === null) {
        child.kill('SIGINT');
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Requests to a service as the gateway sends them: its NATS user, the development token key. */
export interface ServiceClient {
  ask<T>(subject: string, principal: Principal, data: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function connectServiceClient(
  config: ServiceConfig,
  timeoutMs = 10_000,
): Promise<ServiceClient> {
  const link = new NatsLink(natsLinkOptionsFor(config, 'gateway', 'polku-bench-gateway'));
  await link.connect();
  const client = new NatsTransportClient({
    link,
    namespace: config.NATS_NAMESPACE,
    defaultTimeoutMs: timeoutMs,
  });
  const signer = new InternalTokenSigner(
    parseInternalTokenSigningKey(DEVELOPMENT_INTERNAL_TOKEN_SIGNING_KEY),
  );
  return {
    ask: async <T>(subject: string, principal: Principal, data: unknown) =>
      lastValueFrom(
        client.send<T>(
          subject,
          await signedRequest(signer, { kind: 'user', principal, requestId: randomUUID() }, data),
        ),
      ),
    close: () => link.close(),
  };
}
