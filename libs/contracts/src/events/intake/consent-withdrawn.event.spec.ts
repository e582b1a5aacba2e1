import { aValidEvent, errorsOf, IDS, withData } from '../../../test/event-factories';
import { CONSENT_WITHDRAWN_V1 } from './consent-withdrawn.event';

const SUBJECT = CONSENT_WITHDRAWN_V1.subject;

describe('ConsentWithdrawn v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should use the PATH data class and the consent subject when defined', () => {
    expect(CONSENT_WITHDRAWN_V1).toMatchObject({
      subject: 'polku.intake.consent.consent-withdrawn.v1',
      type: 'ConsentWithdrawn',
      dataClass: 'PATH',
    });
  });

  it.each(['consentId', 'withdrawnConsentId', 'effectiveAt'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it('should reject the event when the withdrawal reuses the withdrawn consent’s record', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { consentId: IDS.consentId }))).toEqual([
      'data.consentId must differ from withdrawnConsentId',
    ]);
  });

  it('should reject the event when withdrawnConsentId is not a uuid', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { withdrawnConsentId: 'consent-42' }))).toEqual([
      'data.withdrawnConsentId must be a UUID',
    ]);
  });

  it.each([
    [
      '2026-04-01',
      ['data.effectiveAt must be an ISO-8601 UTC timestamp like 2026-03-02T08:15:00.000Z'],
    ],
    [
      '2026-04-01T12:30:00+03:00',
      ['data.effectiveAt must be an ISO-8601 UTC timestamp like 2026-03-02T08:15:00.000Z'],
    ],
    ['2026-04-31T09:30:00.000Z', ['data.effectiveAt must be a real instant']],
  ])('should reject the event when effectiveAt is %s', (effectiveAt, expected) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { effectiveAt }))).toEqual(expected);
  });
});
