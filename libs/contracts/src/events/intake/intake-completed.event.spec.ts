import { aValidEvent, errorsOf, VALID_PAYLOADS, withData } from '../../../test/event-factories';
import { INTAKE_COMPLETED_V1 } from './intake-completed.event';

const SUBJECT = INTAKE_COMPLETED_V1.subject;
const VALID_BASICS = VALID_PAYLOADS[SUBJECT].basics;

describe('IntakeCompleted v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should accept the event when the client has no language needs and no benefits', () => {
    expect(
      errorsOf(
        SUBJECT,
        withData(SUBJECT, {
          healthFlag: false,
          languageAndIntegrationNeeds: [],
          currentBenefits: [],
        }),
      ),
    ).toEqual([]);
  });

  it('should accept the event when several language and integration needs apply', () => {
    expect(
      errorsOf(
        SUBJECT,
        withData(SUBJECT, {
          languageAndIntegrationNeeds: ['LANGUAGE_SUPPORT', 'INTERPRETER', 'INTEGRATION_SERVICES'],
        }),
      ),
    ).toEqual([]);
  });

  it('should use the HEALTH_FLAG data class when defined, because it carries the health flag', () => {
    expect(INTAKE_COMPLETED_V1).toMatchObject({
      subject: 'polku.intake.intake.intake-completed.v1',
      type: 'IntakeCompleted',
      dataClass: 'HEALTH_FLAG',
    });
  });

  it.each([
    'intakeId',
    'economicSituation',
    'healthFlag',
    'housingSituation',
    'relationships',
    'lifeManagement',
    'educationLevel',
    'educationCurrency',
    'unemploymentDurationBand',
    'ageBand',
    'languageAndIntegrationNeeds',
    'currentBenefits',
    'basics',
  ])('should reject the event and name data.%s when that required field is missing', (field) => {
    const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
  });

  it.each([
    ['economicSituation', 'BANKRUPT'],
    ['housingSituation', 'HOMELESS_SHELTER'],
    ['relationships', 'DIVORCED'],
    ['lifeManagement', 'GOOD'],
    ['educationLevel', 'MASTER_OF_ARTS'],
    ['educationCurrency', 'OLD'],
    ['unemploymentDurationBand', '512'],
    ['ageBand', '52'],
  ])('should reject the event when %s is not one of its codes', (field, value) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: value }))).toEqual([
      expect.stringMatching(new RegExp(`^data\\.${field} must be one of the following values: `)),
    ]);
  });

  it.each(['yes', 'Masennus, hoito kesken', 1, null])(
    'should reject the event when healthFlag is %p instead of a yes/no boolean',
    (healthFlag) => {
      expect(errorsOf(SUBJECT, withData(SUBJECT, { healthFlag }))).toEqual([
        'data.healthFlag must be a boolean value',
      ]);
    },
  );

  it('should reject the event when it carries health detail beside the flag', () => {
    expect(
      errorsOf(SUBJECT, withData(SUBJECT, { healthDetails: 'Masennus, hoitojakso kesken' })),
    ).toEqual(['data.healthDetails should not exist']);
  });

  it('should reject the event when a benefit is unknown or listed twice', () => {
    expect(
      errorsOf(SUBJECT, withData(SUBJECT, { currentBenefits: ['UNIVERSAL_BASIC_INCOME'] })),
    ).toEqual([
      expect.stringMatching(/^data\.currentBenefits must contain only the following values: /),
    ]);
    expect(
      errorsOf(
        SUBJECT,
        withData(SUBJECT, { currentBenefits: ['HOUSING_ALLOWANCE', 'HOUSING_ALLOWANCE'] }),
      ),
    ).toEqual(['data.currentBenefits must not contain duplicates']);
  });

  it('should reject the event when currentBenefits is one code rather than a list', () => {
    expect(
      errorsOf(SUBJECT, withData(SUBJECT, { currentBenefits: 'LABOUR_MARKET_SUBSIDY' })),
    ).toContain('data.currentBenefits must be an array');
  });

  it('should reject the event when a language need is unknown', () => {
    expect(
      errorsOf(SUBJECT, withData(SUBJECT, { languageAndIntegrationNeeds: ['ARABIC'] })),
    ).toEqual([
      'data.languageAndIntegrationNeeds must contain only the following values: LANGUAGE_SUPPORT, INTERPRETER, INTEGRATION_SERVICES',
    ]);
  });

  it.each(['housing', 'benefits', 'permits', 'debts', 'treatment'])(
    'should reject the event and name data.basics.%s when that checklist item is not a status',
    (item) => {
      const basics = { ...VALID_BASICS, [item]: 'DONE' };

      expect(errorsOf(SUBJECT, withData(SUBJECT, { basics }))).toEqual([
        `data.basics.${item} must be one of the following values: IN_ORDER, OPEN, NOT_APPLICABLE`,
      ]);
    },
  );

  it('should reject the event when a checklist item is missing', () => {
    const { treatment: _treatment, ...basics } = VALID_BASICS;

    expect(errorsOf(SUBJECT, withData(SUBJECT, { basics }))).toEqual([
      'data.basics.treatment must be one of the following values: IN_ORDER, OPEN, NOT_APPLICABLE',
    ]);
  });

  it('should reject the event when the checklist carries a note', () => {
    const basics = { ...VALID_BASICS, housingNote: 'Vuokrarästejä 3 kk' };

    expect(errorsOf(SUBJECT, withData(SUBJECT, { basics }))).toEqual([
      'data.basics.housingNote should not exist',
    ]);
  });

  it('should reject the event when basics is not an object', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { basics: 'OPEN' }))).toContain(
      'data.basics must be an object',
    );
  });
});
