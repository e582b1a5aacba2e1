import type { EventEnvelope, WorkItemKind } from '@polku/contracts';
import {
  itemKey,
  type EventFacts,
  type OpenItem,
  type RecipientKind,
  type WorkItemOp,
} from './work-item-ops';

type Data = Record<string, unknown>;
type Opening = Omit<OpenItem, 'op' | keyof EventFacts | 'latestWins' | 'lost'> &
  Partial<Pick<OpenItem, 'latestWins' | 'lost'>>;

/** The event type that opens each kind of item but PATH_STEP and ESCALATION. */
export const OPENING_SIGNAL: Readonly<Partial<Record<WorkItemKind, string>>> = {
  REFERRAL_ANSWER: 'ClientReferred',
  HANDOFF_ANSWER: 'HandoffProposed',
  FOLLOW_UP: 'FollowUpDue',
  AGREED_STEP: 'ActionItemAssigned',
  STATEMENT: 'StatementRequested',
  MEASURE_ENDING: 'MeasureEndingSoon',
  WAIT_EXCEEDED: 'WaitExceeded',
};

/** Which item each clearing event acts on: its kind and the payload field naming it. */
const CLEARS: Readonly<Record<string, readonly [WorkItemKind, string]>> = {
  ReferralAccepted: ['REFERRAL_ANSWER', 'referralId'],
  ReferralDeclined: ['REFERRAL_ANSWER', 'referralId'],
  ReferralLinked: ['REFERRAL_ANSWER', 'referralId'],
  HandoffAccepted: ['HANDOFF_ANSWER', 'handoffId'],
  HandoffDeclined: ['HANDOFF_ANSWER', 'handoffId'],
  HandoffCompleted: ['HANDOFF_ANSWER', 'handoffId'],
  FollowUpCompleted: ['FOLLOW_UP', 'followUpId'],
  ActionItemCompleted: ['AGREED_STEP', 'actionItemId'],
  StatementIssued: ['STATEMENT', 'statementId'],
  MeasureEnded: ['MEASURE_ENDING', 'measureId'],
  WaitingEnded: ['WAIT_EXCEEDED', 'waitId'],
};

/** The recipient of an escalation at `level` in `orgId`; the worker rung is the path's worker. */
function escalationRecipient(
  level: string,
  orgId: string | undefined,
  namedWorkerId?: string,
): Pick<OpenItem, 'recipientKind' | 'recipientOrgId' | 'recipientWorkerId' | 'lost'> {
  const recipientKind: RecipientKind =
    level === 'WORKER'
      ? namedWorkerId === undefined
        ? 'PATH_WORKER'
        : 'WORKER'
      : (level as RecipientKind);
  return {
    recipientKind,
    ...(orgId === undefined ? {} : { recipientOrgId: orgId }),
    ...(recipientKind === 'WORKER' ? { recipientWorkerId: namedWorkerId } : {}),
    // A step still late at the top of the ladder makes the path lost (docs/transitions.md).
    lost: level === 'MANAGER',
  };
}

/** The item an opening event puts on a queue, or undefined for any other event. */
function openingOf(type: string, data: Data, pathId: string): Opening | undefined {
  const s = (field: string) => data[field] as string;
  switch (type) {
    case 'ClientReferred':
      return {
        key: itemKey('REFERRAL_ANSWER', s('referralId')),
        kind: 'REFERRAL_ANSWER',
        signal: type,
        subjectId: s('referralId'),
        recipientKind: 'ORGANISATION',
        recipientOrgId: s('toOrgId'),
      };
    case 'HandoffProposed':
      return {
        key: itemKey('HANDOFF_ANSWER', s('handoffId')),
        kind: 'HANDOFF_ANSWER',
        signal: type,
        subjectId: s('handoffId'),
        dueDate: s('answerDueDate'),
        recipientKind: 'ORGANISATION',
        recipientOrgId: s('receivingOrgId'),
      };
    case 'FollowUpDue':
      return {
        key: itemKey('FOLLOW_UP', s('followUpId')),
        kind: 'FOLLOW_UP',
        signal: type,
        subjectId: s('followUpId'),
        dueDate: s('dueDate'),
        recipientKind: 'PATH_WORKER',
        recipientOrgId: s('ownerOrgId'),
      };
    case 'ActionItemAssigned':
      return {
        key: itemKey('AGREED_STEP', s('actionItemId')),
        kind: 'AGREED_STEP',
        signal: type,
        subjectId: s('actionItemId'),
        dueDate: s('dueDate'),
        recipientKind: 'WORKER',
        recipientOrgId: s('ownerOrgId'),
        recipientWorkerId: s('ownerWorkerId'),
      };
    case 'PlanReviewDue':
      return {
        key: itemKey('PLAN_REVIEW', `${s('planId')}@${s('dueDate')}`),
        kind: 'PLAN_REVIEW',
        signal: type,
        subjectId: s('planId'),
        dueDate: s('dueDate'),
        recipientKind: 'PATH_WORKER',
      };
    case 'StatementRequested':
      return {
        key: itemKey('STATEMENT', s('statementId')),
        kind: 'STATEMENT',
        signal: type,
        subjectId: s('statementId'),
        dueDate: s('dueDate'),
        recipientKind: 'PATH_WORKER',
      };
    case 'MeasureEndingSoon':
      return {
        key: itemKey('MEASURE_ENDING', s('measureId')),
        kind: 'MEASURE_ENDING',
        signal: type,
        subjectId: s('measureId'),
        dueDate: s('plannedEndDate'),
        recipientKind: 'PATH_WORKER',
        latestWins: true,
      };
    case 'WaitExceeded':
      return {
        key: itemKey('WAIT_EXCEEDED', s('waitId')),
        kind: 'WAIT_EXCEEDED',
        signal: type,
        subjectId: s('waitId'),
        recipientKind: 'PATH_WORKER',
      };
    default:
      return escalationOf(type, data, pathId);
  }
}

/** The escalation an escalating event puts on a queue: one per thing, rung and organisation. */
function escalationOf(type: string, data: Data, pathId: string): Opening | undefined {
  const s = (field: string) => data[field] as string;
  const escalation = { kind: 'ESCALATION' as const, signal: type };
  switch (type) {
    case 'HandoffEscalated':
      return {
        ...escalation,
        key: itemKey('ESCALATION', s('handoffId'), s('level'), s('escalatedToOrgId')),
        subjectId: s('handoffId'),
        underlyingKey: itemKey('HANDOFF_ANSWER', s('handoffId')),
        level: s('level'),
        dueDate: s('answerDueDate'),
        ...escalationRecipient(s('level'), s('escalatedToOrgId')),
      };
    case 'ActionItemOverdue':
      return {
        ...escalation,
        key: itemKey('ESCALATION', s('actionItemId'), s('level'), s('ownerOrgId')),
        subjectId: s('actionItemId'),
        underlyingKey: itemKey('AGREED_STEP', s('actionItemId')),
        level: s('level'),
        dueDate: s('dueDate'),
        ...escalationRecipient(s('level'), s('ownerOrgId'), s('ownerWorkerId')),
      };
    case 'FollowUpMissed':
      return {
        ...escalation,
        key: itemKey('ESCALATION', s('followUpId'), 'MANAGER', s('ownerOrgId')),
        subjectId: s('followUpId'),
        underlyingKey: itemKey('FOLLOW_UP', s('followUpId')),
        level: 'MANAGER',
        dueDate: s('dueDate'),
        ...escalationRecipient('MANAGER', s('ownerOrgId')),
      };
    case 'PlanReviewOverdue':
      // No rung in the event: the review is the path worker's item already (PLAN_REVIEW), so
      // its escalation goes one rung up, to the team lead of the path's accountable organisation.
      return {
        ...escalation,
        key: itemKey('ESCALATION', `${s('planId')}@${s('dueDate')}`, 'TEAM_LEAD'),
        subjectId: s('planId'),
        level: 'TEAM_LEAD',
        dueDate: s('dueDate'),
        ...escalationRecipient('TEAM_LEAD', undefined),
      };
    case 'NextStepOverdue':
      return {
        ...escalation,
        // The path's step of that kind and due date: a later step late again is another item.
        key: itemKey(
          'ESCALATION',
          `${pathId}/${s('nextStep')}@${s('dueDate')}`,
          s('level'),
          s('accountableOrgId'),
        ),
        subjectId: pathId,
        nextStep: s('nextStep'),
        level: s('level'),
        dueDate: s('dueDate'),
        ...escalationRecipient(s('level'), s('accountableOrgId')),
      };
    default:
      return undefined;
  }
}

/**
 * What an event does to work items, by the table of docs/work-queue.md ("What lands where"): it
 * opens one item, clears one, or neither. PATH_STEP and what the path's course clears
 * (NextStepSet) are decided with the path's card (path-course.ts); plan reviews with the plan's
 * agreements (plan-reviews.ts).
 */
export function decideWorkItems(envelope: EventEnvelope<unknown>): WorkItemOp[] {
  const data = (envelope.data ?? {}) as Data;
  const facts: EventFacts = {
    eventId: envelope.id,
    occurredAt: envelope.occurredAt,
    pathId: envelope.pathId,
  };
  const opening = openingOf(envelope.type, data, envelope.pathId);
  if (opening !== undefined) {
    return [{ op: 'open', latestWins: false, lost: false, ...opening, ...facts }];
  }
  const clears = CLEARS[envelope.type];
  if (clears !== undefined) {
    const [kind, field] = clears;
    const subjectId = data[field] as string;
    return [
      {
        op: 'clear',
        key: itemKey(kind, subjectId),
        kind,
        openingSignal: OPENING_SIGNAL[kind] as string,
        subjectId,
        ...facts,
      },
    ];
  }
  return [];
}
