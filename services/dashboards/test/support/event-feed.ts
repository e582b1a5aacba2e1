import { jetstream } from '@nats-io/jetstream';
import { CONSUMED_EVENT_SUBJECTS, natsLinkOptionsFor } from '@polku/bus-permissions';
import type { ServiceConfig } from '@polku/config';
import { namespacedSubject, NatsLink } from '@polku/messaging';
import { ownerOfSubject } from '@polku/testing';
import type { SyntheticEvent } from '@polku/testing/dashboards';
import type { DataSource } from 'typeorm';

// A synthetic event set (@polku/testing/dashboards) fed to the service through JetStream, as
// the owning services' relays would publish it, and the wait until the service has it all.

/** The events the dashboards consume (the others would never reach the service). */
export function consumedBy(events: readonly SyntheticEvent[]): SyntheticEvent[] {
  const consumed = new Set<string>(CONSUMED_EVENT_SUBJECTS.dashboards);
  return events.filter((event) => consumed.has(event.subject));
}

/**
 * Publishes the events in the given order as their owning services' relays do: the envelope
 * on its subject from the owner's NATS user, Nats-Msg-Id the event id; up to `window`
 * publishes in flight.
 */
export async function publishEvents(
  config: ServiceConfig,
  events: readonly SyntheticEvent[],
  window = 200,
): Promise<void> {
  const links = new Map<string, NatsLink>();
  const streams = new Map<string, Promise<ReturnType<typeof jetstream>>>();
  const streamOf = (subject: string) => {
    const owner = ownerOfSubject(subject);
    let stream = streams.get(owner);
    if (stream === undefined) {
      const link = new NatsLink(
        natsLinkOptionsFor({ ...config, NODE_ENV: 'test' }, owner, 'polku-test-publisher'),
      );
      links.set(owner, link);
      stream = link.connect().then((nc) => jetstream(nc));
      streams.set(owner, stream);
    }
    return stream;
  };
  try {
    for (let start = 0; start < events.length; start += window) {
      await Promise.all(
        events
          .slice(start, start + window)
          .map(async ({ subject, envelope }) =>
            (await streamOf(subject)).publish(
              namespacedSubject(config.NATS_NAMESPACE, subject),
              JSON.stringify(envelope),
              { msgID: envelope.id },
            ),
          ),
      );
    }
  } finally {
    await Promise.all([...links.values()].map((link) => link.close()));
  }
}

/**
 * Waits until every one of the events is in the service's inbox (so its facts are written:
 * inbox rows and facts commit together); fails at once on a dead letter.
 */
export async function waitForProjected(
  dataSource: DataSource,
  events: readonly SyntheticEvent[],
  timeoutMs = 120_000,
): Promise<void> {
  const ids = consumedBy(events).map((event) => event.envelope.id);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dead = await dataSource.query<{ subject: string; error: string }[]>(
      'SELECT subject, error FROM dead_letter LIMIT 3',
    );
    if (dead.length > 0) {
      throw new Error(
        `dead letter: ${dead.map((row) => `${row.subject}: ${row.error}`).join('\n')}`,
      );
    }
    const [row] = await dataSource.query<{ n: number }[]>(
      'SELECT count(DISTINCT message_id)::int AS n FROM inbox_message WHERE message_id = ANY($1)',
      [ids],
    );
    if (row.n === ids.length) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out: ${row.n} of ${ids.length} events projected`);
    }
    await new Promise((done) => setTimeout(done, 250));
  }
}
