import { IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsUtcTimestamp } from '../event-validators';
import type { MeetingDecisionKind } from './meeting-kinds';

/** The services whose commands carry out a meeting's decisions. */
export const DECISION_OWNING_SERVICES = ['activation-plans', 'transitions'] as const;

/** One of {@link DECISION_OWNING_SERVICES}. */
export type DecisionOwningService = (typeof DECISION_OWNING_SERVICES)[number];

/** The event types that carry out a decision of each kind, and the service that emits them. */
export const DECISION_CARRYING_EVENTS = {
  PLAN_CHANGE: ['ActivationPlanAgreed', 'ActivationPlanRevised'],
  TRANSITION_DECISION: ['HandoffProposed', 'HandoffAccepted', 'HandoffDeclined', 'ClientExited'],
  PAUSE: ['MeasurePaused'],
} as const satisfies Record<MeetingDecisionKind, readonly string[]>;

/** Every event type that can carry out a decision. */
export const DECISION_CARRYING_EVENT_TYPES = Object.values(DECISION_CARRYING_EVENTS).flat();

/** One of {@link DECISION_CARRYING_EVENT_TYPES}. */
export type DecisionCarryingEventType = (typeof DECISION_CARRYING_EVENT_TYPES)[number];

/**
 * Payload of MeetingDecisionCarriedOut v1: a meeting's decision is linked to the event of the
 * command that carried it out in the owning service (ActivationPlanAgreed or Revised for a plan
 * change; HandoffProposed, HandoffAccepted, HandoffDeclined or ClientExited for a transition
 * decision; MeasurePaused for a pause), on the same path.
 */
export class MeetingDecisionCarriedOutPayload {
  @FieldDoc('The meeting, as in NetworkMeetingHeld.')
  @IsUUID()
  readonly meetingId!: string;

  @FieldDoc('The decision, as in NetworkMeetingHeld.decisions.')
  @IsUUID()
  readonly decisionId!: string;

  @FieldDoc('The service whose command carried it out.')
  @IsIn(DECISION_OWNING_SERVICES)
  readonly service!: DecisionOwningService;

  @FieldDoc('The id of the event that command emitted (its envelope id).')
  @IsUUID()
  readonly eventId!: string;

  @FieldDoc('The type of that event, e.g. ActivationPlanRevised.')
  @IsIn(DECISION_CARRYING_EVENT_TYPES)
  readonly eventType!: DecisionCarryingEventType;

  @FieldDoc('When the link was recorded.')
  @IsUtcTimestamp()
  readonly linkedAt!: string;
}

/** A meeting's decision is linked to what carried it out. */
export const MEETING_DECISION_CARRIED_OUT_V1 = defineEvent({
  subject: 'polku.meetings.meeting.meeting-decision-carried-out.v1',
  type: 'MeetingDecisionCarriedOut',
  version: 1,
  dataClass: 'PATH',
  payloadClass: MeetingDecisionCarriedOutPayload,
  summary:
    'A decision of a network meeting was linked to the event of the command that carried it out in the service that owns it.',
  emittedBy: 'network-meetings, for a party of the meeting.',
});
