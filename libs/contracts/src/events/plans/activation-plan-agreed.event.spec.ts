import { aValidEvent, errorsOf, IDS, withData } from '../../../test/event-factories';
import {
  ACTIVATION_PLAN_AGREED_V1,
  MAX_LINKED_PLANS,
  MAX_PLAN_PARTIES,
} from './activation-plan-agreed.event';

const SUBJECT = ACTIVATION_PLAN_AGREED_V1.subject;
const EMPLOYMENT_AUTHORITY = { orgId: IDS.employmentAuthorityOrgId, role: 'EMPLOYMENT_AUTHORITY' };
const PROVIDER = { orgId: IDS.providerOrgId, role: 'PROVIDER' };

function orgIdOf(index: number): string {
  return `b2c3d4e5-f6a7-4b8c-9d0e-${String(index).padStart(12, '0')}`;
}

describe('ActivationPlanAgreed v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should accept the event when the client has no other plans to link', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { linkedPlans: [] }))).toEqual([]);
  });

  it('should accept the event when the plan was drawn up without the client’s agreement', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { clientAgreed: false }))).toEqual([]);
  });

  it('should accept the event when a linked plan names no holding organisation', () => {
    const linkedPlans = [{ kind: 'TYP_MULTISECTORAL_PLAN', reference: 'TYP-2026-17' }];

    expect(errorsOf(SUBJECT, withData(SUBJECT, { linkedPlans }))).toEqual([]);
  });

  it('should use the PLAN data class and the plan subject when defined', () => {
    expect(ACTIVATION_PLAN_AGREED_V1).toMatchObject({
      subject: 'polku.plans.plan.activation-plan-agreed.v1',
      type: 'ActivationPlanAgreed',
      dataClass: 'PLAN',
    });
  });

  it.each(['planId', 'planVersion', 'parties', 'clientAgreed', 'linkedPlans', 'reviewDate'])(
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
    [0, 'data.planVersion must not be less than 1'],
    [1.5, 'data.planVersion must be an integer number'],
  ])('should reject the event when planVersion is %p', (planVersion, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { planVersion }))).toEqual([message]);
  });

  it('should reject the event when parties is empty', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { parties: [] }))).toEqual([
      'data.parties should not be empty',
    ]);
  });

  it('should reject the event when parties names an organisation twice, even in two roles', () => {
    const parties = [PROVIDER, { orgId: IDS.providerOrgId, role: 'EMPLOYER' }];

    expect(errorsOf(SUBJECT, withData(SUBJECT, { parties }))).toEqual([
      'data.parties must not name an organisation twice',
    ]);
  });

  it(`should reject the event when parties names more than ${MAX_PLAN_PARTIES} organisations`, () => {
    const parties = Array.from({ length: MAX_PLAN_PARTIES + 1 }, (_, index) => ({
      orgId: orgIdOf(index),
      role: 'PROVIDER',
    }));

    expect(errorsOf(SUBJECT, withData(SUBJECT, { parties }))).toEqual([
      `data.parties must contain no more than ${MAX_PLAN_PARTIES} elements`,
    ]);
  });

  it('should reject the event and name the item when a party’s orgId is a person', () => {
    const parties = [EMPLOYMENT_AUTHORITY, { orgId: 'Maija Mallikas', role: 'PROVIDER' }];

    expect(errorsOf(SUBJECT, withData(SUBJECT, { parties }))).toEqual([
      'data.parties.1.orgId must be a UUID',
    ]);
  });

  it.each(['CLIENT', 'EXPERT_COORDINATOR', 'SYSTEM', 'CASEWORKER'])(
    'should reject the event when a party’s role is %s',
    (role) => {
      const parties = [EMPLOYMENT_AUTHORITY, { orgId: IDS.providerOrgId, role }];

      expect(errorsOf(SUBJECT, withData(SUBJECT, { parties }))).toEqual([
        'data.parties.1.role must be one of the following values: EMPLOYMENT_AUTHORITY, SOCIAL_SERVICES, JOINT_SERVICE_TYP, KELA, HEALTH_CARE, PROVIDER, EDUCATION, EMPLOYER, DEBT_COUNSELLING',
      ]);
    },
  );

  it('should reject the event when a party carries a field the contract does not define', () => {
    const parties = [{ ...PROVIDER, workerName: 'Maija Mallikas' }];

    expect(errorsOf(SUBJECT, withData(SUBJECT, { parties }))).toEqual([
      'data.parties.0.workerName should not exist',
    ]);
  });

  it('should reject the event when a party is not an object', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { parties: [IDS.providerOrgId] }))).toEqual([
      'data.parties.0: each value in nested property parties must be either object or array',
    ]);
  });

  it('should reject the event when parties is one object rather than a list', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { parties: PROVIDER }))).toContain(
      'data.parties must be an array',
    );
  });

  it('should reject the event when clientAgreed is not a boolean', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { clientAgreed: 'yes' }))).toEqual([
      'data.clientAgreed must be a boolean value',
    ]);
  });

  it('should reject the event when a linked plan’s kind is not a plan kind', () => {
    const linkedPlans = [{ kind: 'DEBT_RESCHEDULING', reference: 'VJ-1' }];

    expect(errorsOf(SUBJECT, withData(SUBJECT, { linkedPlans }))).toEqual([
      'data.linkedPlans.0.kind must be one of the following values: EMPLOYMENT_PLAN, TYP_MULTISECTORAL_PLAN, COACHING_PLAN, REHABILITATION_PLAN, OTHER',
    ]);
  });

  it.each([
    ['', 'data.linkedPlans.0.reference should not be empty'],
    [
      'R'.repeat(101),
      'data.linkedPlans.0.reference must be shorter than or equal to 100 characters',
    ],
    [
      'TP 131052-308T',
      'data.linkedPlans.0.reference must not contain a personal identity code (identity stays in client-intake)',
    ],
  ])('should reject the event when a linked plan’s reference is %j', (reference, message) => {
    const linkedPlans = [{ kind: 'EMPLOYMENT_PLAN', reference }];

    expect(errorsOf(SUBJECT, withData(SUBJECT, { linkedPlans }))).toEqual([message]);
  });

  it('should reject the event when a linked plan carries its content', () => {
    const linkedPlans = [
      { kind: 'REHABILITATION_PLAN', reference: 'KU-7', content: 'Terapiajakso jatkuu' },
    ];

    expect(errorsOf(SUBJECT, withData(SUBJECT, { linkedPlans }))).toEqual([
      'data.linkedPlans.0.content should not exist',
    ]);
  });

  it('should reject the event when a linked plan’s heldByOrgId is not a uuid', () => {
    const linkedPlans = [{ kind: 'COACHING_PLAN', reference: 'VS-1', heldByOrgId: 'workshop' }];

    expect(errorsOf(SUBJECT, withData(SUBJECT, { linkedPlans }))).toEqual([
      'data.linkedPlans.0.heldByOrgId must be a UUID',
    ]);
  });

  it(`should reject the event when it links more than ${MAX_LINKED_PLANS} plans`, () => {
    const linkedPlans = Array.from({ length: MAX_LINKED_PLANS + 1 }, (_, index) => ({
      kind: 'OTHER',
      reference: `P-${index}`,
    }));

    expect(errorsOf(SUBJECT, withData(SUBJECT, { linkedPlans }))).toEqual([
      `data.linkedPlans must contain no more than ${MAX_LINKED_PLANS} elements`,
    ]);
  });

  it.each([
    ['2026-02-30', 'data.reviewDate must be a real calendar date'],
    ['2026-09-01T00:00:00Z', 'data.reviewDate must be a date as YYYY-MM-DD'],
  ])('should reject the event when reviewDate is %s', (reviewDate, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { reviewDate }))).toEqual([message]);
  });

  it('should reject the event when it carries the plan’s goals in free text', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { goals: 'Päihteettömyys ja työkyky' }))).toEqual([
      'data.goals should not exist',
    ]);
  });
});
