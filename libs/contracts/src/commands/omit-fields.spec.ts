import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { fieldDocsOf } from '../field-doc.decorator';
import { IntakeCompletedPayload } from '../events/intake/intake-completed.event';
import { CompleteIntakeCommand } from './intake-assessment-commands';

const INTAKE = {
  economicSituation: 'WEAK',
  healthFlag: false,
  housingSituation: 'OWN_HOME',
  relationships: 'NO_CONCERN',
  lifeManagement: 'SOME_CONCERN',
  educationLevel: 'VOCATIONAL',
  educationCurrency: 'UP_TO_DATE',
  unemploymentDurationBand: 'UNDER_90_DAYS',
  ageBand: 'AGE_25_29',
  languageAndIntegrationNeeds: [],
  currentBenefits: [],
  basics: {
    housing: 'IN_ORDER',
    benefits: 'IN_ORDER',
    permits: 'IN_ORDER',
    debts: 'IN_ORDER',
    treatment: 'IN_ORDER',
  },
  basicNeedIssues: [],
};

function errorsOf(body: object): string[] {
  return validateSync(plainToInstance(CompleteIntakeCommand, body), {
    whitelist: true,
    forbidNonWhitelisted: true,
  }).map((error) => error.property);
}

describe('OmitFields', () => {
  it('should keep the base class rules when a field is left out', () => {
    expect(errorsOf({ ...INTAKE, economicSituation: 'RICH' })).toEqual(['economicSituation']);
  });

  it('should validate nested classes of the base when they are kept', () => {
    expect(errorsOf({ ...INTAKE, basics: { ...INTAKE.basics, debts: 'MAYBE' } })).toEqual([
      'basics',
    ]);
  });

  it('should refuse an omitted field when it is sent', () => {
    expect(errorsOf({ ...INTAKE, intakeId: '7b1d4e08-0000-4000-8000-000000000000' })).toEqual([
      'intakeId',
    ]);
  });

  it('should keep the field docs of every field but the omitted ones', () => {
    const base = fieldDocsOf(IntakeCompletedPayload).filter(({ name }) => name !== 'intakeId');
    expect(fieldDocsOf(CompleteIntakeCommand).map(({ name }) => name)).toEqual([
      ...base.map(({ name }) => name),
      'basicNeedIssues',
    ]);
  });
});
