import {
  CLIENT_WORK_ROLES,
  isUserRole,
  POLKU_SYSTEM_ORG_ID,
  SYSTEM_PROCESS_PATTERN,
  type UserRole,
} from '@polku/auth';
import {
  ACTION_ITEM_OVERDUE_V1,
  CLIENT_REFERRED_V1,
  PLAN_REVIEW_DUE_V1,
  PLAN_REVIEW_OVERDUE_V1,
  REFERRAL_LEGAL_BASES,
  type EnvelopeEmitter,
  type EventEnvelope,
  type ServiceName,
} from '@polku/contracts';
import { ownerOfSubject } from './subject-ownership';

/**
 * The subjects each service's own processes (timers, reactions to other events) emit, read from
 * the code: activation-plans' review timer its two reminders, transitions' path course and
 * timers any event of its context, network-meetings' action-item timer the overdue rungs,
 * client-intake none (its events are all a worker's). A new system process that emits another
 * subject is added here (docs/security.md).
 */
const SYSTEM_EMITTED: Readonly<Partial<Record<ServiceName, 'any' | readonly string[]>>> = {
  'activation-plans': [PLAN_REVIEW_DUE_V1.subject, PLAN_REVIEW_OVERDUE_V1.subject],
  transitions: 'any',
  'network-meetings': [ACTION_ITEM_OVERDUE_V1.subject],
};

/** Subjects only a system process emits: no worker records a reminder or an escalation by hand. */
const SYSTEM_ONLY: ReadonlySet<string> = new Set([
  PLAN_REVIEW_DUE_V1.subject,
  PLAN_REVIEW_OVERDUE_V1.subject,
  ACTION_ITEM_OVERDUE_V1.subject,
]);

function describeEmitter(emitter: EnvelopeEmitter): string {
  return emitter.orgRole === 'SYSTEM' || emitter.actorRole === 'SYSTEM'
    ? `system process ${emitter.actorId}`
    : `${emitter.actorRole} ${emitter.actorId} of ${emitter.orgRole} ${emitter.orgId}`;
}

/** Why a SYSTEM emitter cannot have emitted an event of `subject` owned by `owner`. */
function systemProblem(
  subject: string,
  owner: ServiceName,
  emitter: EnvelopeEmitter,
): string | undefined {
  if (emitter.orgRole !== 'SYSTEM' || emitter.actorRole !== 'SYSTEM') {
    return `the emitter mixes a SYSTEM role with a user role (orgRole ${emitter.orgRole}, actorRole ${emitter.actorRole})`;
  }
  if (emitter.orgId !== POLKU_SYSTEM_ORG_ID) {
    return `the system process ${emitter.actorId} names organisation ${emitter.orgId}, not polku's own`;
  }
  const match = SYSTEM_PROCESS_PATTERN.exec(emitter.actorId);
  if (match === null) {
    return `the emitter ${emitter.actorId} is not a system process <service>:<process>`;
  }
  if (match[1] !== owner) {
    return `the emitter is system process ${emitter.actorId}`;
  }
  const allowed = SYSTEM_EMITTED[owner];
  if (allowed === undefined || (allowed !== 'any' && !allowed.includes(subject))) {
    return `the emitter is system process ${emitter.actorId}, and no process of ${owner} emits it`;
  }
  return undefined;
}

/** Why a user emitter cannot have emitted an event of `subject`. */
function userProblem(subject: string, emitter: EnvelopeEmitter): string | undefined {
  // CLIENT is an actor and organisation role of the contracts for the client's own
  // self-service, which no service offers yet: until one does, no event comes from it.
  if (emitter.orgRole === 'CLIENT' || !isUserRole(emitter.actorRole)) {
    return `the emitter ${describeEmitter(emitter)} is no user of an organisation`;
  }
  if (emitter.orgId === POLKU_SYSTEM_ORG_ID) {
    return `the user emitter ${emitter.actorId} names polku's own organisation`;
  }
  if (SYSTEM_ONLY.has(subject)) {
    return `only a system process emits it, but the emitter is ${describeEmitter(emitter)}`;
  }
  if (subject === CLIENT_REFERRED_V1.subject) {
    // As client-intake refuses the command (referrerLegalBasis): a caseworker of a referring
    // organisation; the access projection gives the referrer the law of that role.
    const referring = REFERRAL_LEGAL_BASES[emitter.orgRole] !== undefined;
    if (!referring || !CLIENT_WORK_ROLES.includes(emitter.actorRole as UserRole)) {
      return `only a caseworker of a referring organisation refers, but the emitter is ${describeEmitter(emitter)}`;
    }
  }
  return undefined;
}

/**
 * Extra agreement between an event's payload and its emitter, where the payload names the
 * emitting organisation: a referral comes from the organisation that made it.
 */
function payloadProblem(subject: string, envelope: EventEnvelope): string | undefined {
  if (subject === CLIENT_REFERRED_V1.subject) {
    const fromOrgId = (envelope.data as { fromOrgId?: unknown }).fromOrgId;
    if (fromOrgId !== envelope.emitter.orgId) {
      return `the referral comes from organisation ${String(fromOrgId)} but the emitter is of ${envelope.emitter.orgId}`;
    }
  }
  return undefined;
}

/**
 * Why the emitter of a contract-valid event on `subject` cannot be who published it, or
 * undefined when it agrees: a SYSTEM emitter (orgRole and actorRole both SYSTEM, polku's own
 * organisation id) must name a process `<service>:<process>` of the service that owns the
 * subject and one that emits it; any other emitter must be a user of an organisation (never
 * SYSTEM or CLIENT), and where a rule of the code limits who emits an event (a referral), fit
 * it. Reasons start with `forged:` and name the subject, its owner and the emitter.
 */
export function emitterProblem(subject: string, envelope: EventEnvelope): string | undefined {
  const owner = ownerOfSubject(subject);
  if (owner === undefined) {
    return `forged: ${subject} is not an event subject any service owns`;
  }
  const { emitter } = envelope;
  const isSystem = emitter.orgRole === 'SYSTEM' || emitter.actorRole === 'SYSTEM';
  const problem = isSystem
    ? systemProblem(subject, owner, emitter)
    : (userProblem(subject, emitter) ?? payloadProblem(subject, envelope));
  return problem === undefined
    ? undefined
    : `forged: subject ${subject} belongs to ${owner} but ${problem}`;
}
