import { IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsIsoDate } from '../event-validators';

/** Payload of TransitionAccepted v1: the receiver takes the client on from a start date. */
export class TransitionAcceptedPayload {
  @FieldDoc('The hand-off, as in TransitionProposed.')
  @IsUUID()
  readonly transitionId!: string;

  @FieldDoc('The day the client starts with the receiver.')
  @IsIsoDate()
  readonly startDate!: string;
}

/** The receiving organisation accepts a hand-off (domain.md §10.2 S4). */
export const TRANSITION_ACCEPTED_V1 = defineEvent({
  subject: 'polku.transitions.handoff.transition-accepted.v1',
  type: 'TransitionAccepted',
  version: 1,
  dataClass: 'PATH',
  payloadClass: TransitionAcceptedPayload,
  summary:
    'The receiving organisation accepted a proposed hand-off with a start date; the sender stays accountable until the receiver completes the hand-off.',
  emittedBy: 'transitions, for the receiving organisation.',
});
