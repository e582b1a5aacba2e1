import { aValidEvent, errorsOf, IDS, withData } from '../../../test/event-factories';
import { STATEMENT_REQUESTED_V1 } from './statement-requested.event';

const SUBJECT = STATEMENT_REQUESTED_V1.subject;

describe('StatementRequested v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should accept the event when the statement is about a plan instead of a measure', () => {
    expect(
      errorsOf(SUBJECT, withData(SUBJECT, { measureId: undefined, planId: IDS.planId })),
    ).toEqual([]);
  });

  it('should accept the event when a statement rather than a coaching summary is asked for', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { kind: 'STATEMENT' }))).toEqual([]);
  });

  it('should use the PATH data class and the statement subject when defined', () => {
    expect(STATEMENT_REQUESTED_V1).toMatchObject({
      subject: 'polku.plans.statement.statement-requested.v1',
      type: 'StatementRequested',
      dataClass: 'PATH',
    });
  });

  it.each(['statementId', 'kind', 'requestedByOrgId', 'dueDate'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it('should reject the event once, on measureId, when neither measureId nor planId is given', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { measureId: undefined }))).toEqual([
      'data.measureId or planId is required: exactly one of them is given',
    ]);
  });

  it('should reject the event once, on measureId, when both measureId and planId are given', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { planId: IDS.planId }))).toEqual([
      'data.measureId and planId must not both be given: exactly one of them is',
    ]);
  });

  it.each(['statementId', 'measureId', 'requestedByOrgId'])(
    'should reject the event when %s is not a uuid',
    (field) => {
      expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: 'kela' }))).toEqual([
        `data.${field} must be a UUID`,
      ]);
    },
  );

  it('should reject the event when planId is not a uuid', () => {
    expect(
      errorsOf(SUBJECT, withData(SUBJECT, { measureId: undefined, planId: 'AP-2026-1' })),
    ).toEqual(['data.planId must be a UUID']);
  });

  it('should reject the event when kind is not a statement kind', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { kind: 'MEDICAL_CERTIFICATE' }))).toEqual([
      'data.kind must be one of the following values: STATEMENT, COACHING_SUMMARY',
    ]);
  });

  it('should reject the event when dueDate is not a real calendar date', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { dueDate: '2026-09-31' }))).toEqual([
      'data.dueDate must be a real calendar date',
    ]);
  });

  it('should reject the event when it carries the statement’s content', () => {
    expect(
      errorsOf(SUBJECT, withData(SUBJECT, { content: 'Asiakas on edistynyt hyvin.' })),
    ).toEqual(['data.content should not exist']);
  });
});
