import { IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsIsoDate } from '../event-validators';

/**
 * How a measure ended, as a category: completed as planned, interrupted before its planned end,
 * transferred to another measure or provider, or another way.
 */
export const MEASURE_END_REASONS = ['COMPLETED', 'INTERRUPTED', 'TRANSFERRED', 'OTHER'] as const;

/** One of {@link MEASURE_END_REASONS}. */
export type MeasureEndReason = (typeof MEASURE_END_REASONS)[number];

/** Payload of MeasureEnded v1: a measure ended; where the client goes is ClientExited or a hand-off. */
export class MeasureEndedPayload {
  @FieldDoc('The measure, as in MeasureStarted.')
  @IsUUID()
  readonly measureId!: string;

  @FieldDoc('The last day of the measure, inclusive.')
  @IsIsoDate()
  readonly endDate!: string;

  @FieldDoc('How the measure ended, as a category; never the detail of why.')
  @IsIn(MEASURE_END_REASONS)
  readonly endReason!: MeasureEndReason;
}

/** A measure ends (docs/domain.md §10.2 S3, S5). */
export const MEASURE_ENDED_V1 = defineEvent({
  subject: 'polku.plans.measure.measure-ended.v1',
  type: 'MeasureEnded',
  version: 1,
  // PATH: a measure's end is in the path skeleton of docs/domain.md §9.3, like its start.
  dataClass: 'PATH',
  payloadClass: MeasureEndedPayload,
  summary:
    'A measure ended, with how as a category; the client’s next step is a transition or an exit, never nothing.',
  emittedBy: 'activation-plans, for the provider.',
});
