import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { STATEMENT_ISSUED_V1 } from './statement-issued.event';

const SUBJECT = STATEMENT_ISSUED_V1.subject;

describe('StatementIssued v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should use the PATH data class and the statement subject when defined', () => {
    expect(STATEMENT_ISSUED_V1).toMatchObject({
      subject: 'polku.plans.statement.statement-issued.v1',
      type: 'StatementIssued',
      dataClass: 'PATH',
    });
  });

  it.each(['statementId', 'issuedAt'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it('should reject the event when statementId is not a uuid', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { statementId: 'LS-1' }))).toEqual([
      'data.statementId must be a UUID',
    ]);
  });

  it.each([
    ['2026-09-18', 'data.issuedAt must be an ISO-8601 UTC timestamp like 2026-03-02T08:15:00.000Z'],
    ['2026-09-18T12:60:00.000Z', 'data.issuedAt must be a real instant'],
  ])('should reject the event when issuedAt is %s', (issuedAt, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { issuedAt }))).toEqual([message]);
  });

  it('should reject the event when it carries the statement itself', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { document: 'base64...' }))).toEqual([
      'data.document should not exist',
    ]);
  });
});
