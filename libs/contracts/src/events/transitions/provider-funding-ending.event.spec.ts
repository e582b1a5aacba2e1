import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { PROVIDER_FUNDING_ENDING_V1 } from './provider-funding-ending.event';

const SUBJECT = PROVIDER_FUNDING_ENDING_V1.subject;

describe('ProviderFundingEnding v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should use the PATH data class and the path subject when defined', () => {
    expect(PROVIDER_FUNDING_ENDING_V1).toMatchObject({
      subject: 'polku.transitions.path.provider-funding-ending.v1',
      type: 'ProviderFundingEnding',
      dataClass: 'PATH',
    });
  });

  it.each(['providerOrgId', 'endDate'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it('should reject the event when it lists the affected paths: each path gets its own event', () => {
    expect(
      errorsOf(
        SUBJECT,
        withData(SUBJECT, { affectedPathIds: ['3f2b8c1e-5d4a-4e6f-9b7c-1a2d3e4f5a6b'] }),
      ),
    ).toEqual(['data.affectedPathIds should not exist']);
  });

  it.each([
    ['providerOrgId', 'Työpaja ry', 'data.providerOrgId must be a UUID'],
    ['endDate', '2026-12-32', 'data.endDate must be a real calendar date'],
    ['endDate', '31.12.2026', 'data.endDate must be a date as YYYY-MM-DD'],
  ])('should reject the event when %s is %p', (field, value, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: value }))).toContain(message);
  });
});
