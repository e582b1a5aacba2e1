import { CLIENT_REFERRED_V1 } from '@polku/contracts';
import { loadConfig, ServiceConfig } from '@polku/config';
import { durableName, rebuildProjection, streamNames } from '@polku/messaging';
import { openServiceDataSource } from '@polku/persistence';
import { waitFor } from '@polku/testing';
import {
  backboneTestEnv,
  clientReferred,
  commitEvents,
  eventsInStream,
  projectionRows,
  ProducerOnlyModule,
  startReplica,
  waitForRows,
  operatorLinkFor,
} from './backbone-harness';
import { FIXTURE_MIGRATIONS, handlerFaults } from './referral-projection.fixture';

describe('event backbone consumers and replay', () => {
  beforeEach(() => handlerFaults.reset());

  it('should deliver every earlier event to a consumer that starts after they were published', async () => {
    const env = backboneTestEnv();
    const producer = await startReplica(env, ProducerOnlyModule);
    const events = Array.from({ length: 25 }, () => clientReferred());
    try {
      await commitEvents(producer, events);
      await waitFor(async () => (await eventsInStream(env)) === 25, {
        description: '25 events in the stream',
      });
    } finally {
      await producer.close();
    }

    const consumer = await startReplica(env);
    try {
      const rows = await waitForRows(consumer, 25);
      expect(rows.map((row) => row.referral_id).sort()).toEqual(
        events.map((e) => e.data.referralId).sort(),
      );
    } finally {
      await consumer.close();
    }
  });

  it('should process every event exactly once overall when two replicas consume', async () => {
    const env = backboneTestEnv();
    const [first, second] = [await startReplica(env), await startReplica(env)];
    try {
      const events = Array.from({ length: 200 }, () => clientReferred());
      // Both replicas write (and relay) half of the events, as behind a load balancer.
      await Promise.all([
        commitEvents(first, events.slice(0, 100)),
        commitEvents(second, events.slice(100)),
      ]);
      const rows = await waitForRows(first, 200);
      // A deliberate window, not a wait for a condition: no condition marks "no duplicate will
      // come". It is longer than a redelivery takes, so a second application would show.
      await new Promise((resolve) => setTimeout(resolve, 500));

      const final = await projectionRows(first.dataSource);
      expect(final).toHaveLength(200);
      expect(new Set(final.map((row) => row.event_id)).size).toBe(200);
      expect(rows.length).toBe(200);
      expect(await eventsInStream(env)).toBe(200);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('should rebuild the same projection rows by replaying the stream into empty tables', async () => {
    const env = backboneTestEnv();
    let replica = await startReplica(env);
    let live: Awaited<ReturnType<typeof projectionRows>>;
    try {
      await commitEvents(
        replica,
        Array.from({ length: 40 }, () => clientReferred()),
      );
      live = await waitForRows(replica, 40);
    } finally {
      await replica.close();
    }

    const config = loadConfig(ServiceConfig, env);
    const dataSource = await openServiceDataSource({
      service: 'client-intake',
      config,
      entities: [],
      migrations: FIXTURE_MIGRATIONS,
    });
    const link = operatorLinkFor(env, 'polku-test-rebuild');
    try {
      await rebuildProjection({
        dataSource,
        link,
        stream: streamNames(env.NATS_NAMESPACE).events,
        durables: [durableName('client-intake', CLIENT_REFERRED_V1.subject)],
        tables: ['test_referral_projection'],
      });
      expect(await projectionRows(dataSource)).toEqual([]);
    } finally {
      await link.close();
      await dataSource.destroy();
    }

    replica = await startReplica(env);
    try {
      const replayed = await waitForRows(replica, 40);
      expect(replayed).toEqual(live);
    } finally {
      await replica.close();
    }
  });
});
