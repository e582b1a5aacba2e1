import { jetstreamManager } from '@nats-io/jetstream';
import { streamNames } from '@polku/messaging';
import { testServiceConfig, testToolsLink } from '@polku/testing';
import { MODEL_SERVICES, type ServiceDatabases } from './service-databases';

// Quiet: nothing is on its way anywhere. Every service's outbox is drained (no unpublished
// outbox_message row), and every JetStream consumer has nothing pending and nothing delivered
// but unacknowledged. A failed event waits for its next attempt nakked with a delay
// (libs/messaging consumer/retry-policy.ts), which JetStream counts as ack-pending, so quiet also
// means no retry is under way; a run starts the services with short retry delays
// (EVENT_RETRY_BASE_MS, EVENT_RETRY_MAX_MS) so that the EVENT_MAX_ATTEMPTS attempts end quickly.
// Quiet must hold for a whole window longer than the longest retry delay: an event handled
// now may write a follow-up event to its service's outbox a moment later.

export interface QuietOptions {
  /** Quiet must hold this long (ms) to count: longer than EVENT_RETRY_MAX_MS. */
  readonly settleMs: number;
  /** Give up after this long (ms). */
  readonly timeoutMs: number;
}

/** What was still busy at the last look. */
interface Busy {
  readonly outbox: Record<string, number>;
  readonly consumers: Record<string, { pending: number; ackPending: number }>;
}

export async function waitForQuiet(
  env: Readonly<Record<string, string>>,
  databases: ServiceDatabases,
  options: QuietOptions,
): Promise<void> {
  const link = testToolsLink(testServiceConfig({ ...env }), 'polku-path-model-quiet');
  try {
    const jsm = await jetstreamManager(await link.connect());
    const stream = streamNames(env.NATS_NAMESPACE).events;
    const deadline = Date.now() + options.timeoutMs;
    let quietSince: number | undefined;
    let busy: Busy | undefined;
    while (Date.now() < deadline) {
      busy = await busyNow(jsm, stream, databases);
      if (busy === undefined) {
        quietSince ??= Date.now();
        if (Date.now() - quietSince >= options.settleMs) {
          return;
        }
      } else {
        quietSince = undefined;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(
      `the system did not become quiet in ${options.timeoutMs} ms: ${JSON.stringify(busy)}`,
    );
  } finally {
    await link.close();
  }
}

async function busyNow(
  jsm: Awaited<ReturnType<typeof jetstreamManager>>,
  stream: string,
  databases: ServiceDatabases,
): Promise<Busy | undefined> {
  const outbox: Record<string, number> = {};
  for (const service of MODEL_SERVICES) {
    // The gateway writes no events of its own; a service without an outbox has nothing to send.
    const [{ present }] = await databases[service].query<{ present: boolean }[]>(
      `SELECT to_regclass('outbox_message') IS NOT NULL AS present`,
    );
    if (!present) {
      continue;
    }
    const [{ unpublished }] = await databases[service].query<{ unpublished: number }[]>(
      'SELECT count(*)::int AS unpublished FROM outbox_message WHERE published_at IS NULL',
    );
    if (unpublished > 0) {
      outbox[service] = unpublished;
    }
  }
  const consumers: Busy['consumers'] = {};
  for await (const info of jsm.consumers.list(stream)) {
    if (info.num_pending > 0 || info.num_ack_pending > 0) {
      consumers[info.name] = { pending: info.num_pending, ackPending: info.num_ack_pending };
    }
  }
  return Object.keys(outbox).length === 0 && Object.keys(consumers).length === 0
    ? undefined
    : { outbox, consumers };
}
