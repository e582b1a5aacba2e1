import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, startNatsServer, type RunningNats } from '@polku/local-infra';
import { testNatsConfigFile, waitFor } from '@polku/testing';
import {
  backboneTestEnv,
  clientReferred,
  commitEvents,
  eventsInStream,
  projectionRows,
  startReplica,
} from './backbone-harness';

describe('a NATS outage during a burst of commands', () => {
  it('should fail no command and deliver all 1,000 events exactly once after NATS returns', async () => {
    // This test stops NATS, so it runs its own server, never the machine's.
    const port = await findFreePort();
    const storeDir = await mkdtemp(join(tmpdir(), 'polku-outage-'));
    let nats: RunningNats | undefined = await startNatsServer({
      port,
      storeDir,
      configFile: testNatsConfigFile(),
    });
    const env = backboneTestEnv({ NATS_URL: nats.url });
    const replica = await startReplica(env);
    try {
      const events = Array.from({ length: 1000 }, () => clientReferred());
      const stoppedAt = Date.now();
      await nats.stop();
      nats = undefined;

      // 1,000 business commands, each its own transaction, while NATS is down.
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, worker) =>
          (async () => {
            for (let i = worker; i < events.length; i += 20) {
              await commitEvents(replica, [events[i]]);
            }
          })(),
        ),
      );
      expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
      const [{ waiting }] = await replica.dataSource.query<{ waiting: string }[]>(
        'SELECT count(*) AS waiting FROM outbox_message WHERE published_at IS NULL',
      );
      expect(Number(waiting)).toBe(1000);

      // The outage length is the point of the test: NATS stays down 10 s in all, however long
      // the writes took, before it comes back.
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, 10_000 - (Date.now() - stoppedAt))),
      );
      nats = await startNatsServer({ port, storeDir, configFile: testNatsConfigFile() });

      const rows = await waitFor(
        async () => {
          const found = await projectionRows(replica.dataSource);
          return found.length >= 1000 ? found : undefined;
        },
        {
          timeoutMs: 60_000,
          intervalMs: 250,
          description: '1,000 projection rows after NATS returned',
        },
      );
      // A deliberate window, not a wait for a condition: longer than a redelivery takes, so an
      // event relayed or applied twice would show.
      await new Promise((resolve) => setTimeout(resolve, 500));

      expect(await projectionRows(replica.dataSource)).toHaveLength(1000);
      expect(new Set(rows.map((row) => row.referral_id))).toEqual(
        new Set(events.map((e) => e.data.referralId)),
      );
      expect(await eventsInStream(env)).toBe(1000);
    } finally {
      await replica.close();
      await nats?.stop();
      await rm(storeDir, { recursive: true, force: true });
    }
  });
});
