import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { PATH_CLOSED_V1 } from './path-closed.event';

const SUBJECT = PATH_CLOSED_V1.subject;

describe('PathClosed v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should accept the event when the confirmed destination has a kind', () => {
    const confirmedDestination = {
      group: 'OUTSIDE_LABOUR_MARKET',
      category: 'STUDIES',
      subType: 'DEGREE_STUDIES',
    };

    expect(errorsOf(SUBJECT, withData(SUBJECT, { confirmedDestination }))).toEqual([]);
  });

  it('should use the PATH data class and the path subject when defined', () => {
    expect(PATH_CLOSED_V1).toMatchObject({
      subject: 'polku.transitions.path.path-closed.v1',
      type: 'PathClosed',
      dataClass: 'PATH',
    });
  });

  it.each(['confirmedDestination', 'closedAt'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it('should reject the event when an unclear path is closed', () => {
    const confirmedDestination = { group: 'OUTSIDE_LABOUR_MARKET', category: 'UNCLEAR_PATH' };

    expect(errorsOf(SUBJECT, withData(SUBJECT, { confirmedDestination }))).toEqual([
      'data.confirmedDestination must not have the category UNCLEAR_PATH',
    ]);
  });

  it('should reject the event when the destination group is unknown', () => {
    const confirmedDestination = { group: 'ELSEWHERE', category: 'PENSION' };

    expect(errorsOf(SUBJECT, withData(SUBJECT, { confirmedDestination }))).toEqual([
      'data.confirmedDestination.group must be one of the following values: OUTSIDE_LABOUR_MARKET, LABOUR_MARKET, CONTINUATION',
    ]);
  });

  it('should reject the event when the destination is a bare category', () => {
    expect(
      errorsOf(SUBJECT, withData(SUBJECT, { confirmedDestination: 'OPEN_LABOUR_MARKET' })),
    ).toContain('data.confirmedDestination must be an object');
  });

  it.each([
    ['2027-03-01', 'data.closedAt must be an ISO-8601 UTC timestamp like 2026-03-02T08:15:00.000Z'],
    [
      '2027-03-01T12:00:00+02:00',
      'data.closedAt must be an ISO-8601 UTC timestamp like 2026-03-02T08:15:00.000Z',
    ],
  ])('should reject the event when closedAt is %s', (closedAt, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { closedAt }))).toContain(message);
  });
});
