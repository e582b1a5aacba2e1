import {
  CONSENT_GRANTED_V1,
  CONSENT_WITHDRAWN_V1,
  OWNERSHIP_TRANSFERRED_V1,
  PLAN_REVIEW_DUE_V1,
} from '@polku/contracts';
import { sampleEvent } from '@polku/contracts/testing';
import { ownerOfSubject, subjectOwnershipProblem } from './subject-ownership';

const consentSubject = CONSENT_GRANTED_V1.subject;

describe('ownerOfSubject', () => {
  it.each([
    [CONSENT_GRANTED_V1.subject, 'client-intake'],
    [PLAN_REVIEW_DUE_V1.subject, 'activation-plans'],
    [OWNERSHIP_TRANSFERRED_V1.subject, 'transitions'],
    ['polku.unknown.thing.happened.v1', undefined],
    ['not-a-subject', undefined],
  ])('should name the owner of %s: %s', (subject, owner) => {
    expect(ownerOfSubject(subject)).toBe(owner);
  });
});

describe('subjectOwnershipProblem', () => {
  it('should accept the contract of the subject it arrived on, with or without a namespace', () => {
    const event = sampleEvent(consentSubject);
    expect(subjectOwnershipProblem(consentSubject, consentSubject, event)).toBeUndefined();
    expect(
      subjectOwnershipProblem(consentSubject, `ns-1.${consentSubject}`, event),
    ).toBeUndefined();
  });

  it.each<[string, string, unknown, string]>([
    [
      'an envelope of the same context but another type',
      consentSubject,
      sampleEvent(CONSENT_WITHDRAWN_V1.subject),
      'forged: subject polku.intake.consent.consent-granted.v1 belongs to client-intake and carries ConsentGranted v1, but the envelope is ConsentWithdrawn v1 of polku.intake.consent.consent-withdrawn.v1, which belongs to client-intake',
    ],
    [
      "an envelope of another context's contract",
      consentSubject,
      sampleEvent(OWNERSHIP_TRANSFERRED_V1.subject),
      'forged: subject polku.intake.consent.consent-granted.v1 belongs to client-intake and carries ConsentGranted v1, but the envelope is OwnershipTransferred v1 of polku.transitions.path.ownership-transferred.v1, which belongs to transitions',
    ],
    [
      'a version no contract has',
      consentSubject,
      { ...sampleEvent(consentSubject), version: 7 },
      'forged: subject polku.intake.consent.consent-granted.v1 belongs to client-intake and carries ConsentGranted v1, not "ConsentGranted" v7',
    ],
  ])('should refuse %s', (_name, subject, raw, reason) => {
    expect(subjectOwnershipProblem(subject, subject, raw)).toBe(reason);
  });

  it('should refuse a message that arrived on another subject than the subscription', () => {
    expect(subjectOwnershipProblem(consentSubject, CONSENT_WITHDRAWN_V1.subject, {})).toBe(
      `forged: a message on ${CONSENT_WITHDRAWN_V1.subject} reached the consumer of ${consentSubject}`,
    );
  });

  it('should refuse a subject no service owns', () => {
    expect(
      subjectOwnershipProblem(
        'polku.unknown.thing.happened.v1',
        'polku.unknown.thing.happened.v1',
        {},
      ),
    ).toBe('forged: polku.unknown.thing.happened.v1 is not an event subject any service owns');
  });
});
