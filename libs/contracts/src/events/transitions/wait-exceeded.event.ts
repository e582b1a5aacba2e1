import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsIsoDate } from '../event-validators';
import {
  WAIT_THRESHOLD_BUSINESS_DAYS,
  WAITING_FOR_CATEGORIES,
  type WaitingForCategory,
} from './waiting-started.event';

/** Payload of WaitExceeded v1: a wait has lasted longer than its threshold. */
export class WaitExceededPayload {
  @FieldDoc('The wait, as in WaitingStarted.')
  @IsUUID()
  readonly waitId!: string;

  @FieldDoc('What the client waits for, as a category, as in WaitingStarted.')
  @IsIn(WAITING_FOR_CATEGORIES)
  readonly waitingFor!: WaitingForCategory;

  @FieldDoc('The day the wait began.')
  @IsIsoDate()
  readonly since!: string;

  @FieldDoc('The threshold that was passed, in Finnish business days, as in WaitingStarted.')
  @IsInt()
  @Min(WAIT_THRESHOLD_BUSINESS_DAYS.min)
  @Max(WAIT_THRESHOLD_BUSINESS_DAYS.max)
  readonly thresholdBusinessDays!: number;
}

/** A wait lasts too long (docs/domain.md §10.2 S3). */
export const WAIT_EXCEEDED_V1 = defineEvent({
  subject: 'polku.transitions.wait.wait-exceeded.v1',
  type: 'WaitExceeded',
  version: 1,
  // HEALTH_FLAG, as WaitingStarted: the category alone can be special-category data.
  dataClass: 'HEALTH_FLAG',
  payloadClass: WaitExceededPayload,
  summary:
    'A wait lasted longer than its threshold in business days; the client worker and the path’s owner are reminded.',
  emittedBy: 'transitions (system timer), when the threshold has passed.',
});
