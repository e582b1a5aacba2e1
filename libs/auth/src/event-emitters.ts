import type { EnvelopeEmitter } from '@polku/contracts';
import { envelopeBasisOf, type AccessBasis } from './path-access-policy';
import type { Principal } from './principal';
import { emitterOf } from './roles';

/**
 * The organisation id polku's services stand for when they emit an event on their own (a timer,
 * an escalation), with orgRole SYSTEM. No organisation of the directory has it; it is fixed so
 * that audit rows and dashboards can recognise polku's own reminders.
 */
export const POLKU_SYSTEM_ORG_ID = '5f0c7a52-8a53-4f1e-9d2b-6c1d3f3a9e10';

/** A service's own process (e.g. `activation-plans:plan-review-timer`) as an event's emitter. */
export function systemEmitter(actorId: string): EnvelopeEmitter {
  return { orgId: POLKU_SYSTEM_ORG_ID, orgRole: 'SYSTEM', actorId, actorRole: 'SYSTEM' };
}

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
