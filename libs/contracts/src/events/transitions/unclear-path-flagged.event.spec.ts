import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { UNCLEAR_PATH_FLAGGED_V1 } from './unclear-path-flagged.event';

const SUBJECT = UNCLEAR_PATH_FLAGGED_V1.subject;

describe('UnclearPathFlagged v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should use the PATH data class and the path subject when defined', () => {
    expect(UNCLEAR_PATH_FLAGGED_V1).toMatchObject({
      subject: 'polku.transitions.path.unclear-path-flagged.v1',
      type: 'UnclearPathFlagged',
      dataClass: 'PATH',
    });
  });

  it.each(['searchOwnerOrgId', 'searchWorkerId', 'reviewDate'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it.each([
    ['searchOwnerOrgId', 'TE-toimisto', 'data.searchOwnerOrgId must be a UUID'],
    [
      'searchWorkerId',
      'Maija Mallikas',
      'data.searchWorkerId must be an id of 1 to 128 characters A-Z a-z 0-9 _ . : -',
    ],
    ['reviewDate', '2026-13-01', 'data.reviewDate must be a real calendar date'],
  ])('should reject the event when %s is %p', (field, value, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: value }))).toEqual([message]);
  });
});
