import { Injectable } from '@nestjs/common';
import {
  OWNERSHIP_TRANSFERRED_V1,
  HANDOFF_ACCEPTED_V1,
  HANDOFF_DECLINED_V1,
  HANDOFF_PROPOSED_V1,
  type EventSubject,
} from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { type AccessBasis, clientRefOfPath, projectPathAccessEvents } from '@polku/path-access';
import type { EntityManager } from 'typeorm';
import type { PathEvent, PathState, PathSummary } from '../path';
import {
  contractEventOf,
  nextStepSetOf,
  type CommandDetails,
  type ContractEvent,
} from './contract-events';
import { envelopeFor, type DecisionOrigin } from './decision-origin';

// This service writes these events of the access projection itself, so it records them in the
// same transaction instead of consuming them back: the receiver of a hand-off sees the path,
// and the new owner owns it, the moment the command commits.
const OWN_ACCESS_SUBJECTS: readonly EventSubject[] = [
  HANDOFF_PROPOSED_V1.subject,
  HANDOFF_ACCEPTED_V1.subject,
  HANDOFF_DECLINED_V1.subject,
  OWNERSHIP_TRANSFERRED_V1.subject,
];

/** A hand-off's events read as one chain; every other event belongs to the path's. */
function correlationIdOf(event: PathEvent, pathId: string): string {
  return 'handoffId' in event.data ? event.data.handoffId : pathId;
}

/**
 * Writes the events a decision emits to the outbox, in the caller's transaction, each with the
 * envelope its origin gives and the payload its contract wants.
 */
@Injectable()
export class PathEventWriter {
  constructor(private readonly outbox: OutboxWriter) {}

  async write(
    em: EntityManager,
    options: {
      readonly events: readonly PathEvent[];
      /** Where the path stands now, when the decision changed it: NextStepSet, written last. */
      readonly summary?: PathSummary | null;
      readonly state: PathState;
      readonly origin: DecisionOrigin;
      readonly pathBasis: AccessBasis;
      readonly details: CommandDetails;
    },
  ): Promise<void> {
    const { pathId } = options.state;
    const now = new Date();
    const written: { readonly event: ContractEvent; readonly correlationId: string }[] =
      options.events.map((event) => ({
        event: contractEventOf(event, { details: options.details, state: options.state, now }),
        correlationId: correlationIdOf(event, pathId),
      }));
    if (options.summary) {
      written.push({
        event: nextStepSetOf(options.summary, options.state),
        correlationId: pathId,
      });
    }
    if (written.length === 0) {
      return;
    }
    const clientRef = await clientRefOfPath(em, pathId);
    for (const { event, correlationId } of written) {
      const { subject, data } = event;
      const envelope = await this.outbox.append(em, subject, {
        ...envelopeFor(options.origin, {
          pathId,
          clientRef,
          basis: options.pathBasis,
          correlationId,
        }),
        occurredAt: now,
        // contractEventOf checked the payload against its subject's type.
        data: data as never,
      });
      if (OWN_ACCESS_SUBJECTS.includes(subject)) {
        await projectPathAccessEvents(em, [envelope]);
      }
    }
  }
}
