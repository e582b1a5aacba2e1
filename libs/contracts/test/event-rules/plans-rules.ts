// The rules of plans' events beyond "the sample is valid" and "a required field is missing".
import {
  MAX_GAS_LEVEL_TEXT_LENGTH,
  MAX_GOAL_TEXT_LENGTH,
  MAX_LINKED_PLANS,
  MAX_PLAN_PARTIES,
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

const EMPLOYMENT_AUTHORITY = { orgId: IDS.employmentAuthorityOrgId, role: 'EMPLOYMENT_AUTHORITY' };
const PROVIDER = { orgId: IDS.providerOrgId, role: 'PROVIDER' };
const NEW_PROVIDER = { orgId: '0b4b6a0e-5a5c-4c43-9f0e-2f0a4b3c2d11', role: 'PROVIDER' };
const SCHEDULE = samplePayload('polku.plans.measure.measure-started.v1').schedule;
const GAS_SCALE = samplePayload('polku.plans.goal.goal-set.v1').gasScale;
const PLAN_REVIEW_TIMER = {
  orgId: '00000000-0000-4000-8000-000000000000',
  orgRole: 'SYSTEM',
  actorId: 'activation-plans:plan-review-timer',
  actorRole: 'SYSTEM',
};
const PERSONAL_IDENTITY_CODE_MESSAGE =
  'must not contain a personal identity code (identity stays in client-intake)';

function orgIdOf(index: number): string {
  return `b2c3d4e5-f6a7-4b8c-9d0e-${String(index).padStart(12, '0')}`;
}

function without(object: object, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([name]) => name !== key));
}

export const PLANS_CONTRACTS = {
  'polku.plans.plan.activation-plan-agreed.v1': ['ActivationPlanAgreed', 'PLAN'],
  'polku.plans.plan.activation-plan-revised.v1': ['ActivationPlanRevised', 'PLAN'],
  'polku.plans.plan.plan-review-due.v1': ['PlanReviewDue', 'PLAN'],
  'polku.plans.plan.plan-review-overdue.v1': ['PlanReviewOverdue', 'PLAN'],
  'polku.plans.goal.goal-set.v1': ['GoalSet', 'PLAN'],
  'polku.plans.goal.goal-progress-recorded.v1': ['GoalProgressRecorded', 'PLAN'],
  'polku.plans.measure.measure-started.v1': ['MeasureStarted', 'PATH'],
  'polku.plans.attendance.attendance-recorded.v1': ['AttendanceRecorded', 'ATTENDANCE'],
  'polku.plans.attendance.absence-reported.v1': ['AbsenceReported', 'ATTENDANCE'],
  'polku.plans.measure.measure-paused.v1': ['MeasurePaused', 'HEALTH_FLAG'],
  'polku.plans.measure.measure-resumed.v1': ['MeasureResumed', 'HEALTH_FLAG'],
  'polku.plans.measure.measure-ended.v1': ['MeasureEnded', 'PATH'],
  'polku.plans.statement.statement-requested.v1': ['StatementRequested', 'PATH'],
  'polku.plans.statement.statement-issued.v1': ['StatementIssued', 'PATH'],
} as const satisfies Record<string, ContractIdentity>;

export const PLANS_REQUIRED = {
  'polku.plans.attendance.absence-reported.v1': ['measureId', 'date', 'reasonCategory'],
  'polku.plans.plan.activation-plan-agreed.v1': [
    'planId',
    'planVersion',
    'parties',
    'clientAgreed',
    'linkedPlans',
    'reviewDate',
  ],
  'polku.plans.plan.activation-plan-revised.v1': [
    'planId',
    'planVersion',
    'changed',
    'reasonCategory',
    'reviewDate',
  ],
  'polku.plans.attendance.attendance-recorded.v1': ['measureId', 'date', 'status'],
  'polku.plans.goal.goal-progress-recorded.v1': ['goalId', 'recordedAt', 'assessedBy'],
  'polku.plans.goal.goal-set.v1': ['planId', 'goalId', 'text'],
  'polku.plans.measure.measure-ended.v1': ['measureId', 'endDate', 'endReason'],
  'polku.plans.measure.measure-paused.v1': ['measureId', 'reasonCategory', 'pausedAt'],
  'polku.plans.measure.measure-resumed.v1': ['measureId', 'resumedAt'],
  'polku.plans.measure.measure-started.v1': [
    'measureId',
    'planId',
    'measureType',
    'placement',
    'schedule',
  ],
  'polku.plans.plan.plan-review-due.v1': ['planId', 'dueDate'],
  'polku.plans.plan.plan-review-overdue.v1': ['planId', 'dueDate'],
  'polku.plans.statement.statement-issued.v1': ['statementId', 'issuedAt'],
  'polku.plans.statement.statement-requested.v1': [
    'statementId',
    'kind',
    'requestedByOrgId',
    'dueDate',
  ],
} as const;

const UTC_TIMESTAMP = 'must be an ISO-8601 UTC timestamp like 2026-03-02T08:15:00.000Z';

export const PLANS_RULES: readonly EventRule[] = [
  ...rulesOf('polku.plans.attendance.absence-reported.v1', [
    ...acceptsEach('reasonCategory', [
      'SICK',
      'CARE_OF_CHILD',
      'OFFICIAL_APPOINTMENT',
      'UNEXCUSED',
      'OTHER',
    ]),
    ...eachField(['measureId'], 'KTT-1', 'must be a UUID'),
    ...eachField(['date'], '2026-02-29', 'must be a real calendar date'),
    [
      'should reject the event when reasonCategory is the illness rather than a category',
      { reasonCategory: 'migreeni' },
      [
        'data.reasonCategory must be one of the following values: SICK, CARE_OF_CHILD, OFFICIAL_APPOINTMENT, UNEXCUSED, OTHER',
      ],
    ],
    [
      'should reject the event when it carries detail beside the category',
      { reasonDetail: 'Lääkärissä, vatsatauti' },
      ['data.reasonDetail should not exist'],
    ],
  ]),
  ...rulesOf('polku.plans.plan.activation-plan-agreed.v1', [
    ['should accept the event when the client has no other plans to link', { linkedPlans: [] }, []],
    [
      'should accept the event when the plan was drawn up without the client’s agreement',
      { clientAgreed: false },
      [],
    ],
    [
      'should accept the event when a linked plan names no holding organisation',
      { linkedPlans: [{ kind: 'TYP_MULTISECTORAL_PLAN', reference: 'TYP-2026-17' }] },
      [],
    ],
    ...eachField(['planId'], 'AP-2026-1', 'must be a UUID'),
    ...eachField(['planVersion'], 0, 'must not be less than 1'),
    ...eachField(['planVersion'], 1.5, 'must be an integer number'),
    [
      'should reject the event when parties is empty',
      { parties: [] },
      ['data.parties should not be empty'],
    ],
    [
      'should reject the event when parties names an organisation twice, even in two roles',
      { parties: [PROVIDER, { orgId: IDS.providerOrgId, role: 'EMPLOYER' }] },
      ['data.parties must not name an organisation twice'],
    ],
    [
      `should reject the event when parties names more than ${MAX_PLAN_PARTIES} organisations`,
      {
        parties: Array.from({ length: MAX_PLAN_PARTIES + 1 }, (_, index) => ({
          orgId: orgIdOf(index),
          role: 'PROVIDER',
        })),
      },
      [`data.parties must contain no more than ${MAX_PLAN_PARTIES} elements`],
    ],
    [
      'should reject the event and name the item when a party’s orgId is a person',
      { parties: [EMPLOYMENT_AUTHORITY, { orgId: 'Maija Mallikas', role: 'PROVIDER' }] },
      ['data.parties.1.orgId must be a UUID'],
    ],
    ...['CLIENT', 'EXPERT_COORDINATOR', 'SYSTEM', 'CASEWORKER'].map(
      (role): [string, Record<string, unknown>, string[]] => [
        `should reject the event when a party’s role is ${role}`,
        { parties: [EMPLOYMENT_AUTHORITY, { orgId: IDS.providerOrgId, role }] },
        [
          'data.parties.1.role must be one of the following values: EMPLOYMENT_AUTHORITY, SOCIAL_SERVICES, JOINT_SERVICE_TYP, KELA, HEALTH_CARE, PROVIDER, EDUCATION, EMPLOYER, DEBT_COUNSELLING',
        ],
      ],
    ),
    [
      'should reject the event when a party carries a field the contract does not define',
      { parties: [{ ...PROVIDER, workerName: 'Maija Mallikas' }] },
      ['data.parties.0.workerName should not exist'],
    ],
    [
      'should reject the event when a party is not an object',
      { parties: [IDS.providerOrgId] },
      ['data.parties.0: each value in nested property parties must be either object or array'],
    ],
    [
      'should reject the event when parties is one object rather than a list',
      { parties: PROVIDER },
      { contains: 'data.parties must be an array' },
    ],
    ...eachField(['clientAgreed'], 'yes', 'must be a boolean value'),
    [
      'should reject the event when a linked plan’s kind is not a plan kind',
      { linkedPlans: [{ kind: 'DEBT_RESCHEDULING', reference: 'VJ-1' }] },
      [
        'data.linkedPlans.0.kind must be one of the following values: EMPLOYMENT_PLAN, TYP_MULTISECTORAL_PLAN, COACHING_PLAN, REHABILITATION_PLAN, OTHER',
      ],
    ],
    ...(
      [
        ['', 'should not be empty'],
        ['R'.repeat(101), 'must be shorter than or equal to 100 characters'],
        ['TP 131052-308T', PERSONAL_IDENTITY_CODE_MESSAGE],
      ] as const
    ).map(([reference, message]): [string, Record<string, unknown>, string[]] => [
      `should reject the event when a linked plan’s reference is ${JSON.stringify(reference)}`,
      { linkedPlans: [{ kind: 'EMPLOYMENT_PLAN', reference }] },
      [`data.linkedPlans.0.reference ${message}`],
    ]),
    [
      'should reject the event when a linked plan carries its content',
      {
        linkedPlans: [
          { kind: 'REHABILITATION_PLAN', reference: 'KU-7', content: 'Terapiajakso jatkuu' },
        ],
      },
      ['data.linkedPlans.0.content should not exist'],
    ],
    [
      'should reject the event when a linked plan’s heldByOrgId is not a uuid',
      { linkedPlans: [{ kind: 'COACHING_PLAN', reference: 'VS-1', heldByOrgId: 'workshop' }] },
      ['data.linkedPlans.0.heldByOrgId must be a UUID'],
    ],
    [
      `should reject the event when it links more than ${MAX_LINKED_PLANS} plans`,
      {
        linkedPlans: Array.from({ length: MAX_LINKED_PLANS + 1 }, (_, index) => ({
          kind: 'OTHER',
          reference: `P-${index}`,
        })),
      },
      [`data.linkedPlans must contain no more than ${MAX_LINKED_PLANS} elements`],
    ],
    ...eachField(['reviewDate'], '2026-02-30', 'must be a real calendar date'),
    ...eachField(['reviewDate'], '2026-09-01T00:00:00Z', 'must be a date as YYYY-MM-DD'),
    [
      'should reject the event when it carries the plan’s goals in free text',
      { goals: 'Päihteettömyys ja työkyky' },
      ['data.goals should not exist'],
    ],
  ]),
  ...rulesOf('polku.plans.plan.activation-plan-revised.v1', [
    [
      'should accept the event when it names every part of the plan',
      {
        changed: ['GOALS', 'MEASURES', 'PARTIES', 'LINKED_PLANS', 'REVIEW_DATE'],
        parties: [NEW_PROVIDER],
      },
      [],
    ],
    [
      'should accept the parties after the revision when changed names PARTIES',
      {
        changed: ['PARTIES'],
        parties: [
          { orgId: '0b4b6a0e-5a5c-4c43-9f0e-2f0a4b3c2d11', role: 'EMPLOYMENT_AUTHORITY' },
          { orgId: '7d7f2c35-3a8e-4b55-8a0e-6b4a2f1d9c22', role: 'PROVIDER' },
        ],
      },
      [],
    ],
    [
      'should reject the event when changed names PARTIES and the parties are missing',
      { changed: ['PARTIES'], parties: undefined },
      ['data.parties is required when changed names PARTIES'],
    ],
    [
      'should reject the event when it carries parties that changed does not name',
      { changed: ['GOALS'], parties: [NEW_PROVIDER] },
      ['data.parties is allowed only when changed names PARTIES'],
    ],
    ...eachField(['planId'], 'plan-1', 'must be a UUID'),
    [
      'should reject the event when planVersion is 1, the version of the agreed plan',
      { planVersion: 1 },
      ['data.planVersion must not be less than 2'],
    ],
    [
      'should reject the event when changed is empty',
      { changed: [] },
      ['data.changed should not be empty'],
    ],
    [
      'should reject the event when changed names a part twice',
      { changed: ['PARTIES', 'PARTIES'], parties: [NEW_PROVIDER] },
      ['data.changed must not contain duplicates'],
    ],
    [
      'should reject the event when changed names something that is not a part of the plan',
      { changed: ['PARTIES', 'DIAGNOSIS'], parties: [NEW_PROVIDER] },
      [
        'data.changed must contain only the following values: GOALS, MEASURES, PARTIES, LINKED_PLANS, REVIEW_DATE',
      ],
    ],
    [
      'should reject the event when reasonCategory is free text',
      { reasonCategory: 'asiakkaan masennus paheni' },
      [
        'data.reasonCategory must be one of the following values: SCHEDULED_REVIEW, TRANSITION, CLIENT_SITUATION_CHANGED, CLIENT_REQUEST, MEASURE_NOT_AVAILABLE, OTHER',
      ],
    ],
    ...eachField(['reviewDate'], '2026-13-01', 'must be a real calendar date'),
  ]),
  ...rulesOf('polku.plans.attendance.attendance-recorded.v1', [
    ['should accept the event when the client attended part of the day', { status: 'PARTIAL' }, []],
    ...eachField(['measureId'], 'KTT-1', 'must be a UUID'),
    ...eachField(['date'], '2026-03-32', 'must be a real calendar date'),
    ...eachField(['date'], '2026-03-10T08:00:00.000Z', 'must be a date as YYYY-MM-DD'),
    [
      'should reject the event when status is ABSENT, which AbsenceReported records',
      { status: 'ABSENT' },
      ['data.status must be one of the following values: PRESENT, PARTIAL'],
    ],
  ]),
  ...rulesOf('polku.plans.goal.goal-progress-recorded.v1', [
    ...acceptsEach('gasLevel', [-2, -1, 0, 1, 2]),
    [
      'should accept the event when the goal has no GAS scale and gasLevel is left out',
      { gasLevel: undefined },
      [],
    ],
    ...acceptsEach('assessedBy', ['CLIENT', 'WORKER', 'CLIENT_WITH_WORKER']),
    ...eachField(['goalId'], 'goal-1', 'must be a UUID'),
    ...(
      [
        [3, 'data.gasLevel must not be greater than 2'],
        [-3, 'data.gasLevel must not be less than -2'],
        [0.5, 'data.gasLevel must be an integer number'],
        ['+1', 'data.gasLevel must be an integer number'],
      ] as const
    ).map(([gasLevel, message]): [string, Record<string, unknown>, { contains: string }] => [
      `should reject the event when gasLevel is ${JSON.stringify(gasLevel)}`,
      { gasLevel },
      { contains: message },
    ]),
    ...['2026-04-15', '2026-04-15T13:30:00+03:00'].flatMap((recordedAt) =>
      eachField(['recordedAt'], recordedAt, UTC_TIMESTAMP),
    ),
    ...eachField(['recordedAt'], '2026-04-31T10:30:00.000Z', 'must be a real instant'),
    [
      'should reject the event when assessedBy is not an assessor',
      { assessedBy: 'THERAPIST' },
      ['data.assessedBy must be one of the following values: CLIENT, WORKER, CLIENT_WITH_WORKER'],
    ],
    [
      'should reject the event when it carries a free-text comment',
      { comment: 'Meni hyvin' },
      ['data.comment should not exist'],
    ],
  ]),
  ...rulesOf('polku.plans.goal.goal-set.v1', [
    ['should accept the event when the goal has no GAS scale', { gasScale: undefined }, []],
    [
      `should accept the event when the text is exactly ${MAX_GOAL_TEXT_LENGTH} characters`,
      { text: 'a'.repeat(MAX_GOAL_TEXT_LENGTH) },
      [],
    ],
    ...eachField(['planId', 'goalId'], 'goal-1', 'must be a UUID'),
    ...(
      [
        ['', 'data.text should not be empty'],
        [
          'a'.repeat(MAX_GOAL_TEXT_LENGTH + 1),
          `data.text must be shorter than or equal to ${MAX_GOAL_TEXT_LENGTH} characters`,
        ],
        ['Minä, 131052-308T, haluan töihin', `data.text ${PERSONAL_IDENTITY_CODE_MESSAGE}`],
        [42, 'data.text must be a string'],
      ] as const
    ).map(([text, message]): [string, Record<string, unknown>, { contains: string }] => [
      `should reject the event when text is ${JSON.stringify(text).slice(0, 40)}`,
      { text },
      { contains: message },
    ]),
    ...['levelMinus2', 'levelMinus1', 'level0', 'levelPlus1', 'levelPlus2'].map(
      (level): [string, Record<string, unknown>, { allStartWith: string }] => [
        `should reject the event and name data.gasScale.${level} when the scale leaves that level undescribed`,
        { gasScale: without(GAS_SCALE ?? {}, level) },
        { allStartWith: `data.gasScale.${level} ` },
      ],
    ),
    ...(
      [
        ['', 'should not be empty'],
        [
          'a'.repeat(MAX_GAS_LEVEL_TEXT_LENGTH + 1),
          `must be shorter than or equal to ${MAX_GAS_LEVEL_TEXT_LENGTH} characters`,
        ],
        ['010190A123B käy töissä', PERSONAL_IDENTITY_CODE_MESSAGE],
      ] as const
    ).map(([level0, message]): [string, Record<string, unknown>, string[]] => [
      `should reject the event when the level 0 text is ${JSON.stringify(level0).slice(0, 40)}`,
      { gasScale: { ...GAS_SCALE, level0 } },
      [`data.gasScale.level0 ${message}`],
    ]),
    [
      'should reject the event when the GAS scale has a sixth level',
      { gasScale: { ...GAS_SCALE, levelPlus3: 'Kokoaikatyö avoimilla työmarkkinoilla.' } },
      ['data.gasScale.levelPlus3 should not exist'],
    ],
    [
      'should reject the event when the GAS scale is a list rather than an object',
      { gasScale: Object.values(GAS_SCALE ?? {}) },
      { contains: 'data.gasScale must be an object' },
    ],
  ]),
  ...rulesOf('polku.plans.measure.measure-ended.v1', [
    ...acceptsEach('endReason', ['COMPLETED', 'INTERRUPTED', 'TRANSFERRED', 'OTHER']),
    ...eachField(['measureId'], 'KTT-1', 'must be a UUID'),
    ...eachField(['endDate'], '2026-09-31', 'must be a real calendar date'),
    ...eachField(['endDate'], '2026-09-08T14:00:00.000Z', 'must be a date as YYYY-MM-DD'),
    [
      'should reject the event when endReason is free text',
      { endReason: 'retkahdus' },
      [
        'data.endReason must be one of the following values: COMPLETED, INTERRUPTED, TRANSFERRED, OTHER',
      ],
    ],
  ]),
  ...rulesOf('polku.plans.measure.measure-paused.v1', [
    ...acceptsEach('reasonCategory', ['HEALTH_CARE_MEASURE', 'SICK_LEAVE', 'WAITING', 'OTHER']),
    ['should accept the event when the day back is not known', { expectedResume: undefined }, []],
    ...eachField(['measureId'], 'KTT-1', 'must be a UUID'),
    [
      'should reject the event when reasonCategory names the treatment',
      { reasonCategory: 'PAIHDEKUNTOUTUS' },
      [
        'data.reasonCategory must be one of the following values: HEALTH_CARE_MEASURE, SICK_LEAVE, WAITING, OTHER',
      ],
    ],
    ...eachField(['pausedAt'], '2026-05-04', UTC_TIMESTAMP),
    ...eachField(['pausedAt'], '2026-05-04T25:00:00.000Z', 'must be a real instant'),
    ...eachField(['expectedResume'], '2026-06-31', 'must be a real calendar date'),
    ...eachField(['expectedResume'], '2026-06-01T06:00:00.000Z', 'must be a date as YYYY-MM-DD'),
    [
      'should reject the event when it carries the health detail behind the pause',
      { diagnosis: 'Masennus, hoitojakso kesken' },
      ['data.diagnosis should not exist'],
    ],
  ]),
  ...rulesOf('polku.plans.measure.measure-resumed.v1', [
    ...eachField(['measureId'], 'KTT-1', 'must be a UUID'),
    ...eachField(['resumedAt'], '2026-06-01T09:00:00+03:00', UTC_TIMESTAMP),
    ...eachField(['resumedAt'], '2026-02-30T06:00:00.000Z', 'must be a real instant'),
  ]),
  ...rulesOf('polku.plans.measure.measure-started.v1', [
    [
      'should accept the event when the placement is in-house with no host',
      { placement: { kind: 'IN_HOUSE' } },
      [],
    ],
    ...['FIXED_TERM', 'OPEN_ENDED', undefined].map(
      (contractType): [string, Record<string, unknown>, string[]] => [
        `should accept the event when pay-subsidised work has the contract type ${String(contractType)}`,
        { measureType: 'PAY_SUBSIDISED_WORK', contractType },
        [],
      ],
    ),
    [
      'should accept the event when the planned period is one day',
      { schedule: { ...SCHEDULE, startDate: '2026-03-09', plannedEndDate: '2026-03-09' } },
      [],
    ],
    [
      'should accept the event when hoursPerDay has two decimals',
      { schedule: { ...SCHEDULE, hoursPerDay: 7.25 } },
      [],
    ],
    ...['daysPerWeek', 'hoursPerDay', 'startDate', 'plannedEndDate'].map(
      (field): [string, Record<string, unknown>, { allStartWith: string }] => [
        `should reject the event and name data.schedule.${field} when the schedule leaves it out`,
        { schedule: without(SCHEDULE, field) },
        { allStartWith: `data.schedule.${field} ` },
      ],
    ),
    ...eachField(['measureId', 'planId'], 'M-1', 'must be a UUID'),
    [
      'should reject the event when measureType is a historic measure',
      { measureType: 'WORK_PRACTICE' },
      [
        'data.measureType must be one of the following values: REHABILITATIVE_WORK_ACTIVITY, SOCIAL_WELFARE_WORK_ACTIVITY, WORK_TRIAL, PAY_SUBSIDISED_WORK, KELA_JOB_COACHING, LABOUR_MARKET_TRAINING, WORK_COACHING, OTHER',
      ],
    ],
    [
      'should reject the event when placement.kind is not a placement kind',
      { placement: { kind: 'REMOTE' } },
      ['data.placement.kind must be one of the following values: IN_HOUSE, EXTERNAL_HOST'],
    ],
    [
      'should reject the event when an external placement names no host',
      { placement: { kind: 'EXTERNAL_HOST' } },
      ['data.placement.hostOrgId is required when kind is EXTERNAL_HOST'],
    ],
    [
      'should reject the event when an in-house placement names a host',
      { placement: { kind: 'IN_HOUSE', hostOrgId: IDS.hostOrgId } },
      ['data.placement.hostOrgId is allowed only when kind is EXTERNAL_HOST'],
    ],
    [
      'should reject the event when the host is named rather than given by id',
      { placement: { kind: 'EXTERNAL_HOST', hostOrgId: 'Kaupungin puistotoimi' } },
      ['data.placement.hostOrgId must be a UUID'],
    ],
    ...(
      [
        [0, 'must not be less than 1'],
        [8, 'must not be greater than 7'],
        [2.5, 'must be an integer number'],
      ] as const
    ).map(([daysPerWeek, message]): [string, Record<string, unknown>, string[]] => [
      `should reject the event when daysPerWeek is ${daysPerWeek}`,
      { schedule: { ...SCHEDULE, daysPerWeek } },
      [`data.schedule.daysPerWeek ${message}`],
    ]),
    ...(
      [
        [0, 'must be a positive number'],
        [24.5, 'must not be greater than 24'],
        [4.125, 'must be a number conforming to the specified constraints'],
        ['4', 'must be a number conforming to the specified constraints'],
      ] as const
    ).map(([hoursPerDay, message]): [string, Record<string, unknown>, { contains: string }] => [
      `should reject the event when hoursPerDay is ${JSON.stringify(hoursPerDay)}`,
      { schedule: { ...SCHEDULE, hoursPerDay } },
      { contains: `data.schedule.hoursPerDay ${message}` },
    ]),
    [
      'should reject the event when plannedEndDate is before startDate',
      { schedule: { ...SCHEDULE, startDate: '2026-03-09', plannedEndDate: '2026-03-08' } },
      ['data.schedule.plannedEndDate must not be before startDate'],
    ],
    [
      'should reject the event when schedule.startDate is 2026-02-29',
      { schedule: { ...SCHEDULE, startDate: '2026-02-29' } },
      { contains: 'data.schedule.startDate must be a real calendar date' },
    ],
    [
      'should reject the event when schedule.plannedEndDate is 09.09.2026',
      { schedule: { ...SCHEDULE, plannedEndDate: '09.09.2026' } },
      { contains: 'data.schedule.plannedEndDate must be a date as YYYY-MM-DD' },
    ],
    [
      'should reject the event when a measure other than pay-subsidised work has a contract',
      { measureType: 'WORK_TRIAL', contractType: 'FIXED_TERM' },
      ['data.contractType is allowed only when measureType is PAY_SUBSIDISED_WORK'],
    ],
    [
      'should reject the event when contractType is not a contract type',
      { measureType: 'PAY_SUBSIDISED_WORK', contractType: 'ZERO_HOURS' },
      ['data.contractType must be one of the following values: FIXED_TERM, OPEN_ENDED'],
    ],
    [
      'should reject the event when the schedule carries a field the contract does not define',
      { schedule: { ...SCHEDULE, note: 'Ei aamuvuoroja lääkityksen takia' } },
      ['data.schedule.note should not exist'],
    ],
  ]),
  ...(
    ['polku.plans.plan.plan-review-due.v1', 'polku.plans.plan.plan-review-overdue.v1'] as const
  ).flatMap((subject) =>
    rulesOf(subject, [
      [
        'should accept the event when the system timer emits it',
        (event) => ({ ...event, emitter: PLAN_REVIEW_TIMER }),
        [],
      ],
      ...eachField(['planId'], 'AP-2026-1', 'must be a UUID'),
      ...eachField(['dueDate'], '2026-09-31', 'must be a real calendar date'),
      ...eachField(['dueDate'], '2026-09-01T06:00:00.000Z', 'must be a date as YYYY-MM-DD'),
    ]),
  ),
  ...rulesOf('polku.plans.statement.statement-issued.v1', [
    ...eachField(['statementId'], 'LS-1', 'must be a UUID'),
    ...eachField(['issuedAt'], '2026-09-18', UTC_TIMESTAMP),
    ...eachField(['issuedAt'], '2026-09-18T12:60:00.000Z', 'must be a real instant'),
    [
      'should reject the event when it carries the statement itself',
      { document: 'base64...' },
      ['data.document should not exist'],
    ],
  ]),
  ...rulesOf('polku.plans.statement.statement-requested.v1', [
    [
      'should accept the event when the statement is about a plan instead of a measure',
      { measureId: undefined, planId: IDS.planId },
      [],
    ],
    [
      'should accept the event when a statement rather than a coaching summary is asked for',
      { kind: 'STATEMENT' },
      [],
    ],
    [
      'should reject the event once, on measureId, when neither measureId nor planId is given',
      { measureId: undefined },
      ['data.measureId or planId is required: exactly one of them is given'],
    ],
    [
      'should reject the event once, on measureId, when both measureId and planId are given',
      { planId: IDS.planId },
      ['data.measureId and planId must not both be given: exactly one of them is'],
    ],
    ...eachField(['statementId', 'measureId', 'requestedByOrgId'], 'kela', 'must be a UUID'),
    [
      'should reject the event when planId is not a uuid',
      { measureId: undefined, planId: 'AP-2026-1' },
      ['data.planId must be a UUID'],
    ],
    [
      'should reject the event when kind is not a statement kind',
      { kind: 'MEDICAL_CERTIFICATE' },
      ['data.kind must be one of the following values: STATEMENT, COACHING_SUMMARY'],
    ],
    ...eachField(['dueDate'], '2026-09-31', 'must be a real calendar date'),
    [
      'should reject the event when it carries the statement’s content',
      { content: 'Asiakas on edistynyt hyvin.' },
      ['data.content should not exist'],
    ],
  ]),
];
