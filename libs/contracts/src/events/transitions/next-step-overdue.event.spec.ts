import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { NEXT_STEP_OVERDUE_V1 } from './next-step-overdue.event';
import { ESCALATION_LEVELS, OVERDUE_REPORTED_NEXT_STEP_KINDS } from './next-step';

const SUBJECT = NEXT_STEP_OVERDUE_V1.subject;

describe('NextStepOverdue v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it.each(OVERDUE_REPORTED_NEXT_STEP_KINDS)(
    'should accept the event when the late next step is %s',
    (nextStep) => {
      expect(errorsOf(SUBJECT, withData(SUBJECT, { nextStep }))).toEqual([]);
    },
  );

  it.each(ESCALATION_LEVELS)('should accept the event when the level is %s', (level) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { level }))).toEqual([]);
  });

  it('should use the PATH data class and the path subject when defined', () => {
    expect(NEXT_STEP_OVERDUE_V1).toMatchObject({
      subject: 'polku.transitions.path.next-step-overdue.v1',
      type: 'NextStepOverdue',
      dataClass: 'PATH',
    });
  });

  it.each(['nextStep', 'dueDate', 'level', 'accountableOrgId', 'businessDaysOverdue'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it.each(['AWAIT_HANDOFF_ANSWER', 'FOLLOW_UP', 'CALL_CLIENT'])(
    'should reject the event when the next step is %s',
    (nextStep) => {
      expect(errorsOf(SUBJECT, withData(SUBJECT, { nextStep }))).toEqual([
        `data.nextStep must be one of the following values: ${OVERDUE_REPORTED_NEXT_STEP_KINDS.join(', ')}`,
      ]);
    },
  );

  it.each([
    ['level', 'CEO', 'data.level must be one of the following values: WORKER, TEAM_LEAD, MANAGER'],
    ['businessDaysOverdue', -3, 'data.businessDaysOverdue must not be less than 0'],
    ['businessDaysOverdue', '5', 'data.businessDaysOverdue must be an integer number'],
    ['accountableOrgId', 'provider', 'data.accountableOrgId must be a UUID'],
    ['dueDate', '2026-09-31', 'data.dueDate must be a real calendar date'],
  ])('should reject the event when %s is %p', (field, value, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: value }))).toContain(message);
  });
});
