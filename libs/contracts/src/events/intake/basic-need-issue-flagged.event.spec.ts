import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { BASIC_NEED_ISSUE_FLAGGED_V1 } from './basic-need-issue-flagged.event';
import { BASIC_NEED_ISSUE_KINDS } from './basic-needs';

const SUBJECT = BASIC_NEED_ISSUE_FLAGGED_V1.subject;

describe('BasicNeedIssueFlagged v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it.each(BASIC_NEED_ISSUE_KINDS)('should accept the event when kind is %s', (kind) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { kind }))).toEqual([]);
  });

  it('should accept the event when no due date is agreed yet', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { dueDate: undefined }))).toEqual([]);
  });

  it('should use the HEALTH_FLAG data class when defined, because a kind can be a health flag', () => {
    expect(BASIC_NEED_ISSUE_FLAGGED_V1).toMatchObject({
      subject: 'polku.intake.basic-need.basic-need-issue-flagged.v1',
      type: 'BasicNeedIssueFlagged',
      dataClass: 'HEALTH_FLAG',
    });
  });

  it.each(['issueId', 'kind', 'actionItemId', 'ownerOrgId'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it('should reject the event when kind is not an issue kind', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { kind: 'PAYDAY_LOANS_4000_EUR' }))).toEqual([
      'data.kind must be one of the following values: HOUSING_ARREARS, EVICTION_THREAT, NO_BENEFIT_DECISION, DEBT, PERMIT_MISSING, TREATMENT_NOT_STARTED, OTHER',
    ]);
  });

  it.each(['issueId', 'actionItemId', 'ownerOrgId'])(
    'should reject the event when %s is not a uuid',
    (field) => {
      expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: 'social-services' }))).toEqual([
        `data.${field} must be a UUID`,
      ]);
    },
  );

  it('should reject the event when dueDate is not a real date', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { dueDate: '2026-02-29' }))).toEqual([
      'data.dueDate must be a real calendar date',
    ]);
  });

  it('should reject the event when it describes the issue in free text', () => {
    expect(
      errorsOf(SUBJECT, withData(SUBJECT, { description: 'Vuokrarästit 3 kk, häätöuhka' })),
    ).toEqual(['data.description should not exist']);
  });
});
