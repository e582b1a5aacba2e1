import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { PARALLEL_SERVICE_REFERRED_V1, PARALLEL_SERVICES } from './parallel-service-referred.event';

const SUBJECT = PARALLEL_SERVICE_REFERRED_V1.subject;

describe('ParallelServiceReferred v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it.each(PARALLEL_SERVICES)('should accept the event when service is %s', (service) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { service }))).toEqual([]);
  });

  it('should accept the event when the providing organisation is not known', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { toOrgId: undefined }))).toEqual([]);
  });

  it('should use the HEALTH_FLAG data class when defined, because a service can be a health flag', () => {
    expect(PARALLEL_SERVICE_REFERRED_V1).toMatchObject({
      subject: 'polku.intake.parallel-service.parallel-service-referred.v1',
      type: 'ParallelServiceReferred',
      dataClass: 'HEALTH_FLAG',
    });
  });

  it.each(['referralId', 'service'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it('should reject the event when service is not a parallel service', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { service: 'A_CLINIC_DETOX' }))).toEqual([
      'data.service must be one of the following values: DEBT_COUNSELLING, SUBSTANCE_SERVICES, MENTAL_HEALTH_SERVICES, HEALTH_CHECK, KELA_APPLICATION, HOUSING_OFFICE, YOUTH_SERVICES, OTHER',
    ]);
  });

  it.each(['referralId', 'toOrgId'])('should reject the event when %s is not a uuid', (field) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: 'kela' }))).toEqual([
      `data.${field} must be a UUID`,
    ]);
  });
});
