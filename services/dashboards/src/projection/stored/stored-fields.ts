import {
  ACTION_ITEM_COMPLETED_V1,
  ACTION_ITEM_OVERDUE_V1,
  ACTIVATION_PLAN_AGREED_V1,
  ACTIVATION_PLAN_REVISED_V1,
  CLIENT_EXITED_V1,
  CLIENT_REFERRED_V1,
  CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1,
  FOLLOW_UP_COMPLETED_V1,
  FOLLOW_UP_DUE_V1,
  FOLLOW_UP_MISSED_V1,
  FOLLOW_UP_SCHEDULED_V1,
  GOAL_PROGRESS_RECORDED_V1,
  HANDOFF_ACCEPTED_V1,
  HANDOFF_COMPLETED_V1,
  HANDOFF_DECLINED_V1,
  HANDOFF_ESCALATED_V1,
  HANDOFF_PROPOSED_V1,
  INTAKE_COMPLETED_V1,
  MEASURE_STARTED_V1,
  NETWORK_MEETING_HELD_V1,
  NEXT_STEP_OVERDUE_V1,
  NEXT_STEP_SET_V1,
  OWNERSHIP_TRANSFERRED_V1,
  PLAN_REVIEW_OVERDUE_V1,
  REFERRAL_ACCEPTED_V1,
  REFERRAL_DECLINED_V1,
  REFERRAL_LINKED_V1,
  WAIT_EXCEEDED_V1,
  WAITING_ENDED_V1,
  WAITING_STARTED_V1,
} from '@polku/contracts';

type Data = Readonly<Record<string, unknown>>;
type Picker = (data: Data) => Record<string, unknown>;

/** The named fields that are present (an absent optional field stays absent). */
function pick(...fields: string[]): Picker {
  return (data) =>
    Object.fromEntries(
      fields.filter((field) => data[field] !== undefined).map((field) => [field, data[field]]),
    );
}

/** Only the organisation of each entry of a list of parties or participants. */
const orgIdsOf = (list: unknown): Array<{ orgId: unknown }> =>
  Array.isArray(list) ? list.map((entry) => ({ orgId: (entry as Data).orgId })) : [];

const planParties: Picker = (data) => ({
  ...pick('planId', 'planVersion')(data),
  ...(data.parties === undefined ? {} : { parties: orgIdsOf(data.parties) }),
});

/**
 * What path_event keeps of each consumed event: the codes, ids, dates and organisations the
 * fold reads, nothing else. Free text (a decline's alternative suggestion), references (the
 * funding decision's number, a linked plan's number, prior information) and worker ids never
 * reach the table.
 */
const STORED_FIELDS: Readonly<Record<string, Picker>> = {
  [CLIENT_REFERRED_V1.subject]: pick('referralId', 'fromOrgId', 'toOrgId'),
  [REFERRAL_ACCEPTED_V1.subject]: pick('referralId', 'acceptedByOrgId'),
  [REFERRAL_DECLINED_V1.subject]: pick('referralId', 'declinedByOrgId', 'reasonCategory'),
  [REFERRAL_LINKED_V1.subject]: pick('fromOrgId', 'toOrgId'),
  [INTAKE_COMPLETED_V1.subject]: pick('ageBand', 'municipality'),
  [CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1.subject]: pick('monthsSinceExit', 'loopCount'),
  [ACTIVATION_PLAN_AGREED_V1.subject]: (data) => ({
    ...planParties(data),
    linkedPlans: Array.isArray(data.linkedPlans) ? data.linkedPlans.length : 0,
  }),
  [ACTIVATION_PLAN_REVISED_V1.subject]: planParties,
  [GOAL_PROGRESS_RECORDED_V1.subject]: pick('goalId', 'gasLevel', 'recordedAt'),
  [PLAN_REVIEW_OVERDUE_V1.subject]: pick('planId', 'dueDate'),
  [MEASURE_STARTED_V1.subject]: (data) => ({
    ...pick('measureId', 'measureType')(data),
    startDate: (data.schedule as Data | undefined)?.startDate,
  }),
  [HANDOFF_PROPOSED_V1.subject]: pick('handoffId', 'receivingOrgId', 'answerDueDate'),
  [HANDOFF_ACCEPTED_V1.subject]: pick('handoffId'),
  [HANDOFF_DECLINED_V1.subject]: pick('handoffId', 'reasonCategory'),
  [HANDOFF_COMPLETED_V1.subject]: pick('handoffId'),
  [HANDOFF_ESCALATED_V1.subject]: pick(
    'handoffId',
    'level',
    'escalatedToOrgId',
    'escalatedToParty',
    'answerDueDate',
  ),
  [OWNERSHIP_TRANSFERRED_V1.subject]: pick('fromOrgId', 'toOrgId'),
  [CLIENT_EXITED_V1.subject]: pick('destination', 'exitDate'),
  [FOLLOW_UP_SCHEDULED_V1.subject]: (data) => ({
    ownerOrgId: data.ownerOrgId,
    followUps: Array.isArray(data.followUps)
      ? data.followUps.map((entry) => pick('followUpId', 'dueDate')(entry as Data))
      : [],
  }),
  [FOLLOW_UP_DUE_V1.subject]: pick('followUpId', 'dueDate', 'ownerOrgId'),
  [FOLLOW_UP_COMPLETED_V1.subject]: pick('followUpId', 'statusNow', 'destination'),
  [FOLLOW_UP_MISSED_V1.subject]: pick('followUpId', 'dueDate', 'ownerOrgId'),
  [NEXT_STEP_SET_V1.subject]: pick(
    'state',
    'pathVersion',
    'accountableOrgId',
    'nextStep',
    'dueDate',
    'level',
  ),
  [NEXT_STEP_OVERDUE_V1.subject]: pick('nextStep', 'dueDate', 'level', 'accountableOrgId'),
  [ACTION_ITEM_OVERDUE_V1.subject]: pick('actionItemId', 'dueDate', 'level', 'ownerOrgId'),
  [ACTION_ITEM_COMPLETED_V1.subject]: pick('actionItemId'),
  [WAITING_STARTED_V1.subject]: pick('waitId', 'waitingFor'),
  [WAITING_ENDED_V1.subject]: pick('waitId', 'endedOn'),
  [WAIT_EXCEEDED_V1.subject]: pick('waitId', 'waitingFor', 'since'),
  [NETWORK_MEETING_HELD_V1.subject]: (data) => ({ participants: orgIdsOf(data.participants) }),
};

/** The subjects whose fields are kept: every subject the dashboards consume. */
export const STORED_SUBJECTS: readonly string[] = Object.keys(STORED_FIELDS);

/** The fields of `data` path_event keeps for an event of `subject`. */
export function storedFieldsOf(subject: string, data: Data): Record<string, unknown> {
  const picker = STORED_FIELDS[subject];
  if (picker === undefined) {
    throw new Error(`the dashboards keep no fields of ${subject}`);
  }
  return picker(data);
}
