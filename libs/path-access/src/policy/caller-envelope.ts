import { emitterOf, type Principal } from '@polku/auth';
import type { EnvelopeEmitter } from '@polku/contracts';
import { envelopeBasisOf, type AccessBasis } from './path-access-policy';

/** The envelope fields every event of a path shares, without its payload. */
export interface PathEventEnvelope {
  readonly pathId: string;
  readonly clientRef: string;
  readonly emitter: EnvelopeEmitter;
  readonly correlationId?: string;
  readonly consentRef?: string;
  readonly legalBasis?: string;
}

/**
 * The envelope of an event a caller caused: who emitted it, and the basis the caller's access
 * was allowed on (the client's consent or a law), exactly one of consentRef and legalBasis.
 */
export function callerEnvelope(options: {
  readonly pathId: string;
  readonly clientRef: string;
  readonly principal: Principal;
  readonly basis: AccessBasis;
  /** The plan, measure or hand-off the event belongs to, so its events read as one chain. */
  readonly correlationId?: string;
}): PathEventEnvelope {
  return {
    pathId: options.pathId,
    clientRef: options.clientRef,
    emitter: emitterOf(options.principal),
    ...(options.correlationId === undefined ? {} : { correlationId: options.correlationId }),
    ...envelopeBasisOf(options.basis),
  };
}
