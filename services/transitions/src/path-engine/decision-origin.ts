import { systemEmitter, type Principal } from '@polku/auth';
import type { EventEnvelope } from '@polku/contracts';
import { type AccessBasis, callerEnvelope, type PathEventEnvelope } from '@polku/path-access';

/** What caused a decision: who the events it emits are from, and on what basis. */
export type DecisionOrigin =
  | {
      readonly kind: 'CALLER';
      readonly principal: Principal;
      /**
       * The basis the caller's access to the path was allowed on. Absent for organisation-level
       * commands (a manager announcing a funding end sees no path): the path's own basis then.
       */
      readonly basis?: AccessBasis;
    }
  | { readonly kind: 'EVENT'; readonly envelope: EventEnvelope<unknown> }
  | { readonly kind: 'TIMER'; readonly timerKind: string };

/**
 * The emitter of events a consumed event causes: this service, not the other service's actor.
 * Its id is in stored events, so it keeps the old name.
 */
export const PATH_EVENTS_EMITTER = systemEmitter('transitions:path-course');

/** The envelope fields of an event the decision emits, before its payload. */
export function envelopeFor(
  origin: DecisionOrigin,
  path: {
    readonly pathId: string;
    readonly clientRef: string;
    readonly basis: AccessBasis;
    readonly correlationId: string;
  },
): PathEventEnvelope & { readonly causationId?: string } {
  switch (origin.kind) {
    case 'CALLER':
      return callerEnvelope({
        pathId: path.pathId,
        clientRef: path.clientRef,
        principal: origin.principal,
        basis: origin.basis ?? path.basis,
        correlationId: path.correlationId,
      });
    case 'EVENT':
      return {
        ...systemEnvelope(PATH_EVENTS_EMITTER, path),
        causationId: origin.envelope.id,
      };
    case 'TIMER':
      return systemEnvelope(systemEmitter(`transitions:${origin.timerKind}`), path);
  }
}

function systemEnvelope(
  emitter: PathEventEnvelope['emitter'],
  path: { pathId: string; clientRef: string; basis: AccessBasis; correlationId: string },
): PathEventEnvelope {
  return {
    pathId: path.pathId,
    clientRef: path.clientRef,
    emitter,
    correlationId: path.correlationId,
    ...(path.basis.kind === 'CONSENT'
      ? { consentRef: path.basis.consentId }
      : { legalBasis: path.basis.code }),
  };
}
