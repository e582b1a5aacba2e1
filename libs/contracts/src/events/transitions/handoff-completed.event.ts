import { IsOptional, IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';

/** Payload of HandoffCompleted v1: the receiver has taken the client on. */
export class HandoffCompletedPayload {
  @FieldDoc('The hand-off, as in HandoffProposed.')
  @IsUUID()
  readonly handoffId!: string;

  @FieldDoc(
    'The measure the client starts with the receiver, as in MeasureStarted; absent when the next step is not a measure in polku.',
  )
  @IsOptional()
  @IsUUID()
  readonly newMeasureId?: string;
}

/** The receiver completes a hand-off (docs/domain.md §10.2 S4, §10.3 HandoffSaga). */
export const HANDOFF_COMPLETED_V1 = defineEvent({
  subject: 'polku.transitions.handoff.handoff-completed.v1',
  type: 'HandoffCompleted',
  version: 1,
  dataClass: 'PATH',
  payloadClass: HandoffCompletedPayload,
  summary:
    'The receiving organisation acknowledged that it has taken the client on; OwnershipTransferred follows and only then does the sender stop being accountable.',
  emittedBy: 'transitions, for the receiving organisation (its acknowledgement).',
});
