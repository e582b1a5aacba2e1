import { IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsIsoDate } from '../event-validators';

/** Payload of HandoffAccepted v1: the receiver takes the client on from a start date. */
export class HandoffAcceptedPayload {
  @FieldDoc('The hand-off, as in HandoffProposed.')
  @IsUUID()
  readonly handoffId!: string;

  @FieldDoc('The day the client starts with the receiver.')
  @IsIsoDate()
  readonly startDate!: string;
}

/** The receiving organisation accepts a hand-off (docs/domain.md §10.2 S4). */
export const HANDOFF_ACCEPTED_V1 = defineEvent({
  subject: 'polku.transitions.handoff.handoff-accepted.v1',
  type: 'HandoffAccepted',
  version: 1,
  dataClass: 'PATH',
  payloadClass: HandoffAcceptedPayload,
  summary:
    'The receiving organisation accepted a proposed hand-off with a start date; the sender stays accountable until the receiver completes the hand-off.',
  emittedBy: 'transitions, for the receiving organisation.',
});
