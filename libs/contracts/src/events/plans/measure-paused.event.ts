import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsIsoDate, IsUtcTimestamp } from '../event-validators';

/**
 * Why a measure is paused, as a category (docs/domain.md §10.2 S3): a health-care measure such as a
 * treatment or rehabilitation period, sick leave, waiting for another service or
 * decision, or another reason. A flag, never the health detail behind it.
 */
export const MEASURE_PAUSE_REASON_CATEGORIES = [
  'HEALTH_CARE_MEASURE',
  'SICK_LEAVE',
  'WAITING',
  'OTHER',
] as const;

/** One of {@link MEASURE_PAUSE_REASON_CATEGORIES}. */
export type MeasurePauseReasonCategory = (typeof MEASURE_PAUSE_REASON_CATEGORIES)[number];

/** Payload of MeasurePaused v1: a measure is paused, not ended; the relationship continues. */
export class MeasurePausedPayload {
  @FieldDoc('The measure, as in MeasureStarted.')
  @IsUUID()
  readonly measureId!: string;

  @FieldDoc('Why the measure is paused, as a category only; never the health detail behind it.')
  @IsIn(MEASURE_PAUSE_REASON_CATEGORIES)
  readonly reasonCategory!: MeasurePauseReasonCategory;

  @FieldDoc('When the pause began; the path’s timers are suspended from then.')
  @IsUtcTimestamp()
  readonly pausedAt!: string;

  @FieldDoc('The day the client is expected back; absent when it is not known.')
  @IsOptional()
  @IsIsoDate()
  readonly expectedResume?: string;
}

/** The provider pauses a measure after agreeing it with the network (docs/domain.md §10.2 S3). */
export const MEASURE_PAUSED_V1 = defineEvent({
  subject: 'polku.plans.measure.measure-paused.v1',
  type: 'MeasurePaused',
  version: 1,
  // HEALTH_FLAG: "paused: health-care measure" and "sick leave from–to" are the health flags of
  // docs/domain.md §9.3, so the reason category alone can be special-category data.
  dataClass: 'HEALTH_FLAG',
  payloadClass: MeasurePausedPayload,
  summary:
    'A measure was paused, not ended, with the reason as a category and the expected day back; a relapse or a treatment period does not end the client relationship.',
  emittedBy: 'activation-plans, for the provider, after agreement with the network.',
});
