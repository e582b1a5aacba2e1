import { jetstreamManager } from '@nats-io/jetstream';
import type { EventEnvelope } from '@polku/contracts';
import { streamNames } from '@polku/messaging';
import { testServiceConfig, testToolsLink } from '@polku/testing';

/** Every event in a run's event stream, oldest first, as the envelopes the services wrote. */
export async function streamEvents(
  env: Readonly<Record<string, string>>,
): Promise<EventEnvelope[]> {
  // Reading messages directly is no service's right: the test tools' user does it.
  const link = testToolsLink(testServiceConfig({ ...env }), 'polku-test-stream-reader');
  try {
    const jsm = await jetstreamManager(await link.connect());
    const stream = streamNames(env.NATS_NAMESPACE).events;
    const { state } = await jsm.streams.info(stream);
    const events: EventEnvelope[] = [];
    for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq += 1) {
      const message = await jsm.streams.getMessage(stream, { seq });
      if (message) {
        events.push(message.json<EventEnvelope>());
      }
    }
    return events;
  } finally {
    await link.close();
  }
}
