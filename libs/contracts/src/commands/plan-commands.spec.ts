import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AgreePlanCommand, CreateReferralCommand, RevisePlanCommand, StartMeasureCommand } from '.';

function errorsOf(type: new () => object, body: object): string[] {
  return validateSync(plainToInstance(type, body), {
    whitelist: true,
    forbidNonWhitelisted: true,
  }).map((error) => error.property);
}

const MEASURE = {
  measureType: 'REHABILITATIVE_WORK_ACTIVITY',
  placement: { kind: 'IN_HOUSE' },
  schedule: {
    daysPerWeek: 3,
    hoursPerDay: 6,
    startDate: '2027-01-11',
    plannedEndDate: '2027-07-10',
  },
};

const PLAN = {
  parties: [{ orgId: '0b7c5d2e-4a61-4f0e-9a11-6f2d8c1e0a01', role: 'EMPLOYMENT_AUTHORITY' }],
  clientAgreed: true,
  linkedPlans: [],
  goals: [{ text: 'Opettelen aamurytmin.' }],
};

describe('StartMeasureCommand', () => {
  it('should accept a measure whose schedule breaks the law: the service names the rule', () => {
    const schedule = { ...MEASURE.schedule, daysPerWeek: 5, hoursPerDay: 3.5 };

    expect(errorsOf(StartMeasureCommand, { ...MEASURE, schedule })).toEqual([]);
  });

  // Found by the command fuzzer: @ValidateNested takes an array as a list of nothing.
  it.each(['placement', 'schedule'])('should reject %s sent as an array', (field) => {
    expect(errorsOf(StartMeasureCommand, { ...MEASURE, [field]: [] })).toEqual([field]);
  });
});

describe('AgreePlanCommand', () => {
  it('should accept a plan with a goal in the client’s own words', () => {
    expect(errorsOf(AgreePlanCommand, PLAN)).toEqual([]);
  });

  it('should reject a plan without parties', () => {
    expect(errorsOf(AgreePlanCommand, { ...PLAN, parties: [] })).toEqual(['parties']);
  });

  it('should reject a goal whose GAS scale is an array', () => {
    expect(
      errorsOf(AgreePlanCommand, { ...PLAN, goals: [{ text: 'Tavoite', gasScale: [] }] }),
    ).toEqual(['goals']);
  });

  it('should reject a personal identity code in a goal', () => {
    expect(
      errorsOf(AgreePlanCommand, { ...PLAN, goals: [{ text: 'Asiakas 131052-308T' }] }),
    ).toEqual(['goals']);
  });
});

describe('RevisePlanCommand', () => {
  it('should need the reason as a category', () => {
    expect(errorsOf(RevisePlanCommand, PLAN)).toEqual(['reasonCategory']);
    expect(errorsOf(RevisePlanCommand, { ...PLAN, reasonCategory: 'SCHEDULED_REVIEW' })).toEqual(
      [],
    );
  });
});

describe('CreateReferralCommand', () => {
  it('should reject the client sent as an array', () => {
    expect(errorsOf(CreateReferralCommand, { client: [] })).toContain('client');
  });
});
