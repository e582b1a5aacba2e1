import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { CONSUMED_EVENT_SUBJECTS, natsLinkOptionsFor } from '@polku/bus-permissions';
import type { ServiceConfig } from '@polku/config';
import { CONTEXT_OF_SERVICE, SERVICE_NAMES, type ServiceName } from '@polku/contracts';
import { namespacedSubject, NatsLink } from '@polku/messaging';
import { syntheticClients } from '@polku/testing/dashboards';
import { perSecond } from '../stats';
import type { DashboardsOptions } from './dashboards-options';

/** What filling the stream made. */
export interface PublishResult {
  readonly paths: number;
  /** Every event the set's paths have, consumed by the dashboards or not. */
  readonly generated: number;
  /** The events published: those the dashboards consume (the others would only wait). */
  readonly published: number;
  readonly seconds: number;
  readonly perSecond: number;
}

/** The service whose context is the subject's second token, which alone may publish it. */
function ownerOf(subject: string): ServiceName {
  const owner = SERVICE_NAMES.find(
    (service) => CONTEXT_OF_SERVICE[service] === subject.split('.')[1],
  );
  if (owner === undefined) {
    throw new Error(`no service owns ${subject}`);
  }
  return owner;
}

/**
 * Generates the synthetic set client by client (never all of it in memory) and publishes the
 * events the dashboards consume as their owning services' relays do: the envelope on its
 * subject from the owner's NATS user, Nats-Msg-Id the event id, `window` publishes in flight.
 */
export async function fillStream(
  config: ServiceConfig,
  options: DashboardsOptions,
  now: Date,
  say: (line: string) => void,
): Promise<PublishResult> {
  const consumed = new Set<string>(CONSUMED_EVENT_SUBJECTS.dashboards);
  const links: NatsLink[] = [];
  const clients = new Map<ServiceName, Promise<JetStreamClient>>();
  const streamOf = (owner: ServiceName) => {
    let client = clients.get(owner);
    if (client === undefined) {
      const link = new NatsLink(natsLinkOptionsFor(config, owner, 'polku-bench-publisher'));
      links.push(link);
      client = link.connect().then((nc) => jetstream(nc));
      clients.set(owner, client);
    }
    return client;
  };
  let paths = 0;
  let generated = 0;
  let published = 0;
  let inFlight: Promise<unknown>[] = [];
  const started = performance.now();
  let reported = started;
  try {
    for (const client of syntheticClients({
      seed: options.seed,
      paths: options.paths,
      orgs: options.orgs,
      spanDays: options.spanDays,
      now,
      // The consumer validates every event it receives; a broken one would be a dead letter.
      validate: false,
    })) {
      paths += client.pathIds.length;
      generated += client.events.length;
      for (const { subject, envelope } of client.events) {
        if (!consumed.has(subject)) {
          continue;
        }
        const js = await streamOf(ownerOf(subject));
        const publishing = js.publish(
          namespacedSubject(config.NATS_NAMESPACE, subject),
          JSON.stringify(envelope),
          { msgID: envelope.id },
        );
        // Awaited with its window below; until then a failure must not end the process.
        publishing.catch(() => undefined);
        inFlight.push(publishing);
        published += 1;
        if (inFlight.length >= options.window) {
          await Promise.all(inFlight);
          inFlight = [];
        }
      }
      if (performance.now() - reported > 10_000) {
        reported = performance.now();
        say(`published ${published} events of ${paths} paths…`);
      }
    }
    await Promise.all(inFlight);
  } finally {
    await Promise.all(links.map((link) => link.close()));
  }
  const ms = performance.now() - started;
  return {
    paths,
    generated,
    published,
    seconds: Number((ms / 1000).toFixed(1)),
    perSecond: perSecond(published, ms),
  };
}
