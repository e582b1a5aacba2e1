import {
  DECISION_CARRYING_EVENTS,
  type DecisionCarryingEventType,
  type DecisionOwningService,
  type MeetingDecisionKind,
  type NetworkMeetingHeldPayload,
} from '@polku/contracts';

/** Why a decision cannot be linked to an event, with the HTTP status it is answered with. */
export interface DecisionLinkProblem {
  /** 409: the state is not there yet or any more; 422: the link itself is wrong. */
  readonly status: 409 | 422;
  readonly rule:
    | 'MEETING_NOT_HELD'
    | 'DECISION_NOT_IN_MEETING'
    | 'NOT_A_MEETING_PARTY'
    | 'CARRYING_EVENT_NOT_ON_PATH'
    | 'EVENT_DOES_NOT_CARRY_DECISION'
    | 'DECISION_ALREADY_LINKED';
  readonly message: string;
}

/** The service whose events carry out decisions: plans and pauses, or transitions. */
export function owningServiceOf(eventType: DecisionCarryingEventType): DecisionOwningService {
  return (DECISION_CARRYING_EVENTS.TRANSITION_DECISION as readonly string[]).includes(eventType)
    ? 'transitions'
    : 'activation-plans';
}

/** What the rule reads: the meeting record, the caller, and the event the caller names. */
export interface DecisionLinkFacts {
  readonly decisionId: string;
  readonly callerOrgId: string;
  /** The meeting's NetworkMeetingHeld payload on the path's timeline; undefined if not held. */
  readonly held: Pick<NetworkMeetingHeldPayload, 'decisions' | 'participants'> | undefined;
  /** Whether the decision is linked already. */
  readonly alreadyLinked: boolean;
  /** The named event on the same path, as far as the caller may see it; undefined if not. */
  readonly carryingEventType: string | undefined;
}

/**
 * May this decision be linked to that event? The meeting must be held (its NetworkMeetingHeld on
 * the path's timeline) and list the decision, not linked yet; the caller's organisation must have
 * taken part; the event must be on the same path and of a type DECISION_CARRYING_EVENTS allows
 * for the decision's kind. In that order, so whoever asks learns a decision is linked already. Answers the link's owning service and event type, or the first problem.
 */
export function decideDecisionLink(facts: DecisionLinkFacts):
  | {
      readonly ok: true;
      readonly kind: MeetingDecisionKind;
      readonly eventType: DecisionCarryingEventType;
      readonly service: DecisionOwningService;
    }
  | { readonly ok: false; readonly problem: DecisionLinkProblem } {
  const refuse = (problem: DecisionLinkProblem) => ({ ok: false as const, problem });
  if (facts.held === undefined) {
    return refuse({
      status: 409,
      rule: 'MEETING_NOT_HELD',
      message: 'the meeting is not recorded as held on this path',
    });
  }
  const decision = facts.held.decisions.find((item) => item.decisionId === facts.decisionId);
  if (decision === undefined) {
    return refuse({
      status: 422,
      rule: 'DECISION_NOT_IN_MEETING',
      message: 'the held meeting lists no such decision',
    });
  }
  if (facts.alreadyLinked) {
    return refuse({
      status: 409,
      rule: 'DECISION_ALREADY_LINKED',
      message: 'the decision is already linked to what carried it out',
    });
  }
  if (!facts.held.participants.some((participant) => participant.orgId === facts.callerOrgId)) {
    return refuse({
      status: 422,
      rule: 'NOT_A_MEETING_PARTY',
      message: 'only an organisation present at the meeting links its decisions',
    });
  }
  if (facts.carryingEventType === undefined) {
    return refuse({
      status: 422,
      rule: 'CARRYING_EVENT_NOT_ON_PATH',
      message: 'the event is not on this path’s timeline',
    });
  }
  const allowed: readonly string[] = DECISION_CARRYING_EVENTS[decision.kind];
  if (!allowed.includes(facts.carryingEventType)) {
    return refuse({
      status: 422,
      rule: 'EVENT_DOES_NOT_CARRY_DECISION',
      message: `a ${decision.kind} decision is carried out by ${allowed.join(', ')}, not ${facts.carryingEventType}`,
    });
  }
  const eventType = facts.carryingEventType as DecisionCarryingEventType;
  return { ok: true, kind: decision.kind, eventType, service: owningServiceOf(eventType) };
}
