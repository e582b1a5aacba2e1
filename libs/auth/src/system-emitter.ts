import type { EnvelopeEmitter } from '@polku/contracts';

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
