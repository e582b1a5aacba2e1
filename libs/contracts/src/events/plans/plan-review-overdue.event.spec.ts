import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { PLAN_REVIEW_OVERDUE_V1 } from './plan-review-overdue.event';

const SUBJECT = PLAN_REVIEW_OVERDUE_V1.subject;

describe('PlanReviewOverdue v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should accept the event when the system timer emits it', () => {
    const emitter = {
      orgId: '00000000-0000-4000-8000-000000000000',
      orgRole: 'SYSTEM',
      actorId: 'activation-plans:plan-review-timer',
      actorRole: 'SYSTEM',
    };

    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT, { emitter }))).toEqual([]);
  });

  it('should use the PLAN data class and the plan subject when defined', () => {
    expect(PLAN_REVIEW_OVERDUE_V1).toMatchObject({
      subject: 'polku.plans.plan.plan-review-overdue.v1',
      type: 'PlanReviewOverdue',
      dataClass: 'PLAN',
    });
  });

  it.each(['planId', 'dueDate'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it('should reject the event when planId is not a uuid', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { planId: 'AP-2026-1' }))).toEqual([
      'data.planId must be a UUID',
    ]);
  });

  it.each([
    ['2026-09-31', 'data.dueDate must be a real calendar date'],
    ['2026-09-01T06:00:00.000Z', 'data.dueDate must be a date as YYYY-MM-DD'],
  ])('should reject the event when dueDate is %s', (dueDate, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { dueDate }))).toEqual([message]);
  });
});
