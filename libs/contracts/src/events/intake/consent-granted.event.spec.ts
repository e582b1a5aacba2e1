import { aValidEvent, errorsOf, IDS, withData, without } from '../../../test/event-factories';
import { CONSENT_GRANTED_V1, MAX_CONSENT_ORGANISATIONS } from './consent-granted.event';

const SUBJECT = CONSENT_GRANTED_V1.subject;

describe('ConsentGranted v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should accept the event when validTo is left out for a consent that holds until withdrawn', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { validTo: undefined }))).toEqual([]);
  });

  it('should accept the event when validTo equals validFrom for a one-day consent', () => {
    expect(
      errorsOf(SUBJECT, withData(SUBJECT, { validFrom: '2026-03-02', validTo: '2026-03-02' })),
    ).toEqual([]);
  });

  it('should accept the event when it names every client-level data class', () => {
    const dataClasses = [
      'PATH',
      'PLAN',
      'ATTENDANCE',
      'HEALTH_FLAG',
      'FINANCE_FLAG',
      'CLIENT_VOICE',
      'EXPERT',
    ];

    expect(errorsOf(SUBJECT, withData(SUBJECT, { dataClasses }))).toEqual([]);
  });

  it('should use the PATH data class and the consent subject when defined', () => {
    expect(CONSENT_GRANTED_V1).toMatchObject({
      subject: 'polku.intake.consent.consent-granted.v1',
      type: 'ConsentGranted',
      dataClass: 'PATH',
    });
  });

  it.each([
    'consentId',
    'orgIds',
    'dataClasses',
    'purpose',
    'validFrom',
    'howGiven',
    'recordedByOrgId',
  ])('should reject the event and name data.%s when that required field is missing', (field) => {
    const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
  });

  it('should reject the event when orgIds is empty', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { orgIds: [] }))).toEqual([
      'data.orgIds should not be empty',
    ]);
  });

  it('should reject the event when orgIds names an organisation twice', () => {
    expect(
      errorsOf(SUBJECT, withData(SUBJECT, { orgIds: [IDS.providerOrgId, IDS.providerOrgId] })),
    ).toEqual(['data.orgIds must not contain duplicates']);
  });

  it('should reject the event when an orgIds entry is not a uuid, such as a person', () => {
    expect(
      errorsOf(SUBJECT, withData(SUBJECT, { orgIds: [IDS.providerOrgId, 'Maija Mallikas'] })),
    ).toEqual(['data.orgIds must contain only UUIDs']);
  });

  it('should reject the event when orgIds is one uuid rather than a list', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { orgIds: IDS.providerOrgId }))).toContain(
      'data.orgIds must be an array',
    );
  });

  it(`should reject the event when orgIds names more than ${MAX_CONSENT_ORGANISATIONS} organisations`, () => {
    const orgIds = Array.from(
      { length: MAX_CONSENT_ORGANISATIONS + 1 },
      (_, index) => `b2c3d4e5-f6a7-4b8c-9d0e-${String(index).padStart(12, '0')}`,
    );

    expect(errorsOf(SUBJECT, withData(SUBJECT, { orgIds }))).toEqual([
      `data.orgIds must contain no more than ${MAX_CONSENT_ORGANISATIONS} elements`,
    ]);
  });

  it('should reject the event when dataClasses is empty', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { dataClasses: [] }))).toEqual([
      'data.dataClasses should not be empty',
    ]);
  });

  it('should reject the event when dataClasses names AGGREGATE, which is not client-level', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { dataClasses: ['PATH', 'AGGREGATE'] }))).toEqual([
      'data.dataClasses must contain only the following values: PATH, PLAN, ATTENDANCE, HEALTH_FLAG, FINANCE_FLAG, CLIENT_VOICE, EXPERT',
    ]);
  });

  it('should reject the event when dataClasses names a class twice', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { dataClasses: ['PLAN', 'PLAN'] }))).toEqual([
      'data.dataClasses must not contain duplicates',
    ]);
  });

  it('should reject the event when purpose is free text instead of a coded purpose', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { purpose: 'to help with housing' }))).toEqual([
      'data.purpose must be one of the following values: CLIENT_WORK, REFERRAL, NETWORK_MEETING, HANDOFF, FOLLOW_UP, EXPERT_PARTICIPATION',
    ]);
  });

  it('should reject the event when howGiven is not a consent method', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { howGiven: 'IMPLIED' }))).toEqual([
      'data.howGiven must be one of the following values: WRITTEN, ORAL_RECORDED_BY_WORKER, ELECTRONIC',
    ]);
  });

  it('should reject the event when validTo is before validFrom', () => {
    expect(
      errorsOf(SUBJECT, withData(SUBJECT, { validFrom: '2026-03-02', validTo: '2026-03-01' })),
    ).toEqual(['data.validTo must not be before validFrom']);
  });

  it.each([
    ['validFrom', '2026-02-30', 'data.validFrom must be a real calendar date'],
    ['validTo', '2027-13-01', 'data.validTo must be a real calendar date'],
    ['validFrom', '2026-03-02T00:00:00Z', 'data.validFrom must be a date as YYYY-MM-DD'],
  ])('should reject the event when %s is %s', (field, value, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: value }))).toEqual([message]);
  });

  it('should reject the event when recordedByOrgId is not a uuid', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { recordedByOrgId: 'te-office' }))).toEqual([
      'data.recordedByOrgId must be a UUID',
    ]);
  });

  it('should reject the event when it names a person among its fields', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { workerName: 'Maija Mallikas' }))).toEqual([
      'data.workerName should not exist',
    ]);
  });

  it('should accept the event with a legalBasis when it has no consentRef', () => {
    const event = { ...without(aValidEvent(SUBJECT), 'consentRef'), legalBasis: 'FI-703/2023' };

    expect(errorsOf(SUBJECT, event)).toEqual([]);
  });
});
