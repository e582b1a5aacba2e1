import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { ACTIVATION_PLAN_REVISED_V1 } from './activation-plan-revised.event';

const SUBJECT = ACTIVATION_PLAN_REVISED_V1.subject;

describe('ActivationPlanRevised v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should accept the event when it names every part of the plan', () => {
    const changed = ['GOALS', 'MEASURES', 'PARTIES', 'LINKED_PLANS', 'REVIEW_DATE'];
    const parties = [{ orgId: '0b4b6a0e-5a5c-4c43-9f0e-2f0a4b3c2d11', role: 'PROVIDER' }];

    expect(errorsOf(SUBJECT, withData(SUBJECT, { changed, parties }))).toEqual([]);
  });

  it('should accept the parties after the revision when changed names PARTIES', () => {
    const parties = [
      { orgId: '0b4b6a0e-5a5c-4c43-9f0e-2f0a4b3c2d11', role: 'EMPLOYMENT_AUTHORITY' },
      { orgId: '7d7f2c35-3a8e-4b55-8a0e-6b4a2f1d9c22', role: 'PROVIDER' },
    ];

    expect(errorsOf(SUBJECT, withData(SUBJECT, { changed: ['PARTIES'], parties }))).toEqual([]);
  });

  it('should reject the event when changed names PARTIES and the parties are missing', () => {
    expect(
      errorsOf(SUBJECT, withData(SUBJECT, { changed: ['PARTIES'], parties: undefined })),
    ).toEqual(['data.parties is required when changed names PARTIES']);
  });

  it('should reject the event when it carries parties that changed does not name', () => {
    const parties = [{ orgId: '0b4b6a0e-5a5c-4c43-9f0e-2f0a4b3c2d11', role: 'PROVIDER' }];

    expect(errorsOf(SUBJECT, withData(SUBJECT, { changed: ['GOALS'], parties }))).toEqual([
      'data.parties is allowed only when changed names PARTIES',
    ]);
  });

  it('should use the PLAN data class and the plan subject when defined', () => {
    expect(ACTIVATION_PLAN_REVISED_V1).toMatchObject({
      subject: 'polku.plans.plan.activation-plan-revised.v1',
      type: 'ActivationPlanRevised',
      dataClass: 'PLAN',
    });
  });

  it.each(['planId', 'planVersion', 'changed', 'reasonCategory', 'reviewDate'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it('should reject the event when planId is not a uuid', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { planId: 'plan-1' }))).toEqual([
      'data.planId must be a UUID',
    ]);
  });

  it('should reject the event when planVersion is 1, the version of the agreed plan', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { planVersion: 1 }))).toEqual([
      'data.planVersion must not be less than 2',
    ]);
  });

  it('should reject the event when changed is empty', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { changed: [] }))).toEqual([
      'data.changed should not be empty',
    ]);
  });

  it('should reject the event when changed names a part twice', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { changed: ['PARTIES', 'PARTIES'] }))).toEqual([
      'data.changed must not contain duplicates',
    ]);
  });

  it('should reject the event when changed names something that is not a part of the plan', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { changed: ['PARTIES', 'DIAGNOSIS'] }))).toEqual([
      'data.changed must contain only the following values: GOALS, MEASURES, PARTIES, LINKED_PLANS, REVIEW_DATE',
    ]);
  });

  it('should reject the event when reasonCategory is free text', () => {
    expect(
      errorsOf(SUBJECT, withData(SUBJECT, { reasonCategory: 'asiakkaan masennus paheni' })),
    ).toEqual([
      'data.reasonCategory must be one of the following values: SCHEDULED_REVIEW, TRANSITION, CLIENT_SITUATION_CHANGED, CLIENT_REQUEST, MEASURE_NOT_AVAILABLE, OTHER',
    ]);
  });

  it('should reject the event when reviewDate is not a real calendar date', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { reviewDate: '2026-13-01' }))).toEqual([
      'data.reviewDate must be a real calendar date',
    ]);
  });
});
