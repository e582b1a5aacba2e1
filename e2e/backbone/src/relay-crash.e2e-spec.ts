import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { CLIENT_REFERRED_V1 } from '@polku/contracts';
import { loadConfig, ServiceConfig } from '@polku/config';
import { OutboxWriter, provisionStreams } from '@polku/messaging';
import { openServiceDataSource } from '@polku/persistence';
import { waitFor } from '@polku/testing';
import {
  backboneTestEnv,
  clientReferred,
  eventsInStream,
  projectionRows,
  startReplica,
  testToolsLinkFor,
} from './backbone-harness';
import { FIXTURE_MIGRATIONS } from './referral-projection.fixture';

const workspaceRoot = resolve(__dirname, '../../..');

function runCrashingRelay(env: Record<string, string>): Promise<NodeJS.Signals | number | null> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'e2e/backbone/src/relay-killed-before-mark.process.ts'],
    {
      cwd: workspaceRoot,
      env: { ...process.env, ...env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return new Promise((resolveExit) =>
    child.once('exit', (code, signal) => resolveExit(signal ?? code)),
  );
}

describe('outbox relay crash', () => {
  it('should apply each event exactly once when the relay is killed with SIGKILL between publish and mark', async () => {
    const env = backboneTestEnv();
    const config = loadConfig(ServiceConfig, env);
    const dataSource = await openServiceDataSource({
      service: 'client-intake',
      config,
      entities: [],
      migrations: FIXTURE_MIGRATIONS,
    });
    const link = testToolsLinkFor(env, 'polku-test-setup');
    const events = Array.from({ length: 10 }, () => clientReferred());
    try {
      await provisionStreams(await link.connect(), {
        namespace: env.NATS_NAMESPACE,
        replicas: 1,
        duplicateWindowMs: 120_000,
      });
      const writer = new OutboxWriter();
      await dataSource.transaction(async (em) => {
        for (const event of events) {
          await writer.append(em, CLIENT_REFERRED_V1.subject, event);
        }
      });

      expect(await runCrashingRelay(env)).toBe('SIGKILL');
      // Published but not marked: the worst moment to die.
      expect(await eventsInStream(env)).toBe(10);
      const [{ unpublished }] = await dataSource.query<{ unpublished: string }[]>(
        'SELECT count(*) AS unpublished FROM outbox_message WHERE published_at IS NULL',
      );
      expect(Number(unpublished)).toBe(10);
    } finally {
      await link.close();
      await dataSource.destroy();
    }

    // The service starts again: its relay republishes the same ids, its consumer applies them.
    const replica = await startReplica(env);
    try {
      const rows = await waitFor(
        async () => {
          const found = await projectionRows(replica.dataSource);
          const [{ unpublished }] = await replica.dataSource.query<{ unpublished: string }[]>(
            'SELECT count(*) AS unpublished FROM outbox_message WHERE published_at IS NULL',
          );
          return found.length >= 10 && Number(unpublished) === 0 ? found : undefined;
        },
        { timeoutMs: 30_000, description: 'every event applied and every row marked' },
      );
      // A deliberate window, not a wait for a condition: longer than a redelivery takes, so an
      // event applied twice after the republish would show.
      await new Promise((resolveDelay) => setTimeout(resolveDelay, 300));

      expect(await projectionRows(replica.dataSource)).toHaveLength(10);
      expect(new Set(rows.map((row) => row.event_id)).size).toBe(10);
      // The republish fell inside the duplicate window: the stream still holds each event once.
      expect(await eventsInStream(env)).toBe(10);
    } finally {
      await replica.close();
    }
  });
});
