import type { Logger } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import type { JetStreamConsumerHost } from '../consumer/jetstream-consumer.host';
import { awaitProcessedEvents, type AwaitOutcome } from './await-processed-events';

/**
 * Read your own writes: before a request's handler runs, waits until this service's consumers
 * have processed the events the caller wrote moments ago (named in the signed token). On
 * timeout the handler runs anyway: a possibly stale answer the caller can retry beats failing
 * every request while a consumer is stuck (docs/adr/0015-read-your-own-writes.md). Answers
 * undefined when there was nothing to wait for.
 */
export async function awaitCallersWrites({
  pattern,
  ids,
  host,
  timeoutMs,
  logger,
}: {
  readonly pattern: string;
  readonly ids: readonly string[];
  readonly host: JetStreamConsumerHost;
  readonly timeoutMs: number;
  readonly logger: Logger;
}): Promise<AwaitOutcome | undefined> {
  if (ids.length === 0) {
    return undefined;
  }
  const started = performance.now();
  let failure: string | undefined;
  const outcome = await awaitProcessedEvents({
    ids,
    processedAmong: (missing) => host.processedAmong(missing),
    timeoutMs,
  }).catch((error: unknown) => {
    // The database is where the handler is going anyway; it will answer for itself.
    failure = error instanceof Error ? error.message : String(error);
    return 'timed-out' as const;
  });
  const waitedMs = Math.round(performance.now() - started);
  trace.getActiveSpan()?.addEvent('awaited own writes', {
    'polku.awaited.count': ids.length,
    'polku.awaited.outcome': outcome,
    'polku.awaited.ms': waitedMs,
  });
  if (failure !== undefined) {
    logger.warn(
      `${pattern}: could not check the ${ids.length} event(s) the caller wrote (${failure}); ` +
        'running the request anyway',
    );
  } else if (outcome === 'timed-out') {
    logger.warn(
      `${pattern}: ${ids.length} event(s) the caller wrote were not consumed here after ` +
        `${waitedMs} ms; running the request anyway (READ_YOUR_WRITES_WAIT_MS)`,
    );
  }
  return outcome;
}
