import { POLKU_SYSTEM_ORG_ID } from '@polku/auth';
import {
  CLIENT_REFERRED_V1,
  CONSENT_GRANTED_V1,
  EVENT_CONTRACTS,
  OWNERSHIP_TRANSFERRED_V1,
  PLAN_REVIEW_DUE_V1,
  type EnvelopeEmitter,
  type EventEnvelope,
} from '@polku/contracts';
import { newEvent, sampleEvent } from '@polku/contracts/testing';
import { emitterProblem } from './emitter-rules';

const system = (actorId: string): EnvelopeEmitter => ({
  orgId: POLKU_SYSTEM_ORG_ID,
  orgRole: 'SYSTEM',
  actorId,
  actorRole: 'SYSTEM',
});

function withEmitter(envelope: EventEnvelope, emitter: Partial<EnvelopeEmitter>): EventEnvelope {
  return { ...envelope, emitter: { ...envelope.emitter, ...emitter } };
}

describe('emitterProblem', () => {
  it.each(EVENT_CONTRACTS.map((contract) => contract.subject))(
    'should accept the catalogue sample of %s, fixed and fresh',
    (subject) => {
      expect(emitterProblem(subject, sampleEvent(subject))).toBeUndefined();
      expect(emitterProblem(subject, newEvent(subject))).toBeUndefined();
    },
  );

  const consent = sampleEvent(CONSENT_GRANTED_V1.subject);
  const referral = sampleEvent(CLIENT_REFERRED_V1.subject);
  const ownership = sampleEvent(OWNERSHIP_TRANSFERRED_V1.subject);
  const review = sampleEvent(PLAN_REVIEW_DUE_V1.subject);

  it.each<[string, string, EventEnvelope, RegExp]>([
    [
      'a ConsentGranted from a system process of another service',
      CONSENT_GRANTED_V1.subject,
      withEmitter(consent, system('transitions:path-course')),
      /^forged: subject polku\.intake\.consent\.consent-granted\.v1 belongs to client-intake but the emitter is system process transitions:path-course$/,
    ],
    [
      'a ConsentGranted from a system process of its own service, which has none that emits it',
      CONSENT_GRANTED_V1.subject,
      withEmitter(consent, system('client-intake:consent-timer')),
      /no process of client-intake emits it/,
    ],
    [
      'a system emitter that is not <service>:<process>',
      OWNERSHIP_TRANSFERRED_V1.subject,
      withEmitter(ownership, system('path-course')),
      /is not a system process <service>:<process>/,
    ],
    [
      'a system emitter with a real organisation id',
      OWNERSHIP_TRANSFERRED_V1.subject,
      withEmitter(ownership, {
        ...system('transitions:path-course'),
        orgId: consent.emitter.orgId,
      }),
      /names organisation .*, not polku's own/,
    ],
    [
      'a SYSTEM organisation role with a caseworker',
      CONSENT_GRANTED_V1.subject,
      withEmitter(consent, { orgRole: 'SYSTEM' }),
      /mixes a SYSTEM role with a user role \(orgRole SYSTEM, actorRole CASEWORKER\)/,
    ],
    [
      'a SYSTEM actor in a user organisation',
      OWNERSHIP_TRANSFERRED_V1.subject,
      withEmitter(ownership, { ...system('transitions:path-course'), orgRole: 'PROVIDER' }),
      /mixes a SYSTEM role with a user role \(orgRole PROVIDER, actorRole SYSTEM\)/,
    ],
    [
      'a CLIENT actor',
      CONSENT_GRANTED_V1.subject,
      withEmitter(consent, { actorRole: 'CLIENT' }),
      /is no user of an organisation/,
    ],
    [
      'a CLIENT organisation',
      CONSENT_GRANTED_V1.subject,
      withEmitter(consent, { orgRole: 'CLIENT' }),
      /is no user of an organisation/,
    ],
    [
      "a user in polku's own organisation",
      CONSENT_GRANTED_V1.subject,
      withEmitter(consent, { orgId: POLKU_SYSTEM_ORG_ID }),
      /names polku's own organisation/,
    ],
    [
      'a review reminder from a worker',
      PLAN_REVIEW_DUE_V1.subject,
      withEmitter(review, consent.emitter),
      /only a system process emits it/,
    ],
    [
      'a referral from a provider',
      CLIENT_REFERRED_V1.subject,
      withEmitter(referral, { orgRole: 'PROVIDER' }),
      /only a caseworker of a referring organisation refers/,
    ],
    [
      "a referral from a referring organisation's manager",
      CLIENT_REFERRED_V1.subject,
      withEmitter(referral, { actorRole: 'MANAGER' }),
      /only a caseworker of a referring organisation refers/,
    ],
  ])('should refuse %s', (_name, subject, envelope, reason) => {
    expect(emitterProblem(subject, envelope)).toMatch(reason);
  });

  it('should refuse a referral whose payload names another organisation than its emitter', () => {
    const forged = withEmitter(referral, { orgId: '0d6c2c8e-27c5-4a4e-9b52-6a1f0e7c9b11' });
    expect(emitterProblem(CLIENT_REFERRED_V1.subject, forged)).toMatch(
      /the referral comes from organisation .* but the emitter is of 0d6c2c8e-27c5-4a4e-9b52-6a1f0e7c9b11/,
    );
  });
});
