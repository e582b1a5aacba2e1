// The rules of intake's events beyond "the sample is valid" and "a required field is missing".
import {
  BASIC_NEED_ISSUE_KINDS,
  BASIC_NEED_RESOLUTIONS,
  MAX_CONSENT_ORGANISATIONS,
  PARALLEL_SERVICES,
} from '../../src/index';
import { IDS } from '../event-catalogue/sample-ids';
import { samplePayload } from '../event-catalogue/event-samples';
import {
  acceptsEach,
  eachField,
  rulesOf,
  type ContractIdentity,
  type EventRule,
} from './event-rule';

const CLIENT_LEVEL_CLASSES =
  'PATH, PLAN, ATTENDANCE, HEALTH_FLAG, FINANCE_FLAG, CLIENT_VOICE, EXPERT';
const BASICS = samplePayload('polku.intake.intake.intake-completed.v1').basics;

export const INTAKE_CONTRACTS = {
  'polku.intake.referral.client-referred.v1': ['ClientReferred', 'PATH'],
  'polku.intake.referral.referral-accepted.v1': ['ReferralAccepted', 'PATH'],
  'polku.intake.referral.referral-declined.v1': ['ReferralDeclined', 'PATH'],
  'polku.intake.referral.referral-linked.v1': ['ReferralLinked', 'PATH'],
  'polku.intake.client.client-identity-verified.v1': ['ClientIdentityVerified', 'PATH'],
  'polku.intake.client.clients-linked.v1': ['ClientsLinked', 'PATH'],
  'polku.intake.client.clients-unlinked.v1': ['ClientsUnlinked', 'PATH'],
  'polku.intake.consent.consent-granted.v1': ['ConsentGranted', 'PATH'],
  'polku.intake.consent.consent-withdrawn.v1': ['ConsentWithdrawn', 'PATH'],
  'polku.intake.referral.prior-information-shared.v1': ['PriorInformationShared', 'PATH'],
  'polku.intake.path.client-returned-to-intermediate-market.v1': [
    'ClientReturnedToIntermediateMarket',
    'PATH',
  ],
  // HEALTH_FLAG: the intake carries the health flag; an issue kind or a service can be one.
  'polku.intake.intake.intake-completed.v1': ['IntakeCompleted', 'HEALTH_FLAG'],
  'polku.intake.basic-need.basic-need-issue-flagged.v1': ['BasicNeedIssueFlagged', 'HEALTH_FLAG'],
  'polku.intake.basic-need.basic-need-resolved.v1': ['BasicNeedResolved', 'HEALTH_FLAG'],
  'polku.intake.parallel-service.parallel-service-referred.v1': [
    'ParallelServiceReferred',
    'HEALTH_FLAG',
  ],
} as const satisfies Record<string, ContractIdentity>;

export const INTAKE_REQUIRED = {
  'polku.intake.basic-need.basic-need-issue-flagged.v1': [
    'issueId',
    'kind',
    'actionItemId',
    'ownerOrgId',
  ],
  'polku.intake.basic-need.basic-need-resolved.v1': ['issueId', 'actionItemId', 'resolution'],
  'polku.intake.path.client-returned-to-intermediate-market.v1': [
    'previousPathId',
    'monthsSinceExit',
    'loopCount',
  ],
  'polku.intake.consent.consent-granted.v1': [
    'consentId',
    'orgIds',
    'dataClasses',
    'purpose',
    'validFrom',
    'howGiven',
    'recordedByOrgId',
  ],
  'polku.intake.consent.consent-withdrawn.v1': ['consentId', 'withdrawnConsentId', 'effectiveAt'],
  'polku.intake.client.client-identity-verified.v1': ['identityVerified', 'basis'],
  'polku.intake.client.clients-linked.v1': [
    'linkId',
    'match',
    'identityVerified',
    'identityStatus',
  ],
  'polku.intake.client.clients-unlinked.v1': ['linkId', 'identityVerified', 'identityStatus'],
  'polku.intake.referral.referral-linked.v1': [
    'referralId',
    'heldPathId',
    'fromOrgId',
    'toOrgId',
    'basis',
  ],
  'polku.intake.intake.intake-completed.v1': [
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
  ],
  'polku.intake.parallel-service.parallel-service-referred.v1': ['referralId', 'service'],
  'polku.intake.referral.prior-information-shared.v1': [
    'referralId',
    'packageId',
    'dataClasses',
    'toOrgId',
  ],
} as const;

export const INTAKE_RULES: readonly EventRule[] = [
  ...rulesOf('polku.intake.basic-need.basic-need-issue-flagged.v1', [
    ...acceptsEach('kind', BASIC_NEED_ISSUE_KINDS),
    ['should accept the event when no due date is agreed yet', { dueDate: undefined }, []],
    [
      'should reject the event when kind is not an issue kind',
      { kind: 'PAYDAY_LOANS_4000_EUR' },
      [
        'data.kind must be one of the following values: HOUSING_ARREARS, EVICTION_THREAT, NO_BENEFIT_DECISION, DEBT, PERMIT_MISSING, TREATMENT_NOT_STARTED, OTHER',
      ],
    ],
    ...eachField(['issueId', 'actionItemId', 'ownerOrgId'], 'social-services', 'must be a UUID'),
    [
      'should reject the event when dueDate is not a real date',
      { dueDate: '2026-02-29' },
      ['data.dueDate must be a real calendar date'],
    ],
    [
      'should reject the event when it describes the issue in free text',
      { description: 'Vuokrarästit 3 kk, häätöuhka' },
      ['data.description should not exist'],
    ],
  ]),
  ...rulesOf('polku.intake.basic-need.basic-need-resolved.v1', [
    ...acceptsEach('resolution', BASIC_NEED_RESOLUTIONS),
    [
      'should reject the event when resolution is not a resolution category',
      { resolution: 'FIXED' },
      [
        'data.resolution must be one of the following values: IN_ORDER, PAYMENT_PLAN_AGREED, DECISION_RECEIVED, SERVICE_STARTED, NO_LONGER_RELEVANT, CLIENT_DECLINED',
      ],
    ],
    ...eachField(['issueId', 'actionItemId'], 42, 'must be a UUID'),
  ]),
  ...rulesOf('polku.intake.path.client-returned-to-intermediate-market.v1', [
    [
      'should accept the event when the client returns within the first month for the first time',
      { monthsSinceExit: 0, loopCount: 1 },
      [],
    ],
    ...eachField(['previousPathId'], 'path-1', 'must be a UUID'),
    [
      'should reject the event when monthsSinceExit is -1',
      { monthsSinceExit: -1 },
      ['data.monthsSinceExit must not be less than 0'],
    ],
    [
      'should reject the event when monthsSinceExit is 2.5',
      { monthsSinceExit: 2.5 },
      ['data.monthsSinceExit must be an integer number'],
    ],
    [
      'should reject the event when monthsSinceExit is "7"',
      { monthsSinceExit: '7' },
      [
        'data.monthsSinceExit must be an integer number',
        'data.monthsSinceExit must not be less than 0',
      ],
    ],
    [
      'should reject the event when loopCount is 0',
      { loopCount: 0 },
      ['data.loopCount must not be less than 1'],
    ],
    [
      'should reject the event when loopCount is 1.5',
      { loopCount: 1.5 },
      ['data.loopCount must be an integer number'],
    ],
  ]),
  ...rulesOf('polku.intake.consent.consent-granted.v1', [
    [
      'should accept the event when validTo is left out for a consent that holds until withdrawn',
      { validTo: undefined },
      [],
    ],
    [
      'should accept the event when validTo equals validFrom for a one-day consent',
      { validFrom: '2026-03-02', validTo: '2026-03-02' },
      [],
    ],
    [
      'should accept the event when it names every client-level data class',
      {
        dataClasses: [
          'PATH',
          'PLAN',
          'ATTENDANCE',
          'HEALTH_FLAG',
          'FINANCE_FLAG',
          'CLIENT_VOICE',
          'EXPERT',
        ],
      },
      [],
    ],
    [
      'should reject the event when orgIds is empty',
      { orgIds: [] },
      ['data.orgIds should not be empty'],
    ],
    [
      'should reject the event when orgIds names an organisation twice',
      { orgIds: [IDS.providerOrgId, IDS.providerOrgId] },
      ['data.orgIds must not contain duplicates'],
    ],
    [
      'should reject the event when an orgIds entry is not a uuid, such as a person',
      { orgIds: [IDS.providerOrgId, 'Maija Mallikas'] },
      ['data.orgIds must contain only UUIDs'],
    ],
    [
      'should reject the event when orgIds is one uuid rather than a list',
      { orgIds: IDS.providerOrgId },
      { contains: 'data.orgIds must be an array' },
    ],
    [
      `should reject the event when orgIds names more than ${MAX_CONSENT_ORGANISATIONS} organisations`,
      {
        orgIds: Array.from(
          { length: MAX_CONSENT_ORGANISATIONS + 1 },
          (_, index) => `b2c3d4e5-f6a7-4b8c-9d0e-${String(index).padStart(12, '0')}`,
        ),
      },
      [`data.orgIds must contain no more than ${MAX_CONSENT_ORGANISATIONS} elements`],
    ],
    [
      'should reject the event when dataClasses is empty',
      { dataClasses: [] },
      ['data.dataClasses should not be empty'],
    ],
    [
      'should reject the event when dataClasses names AGGREGATE, which is not client-level',
      { dataClasses: ['PATH', 'AGGREGATE'] },
      [`data.dataClasses must contain only the following values: ${CLIENT_LEVEL_CLASSES}`],
    ],
    [
      'should reject the event when dataClasses names a class twice',
      { dataClasses: ['PLAN', 'PLAN'] },
      ['data.dataClasses must not contain duplicates'],
    ],
    [
      'should reject the event when purpose is free text instead of a coded purpose',
      { purpose: 'to help with housing' },
      [
        'data.purpose must be one of the following values: CLIENT_WORK, REFERRAL, NETWORK_MEETING, HANDOFF, FOLLOW_UP, EXPERT_PARTICIPATION',
      ],
    ],
    [
      'should reject the event when howGiven is not a consent method',
      { howGiven: 'IMPLIED' },
      [
        'data.howGiven must be one of the following values: WRITTEN, ORAL_RECORDED_BY_WORKER, ELECTRONIC',
      ],
    ],
    [
      'should reject the event when validTo is before validFrom',
      { validFrom: '2026-03-02', validTo: '2026-03-01' },
      ['data.validTo must not be before validFrom'],
    ],
    ...eachField(['validFrom'], '2026-02-30', 'must be a real calendar date'),
    ...eachField(['validTo'], '2027-13-01', 'must be a real calendar date'),
    ...eachField(['validFrom'], '2026-03-02T00:00:00Z', 'must be a date as YYYY-MM-DD'),
    ...eachField(['recordedByOrgId'], 'te-office', 'must be a UUID'),
    [
      'should reject the event when it names a person among its fields',
      { workerName: 'Maija Mallikas' },
      ['data.workerName should not exist'],
    ],
    [
      'should accept the event with a legalBasis when it has no consentRef',
      ({ consentRef: _consentRef, ...event }) => ({ ...event, legalBasis: 'FI-703/2023' }),
      [],
    ],
  ]),
  ...rulesOf('polku.intake.consent.consent-withdrawn.v1', [
    [
      'should reject the event when the withdrawal reuses the withdrawn consent’s record',
      { consentId: IDS.consentId },
      ['data.consentId must differ from withdrawnConsentId'],
    ],
    ...eachField(['withdrawnConsentId'], 'consent-42', 'must be a UUID'),
    ...['2026-04-01', '2026-04-01T12:30:00+03:00'].flatMap((effectiveAt) =>
      eachField(
        ['effectiveAt'],
        effectiveAt,
        'must be an ISO-8601 UTC timestamp like 2026-03-02T08:15:00.000Z',
      ),
    ),
    ...eachField(['effectiveAt'], '2026-04-31T09:30:00.000Z', 'must be a real instant'),
  ]),
  ...rulesOf('polku.intake.referral.referral-linked.v1', [
    ...eachField(['referralId', 'heldPathId', 'fromOrgId', 'toOrgId'], 'path-42', 'must be a UUID'),
    [
      'should reject the event when basis is not a way the two are linked',
      { basis: 'REFERRER_ASKED' },
      ['data.basis must be one of the following values: OWNER_ACCEPTED'],
    ],
    [
      'should reject the event when it carries the client’s identity',
      { personalIdentityCode: '010190-123A' },
      ['data.personalIdentityCode should not exist'],
    ],
  ]),
  ...rulesOf('polku.intake.referral.client-referred.v1', [
    [
      'should accept the event when the client’s identity is not verified',
      { identityVerified: false },
      [],
    ],
    [
      'should accept the event without identityVerified, as events before unverified clients were written',
      { identityVerified: undefined },
      [],
    ],
    [
      'should reject the event when identityVerified is not a boolean',
      { identityVerified: 'no' as unknown as boolean },
      ['data.identityVerified must be a boolean value'],
    ],
  ]),
  ...rulesOf('polku.intake.client.client-identity-verified.v1', [
    [
      'should reject the event when identityVerified is false (the event tells of a verification)',
      { identityVerified: false as unknown as true },
      ['data.identityVerified must be equal to true'],
    ],
    [
      'should reject the event when it carries the code it was verified by',
      { personalIdentityCode: '131052-308T' },
      ['data.personalIdentityCode should not exist'],
    ],
  ]),
  ...rulesOf('polku.intake.client.clients-linked.v1', [
    ...acceptsEach('match', ['SAME_CODE', 'SAME_NAMES_AND_BIRTH_DATE']),
    ...acceptsEach('identityStatus', ['VERIFIED', 'UNVERIFIED', 'LINKED']),
    ...eachField(['linkId'], 'link-42', 'must be a UUID'),
    [
      'should reject the event when it names the other client',
      { otherClientRef: '5e1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b' },
      ['data.otherClientRef should not exist'],
    ],
  ]),
  ...rulesOf('polku.intake.client.clients-unlinked.v1', [
    ...eachField(['linkId'], 'link-42', 'must be a UUID'),
    [
      'should reject the event when identityStatus is not a status',
      { identityStatus: 'MAYBE' as never },
      ['data.identityStatus must be one of the following values: VERIFIED, UNVERIFIED, LINKED'],
    ],
  ]),
  ...rulesOf('polku.intake.intake.intake-completed.v1', [
    [
      'should accept the event when the client has no language needs and no benefits',
      { healthFlag: false, languageAndIntegrationNeeds: [], currentBenefits: [] },
      [],
    ],
    [
      'should accept the event when several language and integration needs apply',
      { languageAndIntegrationNeeds: ['LANGUAGE_SUPPORT', 'INTERPRETER', 'INTEGRATION_SERVICES'] },
      [],
    ],
    ...(
      [
        ['economicSituation', 'BANKRUPT'],
        ['housingSituation', 'HOMELESS_SHELTER'],
        ['relationships', 'DIVORCED'],
        ['lifeManagement', 'GOOD'],
        ['educationLevel', 'MASTER_OF_ARTS'],
        ['educationCurrency', 'OLD'],
        ['unemploymentDurationBand', '512'],
        ['ageBand', '52'],
      ] as const
    ).map(([field, value]): [string, Record<string, unknown>, RegExp[]] => [
      `should reject the event when ${field} is not one of its codes`,
      { [field]: value },
      [new RegExp(`^data\\.${field} must be one of the following values: `)],
    ]),
    ...['yes', 'Masennus, hoito kesken', 1, null].map(
      (healthFlag): [string, Record<string, unknown>, string[]] => [
        `should reject the event when healthFlag is ${JSON.stringify(healthFlag)} instead of a yes/no boolean`,
        { healthFlag },
        ['data.healthFlag must be a boolean value'],
      ],
    ),
    [
      'should reject the event when it carries health detail beside the flag',
      { healthDetails: 'Masennus, hoitojakso kesken' },
      ['data.healthDetails should not exist'],
    ],
    [
      'should reject the event when a benefit is unknown',
      { currentBenefits: ['UNIVERSAL_BASIC_INCOME'] },
      [/^data\.currentBenefits must contain only the following values: /],
    ],
    [
      'should reject the event when a benefit is listed twice',
      { currentBenefits: ['HOUSING_ALLOWANCE', 'HOUSING_ALLOWANCE'] },
      ['data.currentBenefits must not contain duplicates'],
    ],
    [
      'should reject the event when currentBenefits is one code rather than a list',
      { currentBenefits: 'LABOUR_MARKET_SUBSIDY' },
      { contains: 'data.currentBenefits must be an array' },
    ],
    [
      'should reject the event when a language need is unknown',
      { languageAndIntegrationNeeds: ['ARABIC'] },
      [
        'data.languageAndIntegrationNeeds must contain only the following values: LANGUAGE_SUPPORT, INTERPRETER, INTEGRATION_SERVICES',
      ],
    ],
    ...['housing', 'benefits', 'permits', 'debts', 'treatment'].map(
      (item): [string, Record<string, unknown>, string[]] => [
        `should reject the event and name data.basics.${item} when that checklist item is not a status`,
        { basics: { ...BASICS, [item]: 'DONE' } },
        [`data.basics.${item} must be one of the following values: IN_ORDER, OPEN, NOT_APPLICABLE`],
      ],
    ),
    [
      'should reject the event when a checklist item is missing',
      { basics: (({ treatment: _treatment, ...rest }) => rest)(BASICS) },
      ['data.basics.treatment must be one of the following values: IN_ORDER, OPEN, NOT_APPLICABLE'],
    ],
    [
      'should reject the event when the checklist carries a note',
      { basics: { ...BASICS, housingNote: 'Vuokrarästejä 3 kk' } },
      ['data.basics.housingNote should not exist'],
    ],
    [
      'should reject the event when basics is not an object',
      { basics: 'OPEN' },
      { contains: 'data.basics must be an object' },
    ],
  ]),
  ...rulesOf('polku.intake.parallel-service.parallel-service-referred.v1', [
    ...acceptsEach('service', PARALLEL_SERVICES),
    [
      'should accept the event when the providing organisation is not known',
      { toOrgId: undefined },
      [],
    ],
    [
      'should reject the event when service is not a parallel service',
      { service: 'A_CLINIC_DETOX' },
      [
        'data.service must be one of the following values: DEBT_COUNSELLING, SUBSTANCE_SERVICES, MENTAL_HEALTH_SERVICES, HEALTH_CHECK, KELA_APPLICATION, HOUSING_OFFICE, YOUTH_SERVICES, OTHER',
      ],
    ],
    ...eachField(['referralId', 'toOrgId'], 'kela', 'must be a UUID'),
  ]),
  ...rulesOf('polku.intake.referral.prior-information-shared.v1', [
    [
      'should reject the event when dataClasses is empty',
      { dataClasses: [] },
      ['data.dataClasses should not be empty'],
    ],
    ...['AGGREGATE', 'DIAGNOSES'].map((dataClass): [string, Record<string, unknown>, string[]] => [
      `should reject the event when dataClasses names ${dataClass}, which is not a client-level class`,
      { dataClasses: [dataClass] },
      [`data.dataClasses must contain only the following values: ${CLIENT_LEVEL_CLASSES}`],
    ]),
    [
      'should reject the event when dataClasses names a class twice',
      { dataClasses: ['PLAN', 'PLAN'] },
      ['data.dataClasses must not contain duplicates'],
    ],
    [
      'should reject the event when the package content travels in the event',
      { content: 'Asiakkaalla on masennus ja velkoja' },
      ['data.content should not exist'],
    ],
    ...eachField(['referralId', 'packageId', 'toOrgId'], 'pkg-1', 'must be a UUID'),
  ]),
];
