import { IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsUtcTimestamp } from '../event-validators';

/** Payload of MeasureResumed v1: a paused measure continues. */
export class MeasureResumedPayload {
  @FieldDoc('The measure, as in MeasureStarted and MeasurePaused.')
  @IsUUID()
  readonly measureId!: string;

  @FieldDoc('When the measure continued; the path’s timers run again from then.')
  @IsUtcTimestamp()
  readonly resumedAt!: string;
}

/** A paused measure is resumed (docs/domain.md §10.2 S3). */
export const MEASURE_RESUMED_V1 = defineEvent({
  subject: 'polku.plans.measure.measure-resumed.v1',
  type: 'MeasureResumed',
  version: 1,
  // HEALTH_FLAG, like MeasurePaused: with it the resumption gives the "from–to" of a sick leave
  // or treatment period (docs/domain.md §9.3), so it is seen by exactly those who see the pause.
  dataClass: 'HEALTH_FLAG',
  payloadClass: MeasureResumedPayload,
  summary: 'A paused measure continued.',
  emittedBy: 'activation-plans, for the provider.',
});
