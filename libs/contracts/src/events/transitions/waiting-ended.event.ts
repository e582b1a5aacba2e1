import { IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsIsoDate } from '../event-validators';

/** Payload of WaitingEnded v1: the wait is over. */
export class WaitingEndedPayload {
  @FieldDoc('The wait, as in WaitingStarted.')
  @IsUUID()
  readonly waitId!: string;

  @FieldDoc('The day the wait ended; its timer stops.')
  @IsIsoDate()
  readonly endedOn!: string;
}

/** A wait ends (docs/domain.md §10.2 S3). */
export const WAITING_ENDED_V1 = defineEvent({
  subject: 'polku.transitions.wait.waiting-ended.v1',
  type: 'WaitingEnded',
  version: 1,
  // PATH: it names the wait only, not what was waited for.
  dataClass: 'PATH',
  payloadClass: WaitingEndedPayload,
  summary: 'A wait ended and its timer stopped; what was waited for stays in WaitingStarted.',
  emittedBy: 'transitions, for the client worker.',
});
