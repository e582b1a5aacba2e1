import type { EventEnvelope } from '@polku/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Puts a batch of events of any service on their paths' timelines, in the consumer's
 * transaction (docs/meetings.md). Called for every subject: by the access projection's handler
 * for the subjects it consumes, and by TimelineEventsHandler for all others.
 */
export async function projectTimeline(
  em: EntityManager,
  envelopes: readonly EventEnvelope<unknown>[],
): Promise<void> {
  // The timeline is built in the timeline feature (issue 17); until then nothing is kept.
  void em;
  void envelopes;
  await Promise.resolve();
}
