import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  CONSENT_GRANTED_V1,
  CONTEXT_OF_SERVICE,
  healthSubject,
  SERVICE_NAMES,
} from '@polku/contracts';
import { durableName, namespacedSubject, streamNames } from '@polku/messaging';
import { CONSUMED_EVENT_SUBJECTS, PROVISIONER } from '../src';
import { type BusWorld, startBusWorld } from './bus-world';

const NAMESPACE = 'acl';
const EVENTS = streamNames(NAMESPACE).events;
const inNamespace = (subject: string) => namespacedSubject(NAMESPACE, subject);
const ownEventSubject = (service: string) =>
  inNamespace(
    `polku.${CONTEXT_OF_SERVICE[service as keyof typeof CONTEXT_OF_SERVICE]}.test.probed.v1`,
  );

/** Settles with the error a subscription was closed with, or undefined if it stays open. */
async function subscriptionError(nc: NatsConnection, subject: string): Promise<unknown> {
  const subscription = nc.subscribe(subject);
  const closed = subscription.closed.then((result) => result ?? 'closed');
  const open = new Promise((resolve) => setTimeout(() => resolve(undefined), 1_000));
  return Promise.race([closed, open]);
}

async function eventsInStream(world: BusWorld): Promise<number> {
  const jsm = await jetstreamManager((await world.connectAs(PROVISIONER)).nc);
  return (await jsm.streams.info(EVENTS)).state.messages;
}

describe('NATS users and permissions rendered from the matrix (one exact namespace)', () => {
  let world: BusWorld;

  beforeAll(async () => {
    world = await startBusWorld(NAMESPACE);
  });

  afterAll(async () => {
    await world?.close();
  });

  it('refuses a client without credentials', async () => {
    await expect(
      connect({ servers: world.nats.url, reconnect: false, timeout: 3_000 }),
    ).rejects.toThrow(/Authorization Violation/i);
  });

  it("refuses a service user publishing another service's event subject", async () => {
    const intake = await world.connectAs('client-intake');
    const before = await eventsInStream(world);
    await expect(
      jetstream(intake.nc).publish(
        inNamespace(CONSENT_GRANTED_V1.subject.replace('polku.intake.', 'polku.transitions.')),
        '{}',
        { timeout: 2_000 },
      ),
    ).rejects.toThrow(/Permissions Violation for Publish|timeout|no responders/i);
    await expect(
      jetstream(intake.nc).publish(inNamespace('polku.plans.plan.agreed.v1'), '{}', {
        timeout: 2_000,
      }),
    ).rejects.toThrow();
    expect(await eventsInStream(world)).toBe(before);
  });

  it('refuses a service subscribing to >', async () => {
    const plans = await world.connectAs('activation-plans');
    expect(String(await subscriptionError(plans.nc, '>'))).toMatch(
      /Permissions Violation for Subscription/i,
    );
  });

  it("refuses a service subscribing to another service's inbox prefix", async () => {
    const plans = await world.connectAs('activation-plans');
    expect(String(await subscriptionError(plans.nc, '_INBOX_gateway.>'))).toMatch(
      /Permissions Violation for Subscription/i,
    );
    expect(String(await subscriptionError(plans.nc, '_INBOX.>'))).toMatch(
      /Permissions Violation for Subscription/i,
    );
  });

  it('refuses a service creating or deleting a stream and creating a consumer', async () => {
    const transitions = await world.connectAs('transitions');
    await expect(jetstreamManager(transitions.nc)).rejects.toThrow();
    const jsm = await jetstreamManager(transitions.nc, { checkAPI: false, timeout: 2_000 });
    await expect(jsm.streams.add({ name: 'STOLEN', subjects: ['stolen.>'] })).rejects.toThrow();
    await expect(jsm.streams.delete(EVENTS)).rejects.toThrow();
    await expect(
      jsm.consumers.add(EVENTS, { durable_name: 'mine', filter_subject: inNamespace('polku.>') }),
    ).rejects.toThrow();
    // The stream is still there, with nothing added by the attempts.
    const provisioner = await jetstreamManager((await world.connectAs(PROVISIONER)).nc);
    expect((await provisioner.streams.info(EVENTS)).config.name).toBe(EVENTS);
    await expect(provisioner.consumers.info(EVENTS, 'mine')).rejects.toThrow(/not found/i);
  });

  it("refuses a service reading another service's durable consumer", async () => {
    const plans = await world.connectAs('activation-plans');
    await expect(
      jetstream(plans.nc, { timeout: 2_000 }).consumers.get(
        EVENTS,
        durableName('transitions', CONSENT_GRANTED_V1.subject),
      ),
    ).rejects.toThrow();
  });

  it.each(SERVICE_NAMES)('lets %s publish its own event and get the PubAck', async (service) => {
    const link = await world.connectAs(service);
    const ack = await jetstream(link.nc).publish(ownEventSubject(service), '{}', {
      msgID: randomUUID(),
    });
    expect(ack.stream).toBe(EVENTS);
  });

  it.each(SERVICE_NAMES.filter((service) => CONSUMED_EVENT_SUBJECTS[service].length > 0))(
    'lets %s bind to each of its own durables',
    async (service) => {
      const js = jetstream((await world.connectAs(service)).nc);
      for (const subject of CONSUMED_EVENT_SUBJECTS[service]) {
        const consumer = await js.consumers.get(EVENTS, durableName(service, subject));
        expect((await consumer.info(true)).name).toBe(durableName(service, subject));
      }
    },
  );

  it('lets a consumer pull and ack an event another service published', async () => {
    const intake = await world.connectAs('client-intake');
    await jetstream(intake.nc).publish(inNamespace(CONSENT_GRANTED_V1.subject), '{"n":1}', {
      msgID: randomUUID(),
    });
    const transitions = await world.connectAs('transitions');
    const consumer = await jetstream(transitions.nc).consumers.get(
      EVENTS,
      durableName('transitions', CONSENT_GRANTED_V1.subject),
    );
    const message = await consumer.next({ expires: 5_000 });
    expect(message?.string()).toBe('{"n":1}');
    expect(await message?.ackAck()).toBe(true);
  });

  it.each([healthSubject('activation-plans'), 'polku-rpc.activation-plans.get-plan.v1'])(
    'lets the gateway ask %s and the service answer',
    async (request) => {
      const plans = await world.connectAs('activation-plans');
      const subject = inNamespace(request);
      const subscription = plans.nc.subscribe(subject, {
        queue: 'activation-plans',
        callback: (_error, msg) => {
          msg.respond('"up"');
        },
      });
      await plans.nc.flush();
      const gateway = await world.connectAs('gateway');
      const reply = await gateway.nc.request(subject, '{}', { timeout: 3_000 });
      expect(reply.string()).toBe('"up"');
      subscription.unsubscribe();
    },
  );

  it('refuses a service sending requests (only the gateway asks)', async () => {
    const transitions = await world.connectAs('transitions');
    const subject = inNamespace(healthSubject('transitions'));
    const subscription = transitions.nc.subscribe(subject, {
      callback: (_error, msg) => {
        msg.respond('"up"');
      },
    });
    await transitions.nc.flush();
    const intake = await world.connectAs('client-intake');
    await expect(intake.nc.request(subject, '{}', { timeout: 1_000 })).rejects.toThrow();
    subscription.unsubscribe();
  });
});
