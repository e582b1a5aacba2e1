// The rules of transitions' events beyond "the sample is valid" and "a required field is missing".
import {
  DEFAULT_MEASURE_ENDING_REMINDER_DAYS,
  DESTINATION_CATEGORIES_BY_GROUP,
  DESTINATION_GROUPS,
  ESCALATION_LEVELS,
  FOLLOW_UP_HELP_KINDS,
  MAX_SCHEDULED_FOLLOW_UPS,
  NEXT_STEP_KINDS,
  OVERDUE_REPORTED_NEXT_STEP_KINDS,
  PATH_STATES,
  STUDY_KINDS,
  SUPPORTED_EMPLOYMENT_KINDS,
  HANDOFF_ALTERNATIVE_CATEGORIES,
  WAITING_FOR_CATEGORIES,
} from '../../src/index';
import { IDS } from '../event-catalogue/sample-ids';
import {
  acceptsEach,
  rulesOf,
  type Change,
  type ContractIdentity,
  type EventRule,
  type Expected,
} from './event-rule';

type Row = [string, Change, Expected];

const WORKER_ID_MESSAGE = 'must be an id of 1 to 128 characters A-Z a-z 0-9 _ . : -';
const PERSONAL_IDENTITY_CODE_MESSAGE =
  'must not contain a personal identity code (identity stays in client-intake)';
const UTC_TIMESTAMP = 'must be an ISO-8601 UTC timestamp like 2026-03-02T08:15:00.000Z';
const LABOUR_MARKET_CATEGORIES =
  'data.destination.category must be a category of the group LABOUR_MARKET: OPEN_LABOUR_MARKET, SUPPORTED_EMPLOYMENT';
const GROUPS = 'OUTSIDE_LABOUR_MARKET, LABOUR_MARKET, CONTINUATION';
const WAITING_FOR =
  'HEALTH_CARE_ASSESSMENT, MENTAL_HEALTH_SERVICE, SUBSTANCE_ABUSE_SERVICE, DEBT_COUNSELLING, BENEFIT_DECISION, HOUSING, PROVIDER_PLACE, OTHER';
const LEVELS = 'WORKER, TEAM_LEAD, MANAGER';

/** Rows `[field, value, message]`: the field set to the value gives exactly that error. */
function rejects(rows: readonly (readonly [string, unknown, string])[]): Row[] {
  return rows.map(([field, value, message]) => [
    `should reject the event when ${field} is ${JSON.stringify(value)}`,
    { [field]: value },
    [message],
  ]);
}

/** Like {@link rejects}, where the error may come with others. */
function rejectsAmongOthers(rows: readonly (readonly [string, unknown, string])[]): Row[] {
  return rows.map(([field, value, message]) => [
    `should reject the event when ${field} is ${JSON.stringify(value)}`,
    { [field]: value },
    { contains: message },
  ]);
}

function followUpIdOf(index: number): string {
  return `718237a4-bfce-47f8-8f16-${String(index).padStart(12, '0')}`;
}

function without(object: object, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([name]) => name !== key));
}

function timer(actorId: string): (event: Record<string, unknown>) => Record<string, unknown> {
  return (event) => ({
    ...event,
    emitter: {
      orgId: '00000000-0000-4000-8000-000000000000',
      orgRole: 'SYSTEM',
      actorId,
      actorRole: 'SYSTEM',
    },
  });
}

export const TRANSITIONS_CONTRACTS = {
  'polku.transitions.path.client-exited.v1': ['ClientExited', 'PATH'],
  'polku.transitions.handoff.handoff-proposed.v1': ['HandoffProposed', 'PATH'],
  'polku.transitions.handoff.handoff-accepted.v1': ['HandoffAccepted', 'PATH'],
  'polku.transitions.handoff.handoff-declined.v1': ['HandoffDeclined', 'PATH'],
  'polku.transitions.handoff.handoff-completed.v1': ['HandoffCompleted', 'PATH'],
  'polku.transitions.path.ownership-transferred.v1': ['OwnershipTransferred', 'PATH'],
  'polku.transitions.handoff.handoff-escalated.v1': ['HandoffEscalated', 'PATH'],
  'polku.transitions.path.unclear-path-flagged.v1': ['UnclearPathFlagged', 'PATH'],
  'polku.transitions.follow-up.follow-up-scheduled.v1': ['FollowUpScheduled', 'PATH'],
  'polku.transitions.follow-up.follow-up-due.v1': ['FollowUpDue', 'PATH'],
  'polku.transitions.follow-up.follow-up-completed.v1': ['FollowUpCompleted', 'PATH'],
  'polku.transitions.follow-up.follow-up-missed.v1': ['FollowUpMissed', 'PATH'],
  'polku.transitions.path.path-closed.v1': ['PathClosed', 'PATH'],
  'polku.transitions.measure.measure-ending-soon.v1': ['MeasureEndingSoon', 'PATH'],
  'polku.transitions.wait.waiting-started.v1': ['WaitingStarted', 'HEALTH_FLAG'],
  'polku.transitions.wait.wait-exceeded.v1': ['WaitExceeded', 'HEALTH_FLAG'],
  'polku.transitions.wait.waiting-ended.v1': ['WaitingEnded', 'PATH'],
  'polku.transitions.path.provider-funding-ending.v1': ['ProviderFundingEnding', 'PATH'],
  'polku.transitions.path.responsible-worker-changed.v1': ['ResponsibleWorkerChanged', 'PATH'],
  'polku.transitions.path.next-step-overdue.v1': ['NextStepOverdue', 'PATH'],
  'polku.transitions.path.next-step-set.v1': ['NextStepSet', 'PATH'],
} as const satisfies Record<string, ContractIdentity>;

export const TRANSITIONS_REQUIRED = {
  'polku.transitions.path.client-exited.v1': ['destination', 'confirmed', 'exitDate'],
  'polku.transitions.follow-up.follow-up-completed.v1': [
    'followUpId',
    'contactMode',
    'helpGiven',
    'confirmsDestination',
  ],
  'polku.transitions.follow-up.follow-up-due.v1': ['followUpId', 'dueDate', 'ownerOrgId'],
  'polku.transitions.follow-up.follow-up-missed.v1': [
    'followUpId',
    'dueDate',
    'ownerOrgId',
    'escalatedTo',
  ],
  'polku.transitions.follow-up.follow-up-scheduled.v1': ['ownerOrgId', 'followUps'],
  'polku.transitions.handoff.handoff-escalated.v1': [
    'handoffId',
    'level',
    'escalatedToOrgId',
    'answerDueDate',
    'businessDaysOverdue',
  ],
  'polku.transitions.measure.measure-ending-soon.v1': [
    'measureId',
    'plannedEndDate',
    'daysBefore',
    'checklist',
  ],
  'polku.transitions.path.next-step-set.v1': ['state', 'pathVersion'],
  'polku.transitions.path.next-step-overdue.v1': [
    'nextStep',
    'dueDate',
    'level',
    'accountableOrgId',
    'businessDaysOverdue',
  ],
  'polku.transitions.path.ownership-transferred.v1': [
    'fromOrgId',
    'fromWorkerId',
    'toOrgId',
    'toWorkerId',
    'handoffId',
  ],
  'polku.transitions.path.path-closed.v1': ['confirmedDestination', 'closedAt'],
  'polku.transitions.path.provider-funding-ending.v1': ['providerOrgId', 'endDate'],
  'polku.transitions.path.responsible-worker-changed.v1': [
    'orgId',
    'fromWorkerId',
    'toWorkerId',
    'reasonCategory',
  ],
  'polku.transitions.handoff.handoff-accepted.v1': ['handoffId', 'startDate'],
  'polku.transitions.handoff.handoff-declined.v1': ['handoffId', 'reasonCategory'],
  'polku.transitions.handoff.handoff-proposed.v1': [
    'handoffId',
    'destination',
    'receivingOrgId',
    'proposedDate',
    'answerDueDate',
    'rationaleCategory',
    'proposedBy',
  ],
  'polku.transitions.path.unclear-path-flagged.v1': [
    'searchOwnerOrgId',
    'searchWorkerId',
    'reviewDate',
  ],
  'polku.transitions.wait.wait-exceeded.v1': [
    'waitId',
    'waitingFor',
    'since',
    'thresholdBusinessDays',
  ],
  'polku.transitions.wait.waiting-ended.v1': ['waitId', 'endedOn'],
  'polku.transitions.wait.waiting-started.v1': ['waitId', 'waitingFor', 'thresholdBusinessDays'],
} as const;

const clientExitedRules = rulesOf('polku.transitions.path.client-exited.v1', [
  ...DESTINATION_GROUPS.flatMap((group) =>
    DESTINATION_CATEGORIES_BY_GROUP[group].map((category): Row => [
      `should accept the event when the destination is ${group} / ${category} without a sub-type`,
      { destination: { group, category } },
      [],
    ]),
  ),
  ...STUDY_KINDS.map((subType): Row => [
    `should accept the event when a STUDIES exit has the kind ${subType}`,
    { destination: { group: 'OUTSIDE_LABOUR_MARKET', category: 'STUDIES', subType } },
    [],
  ]),
  ...SUPPORTED_EMPLOYMENT_KINDS.map((subType): Row => [
    `should accept the event when a SUPPORTED_EMPLOYMENT exit has the kind ${subType}`,
    { destination: { group: 'LABOUR_MARKET', category: 'SUPPORTED_EMPLOYMENT', subType } },
    [],
  ]),
  [
    'should accept the event when the exit is expected, not confirmed, and no organisation receives the client',
    {
      destination: { group: 'OUTSIDE_LABOUR_MARKET', category: 'UNEMPLOYED_JOBSEEKER' },
      confirmed: false,
      receivingOrgId: undefined,
    },
    [],
  ],
  [
    'should reject the event when the category belongs to another group',
    { destination: { group: 'LABOUR_MARKET', category: 'PENSION' } },
    [LABOUR_MARKET_CATEGORIES],
  ],
  [
    'should reject the event once when the category is unknown',
    { destination: { group: 'LABOUR_MARKET', category: 'EMPLOYED' } },
    [/^data\.destination\.category must be one of the following values: /],
  ],
  [
    'should reject the event once when the group is unknown',
    { destination: { group: 'ELSEWHERE', category: 'PENSION' } },
    [`data.destination.group must be one of the following values: ${GROUPS}`],
  ],
  [
    'should reject the event when a category without kinds has a sub-type',
    { destination: { group: 'OUTSIDE_LABOUR_MARKET', category: 'PENSION', subType: 'OTHER' } },
    [
      'data.destination.subType is allowed only when the category is STUDIES or SUPPORTED_EMPLOYMENT',
    ],
  ],
  [
    'should reject the event when the sub-type is a kind of the other category',
    {
      destination: {
        group: 'OUTSIDE_LABOUR_MARKET',
        category: 'STUDIES',
        subType: 'PAY_SUBSIDISED_WORK',
      },
    },
    [
      'data.destination.subType must be one of the kinds of STUDIES: DEGREE_STUDIES, LABOUR_MARKET_TRAINING, APPRENTICESHIP, INTEGRATION_TRAINING, SELF_MOTIVATED_STUDIES, OTHER',
    ],
  ],
  [
    'should reject the event once when the sub-type is unknown',
    {
      destination: {
        group: 'LABOUR_MARKET',
        category: 'SUPPORTED_EMPLOYMENT',
        subType: 'WORK_PRACTICE',
      },
    },
    [/^data\.destination\.subType must be one of the following values: /],
  ],
  [
    'should reject the event when the destination carries free text',
    {
      destination: {
        group: 'OUTSIDE_LABOUR_MARKET',
        category: 'SICK_LEAVE',
        reason: 'Selkäleikkaus',
      },
    },
    ['data.destination.reason should not exist'],
  ],
  [
    'should reject the event when the destination is a bare category',
    { destination: 'PENSION' },
    { contains: 'data.destination must be an object' },
  ],
  ...rejects([
    ['confirmed', 'yes', 'data.confirmed must be a boolean value'],
    ['receivingOrgId', 'vocational-college', 'data.receivingOrgId must be a UUID'],
    ['exitDate', '2026-06-31', 'data.exitDate must be a real calendar date'],
  ]),
]);

const followUpCompletedRules = rulesOf('polku.transitions.follow-up.follow-up-completed.v1', [
  ...['SAME', 'BACK_IN_VTM', 'UNKNOWN'].map((statusNow): Row => [
    `should accept the event when the status is ${statusNow} and no destination is given`,
    { statusNow, destination: undefined, confirmsDestination: false },
    [],
  ]),
  [
    'should accept the event when the client could not be reached and no help is recorded',
    {
      statusNow: 'UNKNOWN',
      destination: undefined,
      contactMode: 'NO_CONTACT',
      helpGiven: [],
      confirmsDestination: false,
    },
    [],
  ],
  [
    'should accept the event when every kind of help but NONE was given',
    { helpGiven: FOLLOW_UP_HELP_KINDS.filter((kind) => kind !== 'NONE') },
    [],
  ],
  ['should accept the event when it records that no help was given', { helpGiven: ['NONE'] }, []],
  [
    'should reject the event and name data.statusNow when it is missing',
    { statusNow: undefined, destination: undefined },
    { allStartWith: 'data.statusNow ' },
  ],
  [
    'should reject the event when the status changed and the new destination is missing',
    { destination: undefined },
    ['data.destination is required when statusNow is CHANGED'],
  ],
  [
    'should reject the event when the status is the same and a destination is given',
    { statusNow: 'SAME' },
    ['data.destination is allowed only when statusNow is CHANGED'],
  ],
  [
    'should reject the event when the new destination’s category belongs to another group',
    { destination: { group: 'LABOUR_MARKET', category: 'PENSION' } },
    [LABOUR_MARKET_CATEGORIES],
  ],
  [
    'should reject the event when the new destination is sent as an array',
    { destination: [] },
    { contains: 'data.destination must be an object' },
  ],
  [
    'should reject the event when it confirms the destination of a client whose status is unknown',
    { statusNow: 'UNKNOWN', destination: undefined, confirmsDestination: true },
    ['data.confirmsDestination must be false when statusNow is UNKNOWN'],
  ],
  ...rejectsAmongOthers([
    [
      'statusNow',
      'EMPLOYED',
      'data.statusNow must be one of the following values: SAME, CHANGED, BACK_IN_VTM, UNKNOWN',
    ],
    [
      'contactMode',
      'HOME_VISIT',
      'data.contactMode must be one of the following values: PHONE, MEETING, MESSAGE, REGISTER_CHECK, NO_CONTACT',
    ],
    [
      'helpGiven',
      ['JOB_APPLICATIONS', 'Apua Kelan hakemuksen kanssa'],
      'data.helpGiven must contain only the following values: NONE, JOB_APPLICATIONS, BENEFIT_APPLICATIONS, REFERRAL_TO_SERVICE, COUNSELLING, OTHER',
    ],
    ['helpGiven', ['COUNSELLING', 'COUNSELLING'], 'data.helpGiven must not contain duplicates'],
    ['helpGiven', ['NONE', 'COUNSELLING'], 'data.helpGiven must list NONE only alone'],
    ['helpGiven', 'COUNSELLING', 'data.helpGiven must be an array'],
    ['confirmsDestination', 'yes', 'data.confirmsDestination must be a boolean value'],
    ['followUpId', 'FU-1', 'data.followUpId must be a UUID'],
  ]),
  [
    `should reject the event when helpGiven has more than ${FOLLOW_UP_HELP_KINDS.length} items`,
    { helpGiven: [...FOLLOW_UP_HELP_KINDS.filter((kind) => kind !== 'NONE'), 'OTHER', 'OTHER'] },
    {
      contains: `data.helpGiven must contain no more than ${FOLLOW_UP_HELP_KINDS.length} elements`,
    },
  ],
  [
    'should reject the event when the follow-up carries notes of the conversation',
    { notes: 'Sairaslomalla selkävaivan takia' },
    ['data.notes should not exist'],
  ],
]);

const FIRST_FOLLOW_UP = { followUpId: IDS.firstFollowUpId, dueDate: '2026-09-30' };

const followUpRules = [
  ...rulesOf('polku.transitions.follow-up.follow-up-due.v1', [
    ...rejectsAmongOthers([
      ['followUpId', 'FU-1', 'data.followUpId must be a UUID'],
      ['ownerOrgId', 'provider', 'data.ownerOrgId must be a UUID'],
      ['dueDate', '30.9.2026', 'data.dueDate must be a date as YYYY-MM-DD'],
    ]),
  ]),
  ...rulesOf('polku.transitions.follow-up.follow-up-missed.v1', [
    ...['WORKER', 'TEAM_LEAD'].map((escalatedTo): Row => [
      `should reject the event when it is escalated to ${escalatedTo} rather than the manager`,
      { escalatedTo },
      ['data.escalatedTo must be one of the following values: MANAGER'],
    ]),
    ...rejects([
      ['followUpId', 'FU-2', 'data.followUpId must be a UUID'],
      ['ownerOrgId', 'provider', 'data.ownerOrgId must be a UUID'],
      ['dueDate', '2026-11-31', 'data.dueDate must be a real calendar date'],
    ]),
  ]),
  ...rulesOf('polku.transitions.follow-up.follow-up-scheduled.v1', [
    [
      `should accept the event when it schedules ${MAX_SCHEDULED_FOLLOW_UPS} follow-ups`,
      {
        followUps: Array.from({ length: MAX_SCHEDULED_FOLLOW_UPS }, (_, index) => ({
          followUpId: followUpIdOf(index),
          dueDate: '2026-09-30',
        })),
      },
      [],
    ],
    ...['followUpId', 'dueDate'].map((field): Row => [
      `should reject the event and name data.followUps.0.${field} when a follow-up leaves it out`,
      { followUps: [without(FIRST_FOLLOW_UP, field)] },
      { allStartWith: `data.followUps.0.${field} ` },
    ]),
    [
      'should reject the event when it schedules no follow-up',
      { followUps: [] },
      ['data.followUps should not be empty'],
    ],
    [
      `should reject the event when it schedules more than ${MAX_SCHEDULED_FOLLOW_UPS} follow-ups`,
      {
        followUps: Array.from({ length: MAX_SCHEDULED_FOLLOW_UPS + 1 }, (_, index) => ({
          followUpId: followUpIdOf(index),
          dueDate: '2026-09-30',
        })),
      },
      [`data.followUps must contain no more than ${MAX_SCHEDULED_FOLLOW_UPS} elements`],
    ],
    [
      'should reject the event when it names a follow-up twice',
      { followUps: [FIRST_FOLLOW_UP, { ...FIRST_FOLLOW_UP, dueDate: '2026-11-30' }] },
      ['data.followUps must not name a follow-up twice'],
    ],
    [
      'should reject the event when a follow-up id is not a uuid',
      { followUps: [{ ...FIRST_FOLLOW_UP, followUpId: 'FU-1' }] },
      ['data.followUps.0.followUpId must be a UUID'],
    ],
    [
      'should reject the event when a follow-up’s due date is not a real date',
      { followUps: [{ ...FIRST_FOLLOW_UP, dueDate: '2026-09-31' }] },
      ['data.followUps.0.dueDate must be a real calendar date'],
    ],
    [
      'should reject the event when a follow-up is a bare date',
      { followUps: ['2026-09-30'] },
      ['data.followUps.0: each value in nested property followUps must be either object or array'],
    ],
    ...rejects([['ownerOrgId', 'provider', 'data.ownerOrgId must be a UUID']]),
  ]),
];

const handoffRules = [
  ...rulesOf('polku.transitions.handoff.handoff-completed.v1', [
    [
      'should accept the event when the next step is not a measure in polku',
      { newMeasureId: undefined },
      [],
    ],
    [
      'should reject the event and name data.handoffId when it is missing',
      { handoffId: undefined },
      { allStartWith: 'data.handoffId ' },
    ],
    ...rejects([
      ['handoffId', 'HO-1', 'data.handoffId must be a UUID'],
      ['newMeasureId', 'KTT-2026-5', 'data.newMeasureId must be a UUID'],
    ]),
    [
      'should reject the event when it carries entitlement notes as free text',
      { entitlementNotes: 'Palkkatukipäiviä käytetty 180' },
      ['data.entitlementNotes should not exist'],
    ],
  ]),
  ...rulesOf('polku.transitions.handoff.handoff-escalated.v1', [
    ...acceptsEach('level', ESCALATION_LEVELS),
    ...acceptsEach('escalatedToParty', ['SENDER', 'RECEIVER', undefined]),
    [
      'should accept the event on the deadline’s own business day, zero days overdue',
      { businessDaysOverdue: 0 },
      [],
    ],
    [
      'should accept the event when the system timer emits it',
      timer('transitions:handoff-timer'),
      [],
    ],
    ...rejects([
      ['level', 'DIRECTOR', `data.level must be one of the following values: ${LEVELS}`],
      ['businessDaysOverdue', -1, 'data.businessDaysOverdue must not be less than 0'],
      ['businessDaysOverdue', 2.5, 'data.businessDaysOverdue must be an integer number'],
      ['escalatedToOrgId', 'provider', 'data.escalatedToOrgId must be a UUID'],
      [
        'escalatedToParty',
        'BOTH',
        'data.escalatedToParty must be one of the following values: SENDER, RECEIVER',
      ],
      ['answerDueDate', '2026-02-29', 'data.answerDueDate must be a real calendar date'],
    ]),
  ]),
  ...rulesOf('polku.transitions.handoff.handoff-accepted.v1', [
    ...rejects([
      ['handoffId', 'HO-1', 'data.handoffId must be a UUID'],
      ['startDate', '2026-09-31', 'data.startDate must be a real calendar date'],
      ['startDate', '2026-09-14T06:00:00.000Z', 'data.startDate must be a date as YYYY-MM-DD'],
    ]),
  ]),
  ...rulesOf('polku.transitions.handoff.handoff-declined.v1', [
    ...acceptsEach('alternativeCategory', [...HANDOFF_ALTERNATIVE_CATEGORIES, undefined]),
    ...rejects([
      [
        'reasonCategory',
        'CLIENT_TOO_ILL',
        'data.reasonCategory must be one of the following values: NO_CAPACITY, NOT_SUITABLE, CLIENT_DECLINED, MISSING_FUNDING, OTHER',
      ],
      [
        'alternativeCategory',
        'Kokeillaan kuntouttavaa työtoimintaa keväällä',
        'data.alternativeCategory must be one of the following values: ANOTHER_PROVIDER, ANOTHER_MEASURE, LATER_START, NONE',
      ],
      ['handoffId', 'HO-1', 'data.handoffId must be a UUID'],
    ]),
  ]),
  ...rulesOf('polku.transitions.handoff.handoff-proposed.v1', [
    [
      'should accept the event when the client is between measures',
      { fromMeasureId: undefined },
      [],
    ],
    [
      'should accept the event when the next step is another measure in the intermediate labour market',
      { destination: { group: 'CONTINUATION', category: 'ANOTHER_VTM_MEASURE' } },
      [],
    ],
    ...[
      ['UNCLEAR_PATH', 'OUTSIDE_LABOUR_MARKET'],
      ['RETURNED_TO_VTM', 'CONTINUATION'],
    ].map(([category, group]): Row => [
      `should reject the event when the hand-off goes to ${category}`,
      { destination: { group, category } },
      ['data.destination must not have the category UNCLEAR_PATH or RETURNED_TO_VTM'],
    ]),
    [
      'should reject the event when the destination’s category belongs to another group',
      { destination: { group: 'LABOUR_MARKET', category: 'STUDIES' } },
      [LABOUR_MARKET_CATEGORIES],
    ],
    [
      'should reject the event when the destination is a bare category',
      { destination: 'STUDIES' },
      { contains: 'data.destination must be an object' },
    ],
    ...rejectsAmongOthers([
      [
        'rationaleCategory',
        'BURNOUT',
        'data.rationaleCategory must be one of the following values: NEXT_MEASURE_IN_PLAN, MEASURE_ENDING, CLIENT_READY_FOR_MORE, CLIENT_WISH, NEEDS_ASSESSMENT, PROVIDER_FUNDING_ENDING, OTHER',
      ],
      [
        'proposedBy',
        'MANAGER',
        'data.proposedBy must be one of the following values: WORKER, CLIENT, NETWORK_PARTY',
      ],
      ['handoffId', 'HO-1', 'data.handoffId must be a UUID'],
      ['fromMeasureId', 'measure-1', 'data.fromMeasureId must be a UUID'],
      ['receivingOrgId', 'Kainuun ammattiopisto', 'data.receivingOrgId must be a UUID'],
      ['proposedDate', '2026-02-30', 'data.proposedDate must be a real calendar date'],
      ['answerDueDate', '21.8.2026', 'data.answerDueDate must be a date as YYYY-MM-DD'],
    ]),
    [
      'should reject the event when it carries the rationale as free text',
      { rationale: 'Jaksaa nyt paremmin, lääkitys vaihdettu' },
      ['data.rationale should not exist'],
    ],
  ]),
];

const pathRules = [
  ...rulesOf('polku.transitions.path.next-step-set.v1', [
    ...acceptsEach('nextStep', NEXT_STEP_KINDS),
    ...acceptsEach('level', ESCALATION_LEVELS),
    [
      'should accept the event when a closed path has no owner, worker or next step',
      {
        state: 'CLOSED',
        accountableOrgId: undefined,
        workerId: undefined,
        nextStep: undefined,
        dueDate: undefined,
      },
      [],
    ],
    [
      'should reject the event when a next step has no due date',
      { dueDate: undefined },
      ['data.dueDate is required when nextStep is ' + NEXT_STEP_KINDS.join(' or ')],
    ],
    [
      'should reject the event when a due date has no next step',
      { nextStep: undefined },
      ['data.dueDate is allowed only when nextStep is ' + NEXT_STEP_KINDS.join(' or ')],
    ],
    ...rejectsAmongOthers([
      [
        'state',
        'LOST',
        `data.state must be one of the following values: ${PATH_STATES.join(', ')}`,
      ],
      ['pathVersion', 0, 'data.pathVersion must not be less than 1'],
      [
        'workerId',
        'Maija Meikäläinen',
        'data.workerId must be an id of 1 to 128 characters A-Z a-z 0-9 _ . : -',
      ],
      ['dueDate', '2026-02-30', 'data.dueDate must be a real calendar date'],
    ]),
  ]),
  ...rulesOf('polku.transitions.path.next-step-overdue.v1', [
    ...acceptsEach('nextStep', OVERDUE_REPORTED_NEXT_STEP_KINDS),
    ...acceptsEach('level', ESCALATION_LEVELS),
    ...['AWAIT_HANDOFF_ANSWER', 'FOLLOW_UP', 'CALL_CLIENT'].map((nextStep): Row => [
      `should reject the event when the next step is ${nextStep}`,
      { nextStep },
      [
        `data.nextStep must be one of the following values: ${OVERDUE_REPORTED_NEXT_STEP_KINDS.join(', ')}`,
      ],
    ]),
    ...rejectsAmongOthers([
      ['level', 'CEO', `data.level must be one of the following values: ${LEVELS}`],
      ['businessDaysOverdue', -3, 'data.businessDaysOverdue must not be less than 0'],
      ['businessDaysOverdue', '5', 'data.businessDaysOverdue must be an integer number'],
      ['accountableOrgId', 'provider', 'data.accountableOrgId must be a UUID'],
      ['dueDate', '2026-09-31', 'data.dueDate must be a real calendar date'],
    ]),
  ]),
  ...rulesOf('polku.transitions.path.ownership-transferred.v1', [
    ...['PROVIDER_FUNDING_ENDED', 'REASSIGNED'].map((reason): Row => [
      `should accept the event when the reason is ${reason} and no hand-off is named`,
      { reason, handoffId: undefined },
      [],
    ]),
    [
      'should accept the event when a worker id is the identity provider’s subject id',
      { toWorkerId: 'auth0:5f3a9c21' },
      [],
    ],
    [
      'should reject the event and name data.reason when it is missing',
      { reason: undefined, handoffId: undefined },
      { allStartWith: 'data.reason ' },
    ],
    [
      'should reject the event when a completed hand-off names no transition',
      { handoffId: undefined },
      ['data.handoffId is required when reason is HANDOFF_COMPLETED'],
    ],
    [
      'should reject the event when a reassignment names a transition',
      { reason: 'REASSIGNED', handoffId: IDS.handoffId },
      ['data.handoffId is allowed only when reason is HANDOFF_COMPLETED'],
    ],
    [
      'should reject the event when reason is not a transfer reason',
      { reason: 'SICK_LEAVE', handoffId: undefined },
      [
        'data.reason must be one of the following values: HANDOFF_COMPLETED, PROVIDER_FUNDING_ENDED, REASSIGNED',
      ],
    ],
    ...rejects(
      (
        [
          ['toWorkerId', 'Maija Mallikas'],
          ['fromWorkerId', ''],
          ['toWorkerId', 'x'.repeat(129)],
          ['toWorkerId', 'maija.mallikas@example.fi'],
        ] as const
      ).map(([field, value]) => [field, value, `data.${field} ${WORKER_ID_MESSAGE}`] as const),
    ),
    ...rejects([
      ['fromWorkerId', '131052-308T', `data.fromWorkerId ${PERSONAL_IDENTITY_CODE_MESSAGE}`],
    ]),
    ...rejects(
      ['fromOrgId', 'toOrgId', 'handoffId'].map(
        (field) => [field, 'org-1', `data.${field} must be a UUID`] as const,
      ),
    ),
  ]),
  ...rulesOf('polku.transitions.path.path-closed.v1', [
    [
      'should accept the event when the confirmed destination has a kind',
      {
        confirmedDestination: {
          group: 'OUTSIDE_LABOUR_MARKET',
          category: 'STUDIES',
          subType: 'DEGREE_STUDIES',
        },
      },
      [],
    ],
    [
      'should reject the event when an unclear path is closed',
      { confirmedDestination: { group: 'OUTSIDE_LABOUR_MARKET', category: 'UNCLEAR_PATH' } },
      ['data.confirmedDestination must not have the category UNCLEAR_PATH'],
    ],
    [
      'should reject the event when the destination group is unknown',
      { confirmedDestination: { group: 'ELSEWHERE', category: 'PENSION' } },
      [`data.confirmedDestination.group must be one of the following values: ${GROUPS}`],
    ],
    [
      'should reject the event when the destination is a bare category',
      { confirmedDestination: 'OPEN_LABOUR_MARKET' },
      { contains: 'data.confirmedDestination must be an object' },
    ],
    ...rejectsAmongOthers([
      ['closedAt', '2027-03-01', `data.closedAt ${UTC_TIMESTAMP}`],
      ['closedAt', '2027-03-01T12:00:00+02:00', `data.closedAt ${UTC_TIMESTAMP}`],
    ]),
  ]),
  ...rulesOf('polku.transitions.path.provider-funding-ending.v1', [
    [
      'should reject the event when it lists the affected paths: each path gets its own event',
      { affectedPathIds: ['3f2b8c1e-5d4a-4e6f-9b7c-1a2d3e4f5a6b'] },
      ['data.affectedPathIds should not exist'],
    ],
    ...rejectsAmongOthers([
      ['providerOrgId', 'Työpaja ry', 'data.providerOrgId must be a UUID'],
      ['endDate', '2026-12-32', 'data.endDate must be a real calendar date'],
      ['endDate', '31.12.2026', 'data.endDate must be a date as YYYY-MM-DD'],
    ]),
  ]),
  ...rulesOf('polku.transitions.path.responsible-worker-changed.v1', [
    [
      'should reject the event when the new worker is the old one',
      { toWorkerId: IDS.workerId },
      ['data.toWorkerId must differ from fromWorkerId'],
    ],
    ...rejects([
      [
        'reasonCategory',
        'BURNOUT',
        'data.reasonCategory must be one of the following values: TURNOVER, ROLE_SPLIT, ABSENCE, WORKLOAD, OTHER',
      ],
      ['toWorkerId', 'Matti Meikäläinen', `data.toWorkerId ${WORKER_ID_MESSAGE}`],
      ['fromWorkerId', '010203A123B', `data.fromWorkerId ${PERSONAL_IDENTITY_CODE_MESSAGE}`],
      ['orgId', 'provider', 'data.orgId must be a UUID'],
    ]),
  ]),
  ...rulesOf('polku.transitions.path.unclear-path-flagged.v1', [
    ...rejects([
      ['searchOwnerOrgId', 'TE-toimisto', 'data.searchOwnerOrgId must be a UUID'],
      ['searchWorkerId', 'Maija Mallikas', `data.searchWorkerId ${WORKER_ID_MESSAGE}`],
      ['reviewDate', '2026-13-01', 'data.reviewDate must be a real calendar date'],
    ]),
  ]),
];

const measureAndWaitRules = [
  ...rulesOf('polku.transitions.measure.measure-ending-soon.v1', [
    ...[...DEFAULT_MEASURE_ENDING_REMINDER_DAYS, 1, 90].map((daysBefore): Row => [
      `should accept the event when the reminder comes ${daysBefore} days before the end`,
      { daysBefore },
      [],
    ]),
    [
      'should accept the event when the checklist names one item',
      { checklist: [{ item: 'STATEMENT', done: false }] },
      [],
    ],
    ...['item', 'done'].map((field): Row => [
      `should reject the event and name data.checklist.0.${field} when an entry leaves it out`,
      { checklist: [without({ item: 'STATEMENT', done: true }, field)] },
      { allStartWith: `data.checklist.0.${field} ` },
    ]),
    ...rejects([
      ['daysBefore', 0, 'data.daysBefore must not be less than 1'],
      ['daysBefore', 91, 'data.daysBefore must not be greater than 90'],
      ['daysBefore', 7.5, 'data.daysBefore must be an integer number'],
    ]),
    [
      'should reject the event when the checklist is empty',
      { checklist: [] },
      ['data.checklist should not be empty'],
    ],
    [
      'should reject the event when the checklist names an item twice',
      {
        checklist: [
          { item: 'STATEMENT', done: true },
          { item: 'STATEMENT', done: false },
        ],
      },
      ['data.checklist must not name an item twice'],
    ],
    [
      'should reject the event when a checklist entry is not a checklist item',
      { checklist: [{ item: 'WORK_CERTIFICATE', done: true }] },
      [
        'data.checklist.0.item must be one of the following values: STATEMENT, NEXT_STEP_PLAN, TRANSITION_MEETING',
      ],
    ],
    [
      'should reject the event when a checklist entry’s done is not a boolean',
      { checklist: [{ item: 'STATEMENT', done: 'yes' }] },
      ['data.checklist.0.done must be a boolean value'],
    ],
    ...rejects([
      ['measureId', 'KTT-1', 'data.measureId must be a UUID'],
      ['plannedEndDate', '2026-09-31', 'data.plannedEndDate must be a real calendar date'],
    ]),
  ]),
  ...rulesOf('polku.transitions.wait.wait-exceeded.v1', [
    ...rejects([
      [
        'waitingFor',
        'A_CLINIC',
        `data.waitingFor must be one of the following values: ${WAITING_FOR}`,
      ],
      ['thresholdBusinessDays', 0, 'data.thresholdBusinessDays must not be less than 1'],
      ['thresholdBusinessDays', 200, 'data.thresholdBusinessDays must not be greater than 120'],
      ['since', '2026-04-31', 'data.since must be a real calendar date'],
      ['waitId', 'W-1', 'data.waitId must be a UUID'],
    ]),
  ]),
  ...rulesOf('polku.transitions.wait.waiting-ended.v1', [
    [
      'should reject the event when it repeats what was waited for',
      { waitingFor: 'SUBSTANCE_ABUSE_SERVICE' },
      ['data.waitingFor should not exist'],
    ],
    ...rejects([
      ['waitId', 'W-1', 'data.waitId must be a UUID'],
      ['endedOn', '2026-05-12T09:00:00.000Z', 'data.endedOn must be a date as YYYY-MM-DD'],
    ]),
  ]),
  ...rulesOf('polku.transitions.wait.waiting-started.v1', [
    ...acceptsEach('waitingFor', WAITING_FOR_CATEGORIES),
    [
      'should accept the event when the organisation waited for is not known',
      { waitingForOrgId: undefined },
      [],
    ],
    ...rejects([
      [
        'waitingFor',
        'PSYCHIATRIST',
        `data.waitingFor must be one of the following values: ${WAITING_FOR}`,
      ],
      ['thresholdBusinessDays', 0, 'data.thresholdBusinessDays must not be less than 1'],
      ['thresholdBusinessDays', 121, 'data.thresholdBusinessDays must not be greater than 120'],
      ['thresholdBusinessDays', 10.5, 'data.thresholdBusinessDays must be an integer number'],
      ['waitId', 'W-1', 'data.waitId must be a UUID'],
      ['waitingForOrgId', 'Kela', 'data.waitingForOrgId must be a UUID'],
    ]),
  ]),
];

export const TRANSITIONS_RULES: readonly EventRule[] = [
  ...clientExitedRules,
  ...followUpCompletedRules,
  ...followUpRules,
  ...handoffRules,
  ...pathRules,
  ...measureAndWaitRules,
];
