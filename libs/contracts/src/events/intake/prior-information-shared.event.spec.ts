import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { PRIOR_INFORMATION_SHARED_V1 } from './prior-information-shared.event';

const SUBJECT = PRIOR_INFORMATION_SHARED_V1.subject;

describe('PriorInformationShared v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should use the PATH data class and the referral subject when defined', () => {
    expect(PRIOR_INFORMATION_SHARED_V1).toMatchObject({
      subject: 'polku.intake.referral.prior-information-shared.v1',
      type: 'PriorInformationShared',
      dataClass: 'PATH',
    });
  });

  it.each(['referralId', 'packageId', 'dataClasses', 'toOrgId'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it('should reject the event when dataClasses is empty', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { dataClasses: [] }))).toEqual([
      'data.dataClasses should not be empty',
    ]);
  });

  it('should reject the event when dataClasses names AGGREGATE or an unknown class', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { dataClasses: ['AGGREGATE'] }))).toEqual([
      'data.dataClasses must contain only the following values: PATH, PLAN, ATTENDANCE, HEALTH_FLAG, FINANCE_FLAG, CLIENT_VOICE, EXPERT',
    ]);
    expect(errorsOf(SUBJECT, withData(SUBJECT, { dataClasses: ['DIAGNOSES'] }))).toEqual([
      'data.dataClasses must contain only the following values: PATH, PLAN, ATTENDANCE, HEALTH_FLAG, FINANCE_FLAG, CLIENT_VOICE, EXPERT',
    ]);
  });

  it('should reject the event when dataClasses names a class twice', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { dataClasses: ['PLAN', 'PLAN'] }))).toEqual([
      'data.dataClasses must not contain duplicates',
    ]);
  });

  it('should reject the event when the package content travels in the event', () => {
    expect(
      errorsOf(SUBJECT, withData(SUBJECT, { content: 'Asiakkaalla on masennus ja velkoja' })),
    ).toEqual(['data.content should not exist']);
  });

  it.each(['referralId', 'packageId', 'toOrgId'])(
    'should reject the event when %s is not a uuid',
    (field) => {
      expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: 'pkg-1' }))).toEqual([
        `data.${field} must be a UUID`,
      ]);
    },
  );
});
