import type { Type } from '@nestjs/common';
import { CLIENT_REFERRED_V1, type EventEnvelope } from '@polku/contracts';
import {
  eventBatchController,
  type BatchEventSubscription,
  type ReceivedEvent,
} from '@polku/messaging';
import type { EntityManager } from 'typeorm';
import { recordPathClientRefs } from './path-client-refs';
import { PATH_ACCESS_EVENT_SUBJECTS, projectPathAccessEvents } from './project-path-access-events';

/** How a service keeps its access projection. */
export interface PathAccessProjectionOptions {
  /**
   * Subjects of PATH_ACCESS_EVENT_SUBJECTS the service does not consume, because it records
   * their facts itself in the transaction that writes the event (access follows at once).
   */
  readonly except?: readonly string[];
  /** Also remember each path's client reference (needs the `path_client_ref` table). */
  readonly recordClientRefs?: boolean;
  /**
   * Another projection of the same events, applied in the same transaction after access: a
   * service that projects these subjects for its own purposes too (network-meetings' timeline)
   * cannot have a second durable consumer on them.
   */
  readonly alsoProject?: (
    em: EntityManager,
    envelopes: readonly EventEnvelope<unknown>[],
  ) => Promise<void>;
}

function subjectsOf(options: PathAccessProjectionOptions): string[] {
  return PATH_ACCESS_EVENT_SUBJECTS.filter((subject) => !options.except?.includes(subject));
}

async function projectBatch(
  em: EntityManager,
  batch: { events: readonly ReceivedEvent[]; options: PathAccessProjectionOptions },
): Promise<void> {
  const { events, options } = batch;
  const envelopes = events.map((event) => event.envelope);
  if (options.recordClientRefs === true) {
    const referred = envelopes.filter((envelope) => envelope.type === CLIENT_REFERRED_V1.type);
    if (referred.length > 0) {
      await recordPathClientRefs(em, referred);
    }
  }
  await projectPathAccessEvents(em, envelopes);
  if (options.alsoProject !== undefined) {
    await options.alsoProject(em, envelopes);
  }
}

/**
 * The access projection's durable consumers for a process that starts its own (the gateway):
 * one batch subscription per subject of PATH_ACCESS_EVENT_SUBJECTS. The consumer host applies
 * each batch in one transaction with its inbox rows (exactly once) and dead-letters an event
 * that keeps failing.
 */
export function pathAccessSubscriptions(
  options: PathAccessProjectionOptions = {},
): BatchEventSubscription[] {
  return subjectsOf(options).map((subject) => ({
    subject,
    handleBatch: (events, em) => projectBatch(em, { events, options }),
  }));
}

/**
 * The access projection as a Nest controller for a service's app module: one @EventBatchPattern
 * handler per subject of PATH_ACCESS_EVENT_SUBJECTS, so a service names no subject itself.
 * Batches get the same exactly-once and dead-letter guarantees as single events.
 */
export function pathAccessProjectionHandler(options: PathAccessProjectionOptions = {}): Type {
  return eventBatchController({
    subjects: subjectsOf(options),
    handle: (events, em) => projectBatch(em, { events, options }),
  });
}
