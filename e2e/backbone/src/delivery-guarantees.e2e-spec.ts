import { jetstream } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { CLIENT_REFERRED_V1 } from '@polku/contracts';
import { namespacedSubject, redriveDeadLetters } from '@polku/messaging';
import { waitFor } from '@polku/testing';
import {
  backboneTestEnv,
  clientReferred,
  commitEvents,
  eventsInStream,
  projectionRows,
  startReplica,
  type BackboneReplica,
  operatorLinkFor,
  testToolsLinkFor,
} from './backbone-harness';
import { handlerFaults } from './referral-projection.fixture';

describe('event backbone delivery guarantees', () => {
  let env: Record<string, string>;
  let replica: BackboneReplica;

  beforeEach(async () => {
    handlerFaults.reset();
    env = backboneTestEnv();
    replica = await startReplica(env);
  });

  afterEach(async () => {
    await replica.close();
  });

  it('should never publish an event when its business transaction rolls back', async () => {
    const event = clientReferred();
    await expect(
      replica.dataSource.transaction(async (em) => {
        await replica.writer.append(em, CLIENT_REFERRED_V1.subject, event);
        throw new Error('the business rule failed after the event was written');
      }),
    ).rejects.toThrow('the business rule failed');
    // A committed marker event proves the relay ran after the rolled-back one would have.
    const marker = clientReferred();
    await commitEvents(replica, [marker]);
    await waitFor(
      async () => (await projectionRows(replica.dataSource, marker.data.referralId)).length === 1,
      {
        description: 'the marker event to be processed',
      },
    );

    expect(await projectionRows(replica.dataSource, event.data.referralId)).toEqual([]);
    expect(await eventsInStream(env)).toBe(1);
  });

  it('should apply an event once when it is published twice, inside and outside the duplicate window', async () => {
    const event = clientReferred();
    const [eventId] = await commitEvents(replica, [event]);
    await waitFor(
      async () => (await projectionRows(replica.dataSource, event.data.referralId)).length === 1,
      {
        description: 'the first delivery',
      },
    );
    const [row] = await replica.dataSource.query<{ payload: unknown }[]>(
      'SELECT payload FROM outbox_message WHERE id = $1',
      [eventId],
    );
    const link = testToolsLinkFor(env, 'polku-test-republisher');
    try {
      const js = jetstream(await link.connect());
      const subject = namespacedSubject(env.NATS_NAMESPACE, CLIENT_REFERRED_V1.subject);
      // Inside the window: same Nats-Msg-Id, dropped by the server.
      const inside = await js.publish(subject, JSON.stringify(row.payload), { msgID: eventId });
      expect(inside.duplicate).toBe(true);
      // Outside the window (a different Nats-Msg-Id, as after the window expired): stored again,
      // and the consumer's inbox must catch it.
      const outside = await js.publish(subject, JSON.stringify(row.payload), {
        msgID: `${eventId}-after-window`,
        headers: natsHeaders(),
      });
      expect(outside.duplicate).toBe(false);
      const marker = clientReferred();
      await commitEvents(replica, [marker]);
      await waitFor(
        async () => (await projectionRows(replica.dataSource, marker.data.referralId)).length === 1,
        {
          description: 'a later event to be processed after the duplicate',
        },
      );
    } finally {
      await link.close();
    }

    expect(await projectionRows(replica.dataSource, event.data.referralId)).toHaveLength(1);
    expect(await eventsInStream(env)).toBe(3);
  });

  it('should apply an event exactly once when its handler throws three times and then succeeds', async () => {
    const event = clientReferred();
    handlerFaults.throwTimes.set(event.data.referralId, 3);
    await commitEvents(replica, [event]);

    await waitFor(
      async () => (await projectionRows(replica.dataSource, event.data.referralId)).length === 1,
      {
        description: 'the fourth attempt to succeed',
      },
    );
    expect(handlerFaults.attempts.get(event.data.referralId)).toBe(4);
    // The handler is told which delivery it is handling: the same stored event, redelivered. A
    // delivery whose handler throws runs it twice: in the batch's optimistic pass, then in the
    // guarded one (with savepoints), where the second failure sends the event back.
    const deliveries = handlerFaults.deliveries.get(event.data.referralId) ?? [];
    expect(deliveries.map((delivery) => delivery.deliveryCount)).toEqual([1, 1, 2, 2]);
    expect(new Set(deliveries.map((delivery) => delivery.streamSequence)).size).toBe(1);
    expect(new Set(deliveries.map((delivery) => delivery.storedAt.getTime())).size).toBe(1);
    expect(Math.abs(deliveries[0].storedAt.getTime() - Date.now())).toBeLessThan(60_000);
    const deadLetters = await replica.dataSource.query('SELECT id FROM dead_letter');
    expect(deadLetters).toEqual([]);
  });

  it('should keep the effects of the rest of a batch exactly once when one handler in it fails', async () => {
    // One business transaction: the relay publishes the three together and the consumer takes
    // them as one batch, so the failure aborts the optimistic pass and the batch runs again.
    const [first, failing, last] = [clientReferred(), clientReferred(), clientReferred()];
    handlerFaults.throwTimes.set(failing.data.referralId, 1);
    await commitEvents(replica, [first, failing, last]);

    for (const event of [first, failing, last]) {
      await waitFor(
        async () => (await projectionRows(replica.dataSource, event.data.referralId)).length === 1,
        { description: 'every event of the batch to be applied' },
      );
    }
    for (const event of [first, failing, last]) {
      expect(await projectionRows(replica.dataSource, event.data.referralId)).toHaveLength(1);
    }
    const inbox = await replica.dataSource.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM inbox_message',
    );
    expect(inbox[0].count).toBe(3);
    // Its failed attempt left nothing behind; the second call (the guarded pass) wrote the row.
    expect(handlerFaults.attempts.get(failing.data.referralId)).toBe(2);
    expect(await replica.dataSource.query('SELECT id FROM dead_letter')).toEqual([]);
  });

  it('should dead-letter an event whose handler always throws, keep later events flowing, and apply it once after redrive', async () => {
    const poisoned = clientReferred();
    const later = [clientReferred(), clientReferred(), clientReferred()];
    handlerFaults.alwaysThrow.add(poisoned.data.referralId);
    await commitEvents(replica, [poisoned]);
    await commitEvents(replica, later);

    const [deadLetter] = await waitFor(
      async () => {
        const rows = await replica.dataSource.query<
          {
            id: string;
            consumer: string;
            attempts: number;
            error: string;
            payload: string;
            headers: Record<string, string>;
          }[]
        >('SELECT id, consumer, attempts, error, payload, headers FROM dead_letter');
        return rows.length === 1 ? rows : undefined;
      },
      { description: 'a dead-letter row' },
    );
    expect(deadLetter.attempts).toBe(5);
    expect(deadLetter.error).toContain('the projection store rejected the row');
    expect(JSON.parse(deadLetter.payload).data.referralId).toBe(poisoned.data.referralId);
    for (const event of later) {
      await waitFor(
        async () => (await projectionRows(replica.dataSource, event.data.referralId)).length === 1,
        {
          description: 'later events to flow past the failing one',
        },
      );
    }
    expect(await projectionRows(replica.dataSource, poisoned.data.referralId)).toEqual([]);

    handlerFaults.alwaysThrow.delete(poisoned.data.referralId);
    const link = operatorLinkFor(env, 'polku-test-redrive');
    try {
      const redrive = () =>
        redriveDeadLetters({ dataSource: replica.dataSource, link, namespace: env.NATS_NAMESPACE });
      expect(await redrive()).toBe(1);
      await waitFor(
        async () =>
          (await projectionRows(replica.dataSource, poisoned.data.referralId)).length === 1,
        {
          description: 'the redriven event to be applied',
        },
      );
      // Redriving again finds nothing open.
      expect(await redrive()).toBe(0);
    } finally {
      await link.close();
    }
    expect(await projectionRows(replica.dataSource, poisoned.data.referralId)).toHaveLength(1);
  });

  it('should dead-letter a payload that fails its contract without crashing or losing later events', async () => {
    const link = testToolsLinkFor(env, 'polku-test-bad-producer');
    try {
      const js = jetstream(await link.connect());
      const valid = clientReferred();
      const [eventId] = await commitEvents(replica, [valid]);
      const [row] = await replica.dataSource.query<
        { payload: { data: Record<string, unknown> } }[]
      >('SELECT payload FROM outbox_message WHERE id = $1', [eventId]);
      const broken = {
        ...row.payload,
        id: '0190a3b1-0000-7000-8000-000000000001',
        data: { ...row.payload.data, requestedMeasure: 'CAKE_TASTING' },
      };
      await js.publish(
        namespacedSubject(env.NATS_NAMESPACE, CLIENT_REFERRED_V1.subject),
        JSON.stringify(broken),
        {
          msgID: 'broken-1',
        },
      );
      await js.publish(
        namespacedSubject(env.NATS_NAMESPACE, CLIENT_REFERRED_V1.subject),
        'not json at all',
        {
          msgID: 'broken-2',
        },
      );
      const after = clientReferred();
      await commitEvents(replica, [after]);

      await waitFor(
        async () => (await projectionRows(replica.dataSource, after.data.referralId)).length === 1,
        {
          description: 'the event after the bad payloads',
        },
      );
      const deadLetters = await waitFor(
        async () => {
          const rows = await replica.dataSource.query<{ message_id: string; error: string }[]>(
            'SELECT message_id, error FROM dead_letter ORDER BY id',
          );
          return rows.length === 2 ? rows : undefined;
        },
        { description: 'two dead-letter rows' },
      );
      expect(deadLetters[0]).toMatchObject({ message_id: 'broken-1' });
      expect(deadLetters[0].error).toMatch(/requestedMeasure/);
      expect(deadLetters[1]).toMatchObject({
        message_id: 'broken-2',
        error: 'payload is not JSON',
      });
      expect(await projectionRows(replica.dataSource, valid.data.referralId)).toHaveLength(1);
    } finally {
      await link.close();
    }
  });
});
