import { SERVICE_NAMES, type EnvelopeEmitter } from '@polku/contracts';

/**
 * The organisation id polku's services stand for when they emit an event on their own (a timer,
 * an escalation), with orgRole SYSTEM. No organisation of the directory has it; it is fixed so
 * that audit rows and dashboards can recognise polku's own reminders.
 */
export const POLKU_SYSTEM_ORG_ID = '5f0c7a52-8a53-4f1e-9d2b-6c1d3f3a9e10';

/**
 * A system emitter's actor id: `<service>:<process>`, the service one of polku's and the process
 * lower-case kebab-case. Consumers accept a system event only from a process of the service that
 * owns its subject (docs/security.md), so the service part is read back: group 1.
 */
export const SYSTEM_PROCESS_PATTERN = /^([a-z]+(?:-[a-z]+)*):([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/**
 * A service's own process (e.g. `activation-plans:plan-review-timer`) as an event's emitter.
 * Throws when `actorId` is not `<service>:<process>` of a known service: consumers would
 * dead-letter every event it emits.
 */
export function systemEmitter(actorId: string): EnvelopeEmitter {
  const service = SYSTEM_PROCESS_PATTERN.exec(actorId)?.[1];
  if (service === undefined || !(SERVICE_NAMES as readonly string[]).includes(service)) {
    throw new Error(
      `a system emitter is <service>:<process> of one of polku's services, got ${JSON.stringify(actorId)}`,
    );
  }
  return { orgId: POLKU_SYSTEM_ORG_ID, orgRole: 'SYSTEM', actorId, actorRole: 'SYSTEM' };
}
