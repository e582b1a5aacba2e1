import { EVENT_CONTRACTS, validateEvent, type EventSubject } from '@polku/contracts';
import type { NewEvent } from '@polku/messaging';
import { EVENT_SAMPLES, IDS, newEvent, sampleEvent } from '@polku/contracts/testing';
import { newOutboxEvent } from './outbox-event';

const SUBJECTS = EVENT_CONTRACTS.map((contract) => contract.subject);

/** The envelope the outbox writer would put around a producer's event. */
function envelopeOf(subject: EventSubject, event: NewEvent<object>): Record<string, unknown> {
  const contract = EVENT_CONTRACTS.find((candidate) => candidate.subject === subject);
  return {
    ...event,
    id: '0195f3a2-7c1e-7d4b-9a6e-2f1c3b4d5e6f',
    type: contract?.type,
    version: contract?.version,
    occurredAt: '2026-11-30T08:15:00.000Z',
    correlationId: event.pathId,
    causationId: null,
    dataClass: contract?.dataClass,
  };
}

function errorsOf(subject: EventSubject, raw: unknown): string[] {
  const result = validateEvent(subject, raw);
  return result.ok ? [] : result.errors;
}

describe('the event catalogue', () => {
  it('should have a sample for every registered subject when the registry is checked', () => {
    expect(SUBJECTS.filter((subject) => !(subject in EVENT_SAMPLES))).toEqual([]);
  });

  it.each(SUBJECTS)('should give a valid event on %s when called without overrides', (subject) => {
    expect(errorsOf(subject, newEvent(subject))).toEqual([]);
    expect(errorsOf(subject, sampleEvent(subject))).toEqual([]);
  });

  it.each(SUBJECTS)(
    'should give a valid producer event on %s when the outbox writer wraps it',
    (subject) => {
      expect(errorsOf(subject, envelopeOf(subject, newOutboxEvent(subject)))).toEqual([]);
    },
  );

  it('should give a valid completed follow-up with a new destination when the status changed', () => {
    const subject = 'polku.transitions.follow-up.follow-up-completed.v1';
    const event = newOutboxEvent(subject, {
      data: {
        statusNow: 'CHANGED',
        destination: { group: 'OUTSIDE_LABOUR_MARKET', category: 'STUDIES' },
      },
    });

    expect(validateEvent(subject, envelopeOf(subject, event)).ok).toBe(true);
  });

  it('should give each event its own path and ids when called twice', () => {
    const subject = 'polku.intake.consent.consent-granted.v1';
    const first = newOutboxEvent(subject);
    const second = newOutboxEvent(subject);

    expect(second.pathId).not.toBe(first.pathId);
    expect(second.data.consentId).not.toBe(first.data.consentId);
    expect(newEvent(subject).id).not.toBe(newEvent(subject).id);
  });

  it('should link the roles of one event when a role appears twice', () => {
    const event = newEvent('polku.intake.referral.client-referred.v1');

    expect(event.emitter.orgId).toBe(event.data.fromOrgId);
  });

  it('should give the same ids in every run when the sample is asked for', () => {
    const event = sampleEvent('polku.intake.referral.client-referred.v1');

    expect(event).toMatchObject({
      id: IDS.eventId,
      pathId: IDS.pathId,
      data: { referralId: IDS.referralId },
    });
  });

  it('should apply the overrides to the payload when a test names them', () => {
    const subject = 'polku.transitions.path.client-exited.v1';
    const event = newOutboxEvent(subject, {
      data: {
        destination: { group: 'OUTSIDE_LABOUR_MARKET', category: 'UNCLEAR_PATH' },
        confirmed: false,
      },
    });

    expect(event.data).toMatchObject({
      destination: { group: 'OUTSIDE_LABOUR_MARKET', category: 'UNCLEAR_PATH' },
      confirmed: false,
    });
    expect(validateEvent(subject, envelopeOf(subject, event)).ok).toBe(true);
  });

  it('should apply envelope overrides and leave out fields given as undefined', () => {
    const subject = 'polku.intake.consent.consent-granted.v1';
    const event = newEvent(subject, {
      pathId: IDS.pathId,
      causationId: undefined,
      data: { validTo: undefined },
    });

    expect(event.pathId).toBe(IDS.pathId);
    expect('causationId' in event).toBe(false);
    expect('validTo' in event.data).toBe(false);
    expect(errorsOf(subject, event)).toEqual([]);
  });
});
