import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';

/**
 * What a client waits for (docs/domain.md §10.2 S3), as a category: a health-care
 * assessment, a mental-health or substance-abuse service, debt counselling, a benefit decision,
 * housing, a place with a provider, or something else. A flag, never the detail behind it.
 */
export const WAITING_FOR_CATEGORIES = [
  'HEALTH_CARE_ASSESSMENT',
  'MENTAL_HEALTH_SERVICE',
  'SUBSTANCE_ABUSE_SERVICE',
  'DEBT_COUNSELLING',
  'BENEFIT_DECISION',
  'HOUSING',
  'PROVIDER_PLACE',
  'OTHER',
] as const;

/** One of {@link WAITING_FOR_CATEGORIES}. */
export type WaitingForCategory = (typeof WAITING_FOR_CATEGORIES)[number];

/** The bounds of a wait's threshold, in Finnish business days. */
export const WAIT_THRESHOLD_BUSINESS_DAYS = { min: 1, max: 120 } as const;

/** Payload of WaitingStarted v1: the client starts waiting for a service or decision. */
export class WaitingStartedPayload {
  @FieldDoc('The wait; WaitExceeded and WaitingEnded name it.')
  @IsUUID()
  readonly waitId!: string;

  @FieldDoc(
    'What the client waits for, as a category only; never the health or financial detail behind it.',
  )
  @IsIn(WAITING_FOR_CATEGORIES)
  readonly waitingFor!: WaitingForCategory;

  @FieldDoc('The organisation the client waits for; absent when it is not known or not in polku.')
  @IsOptional()
  @IsUUID()
  readonly waitingForOrgId?: string;

  @FieldDoc('Finnish business days the wait may last before WaitExceeded is raised.')
  @IsInt()
  @Min(WAIT_THRESHOLD_BUSINESS_DAYS.min)
  @Max(WAIT_THRESHOLD_BUSINESS_DAYS.max)
  readonly thresholdBusinessDays!: number;
}

/** A client starts waiting (docs/domain.md §10.2 S3). */
export const WAITING_STARTED_V1 = defineEvent({
  subject: 'polku.transitions.wait.waiting-started.v1',
  type: 'WaitingStarted',
  version: 1,
  // HEALTH_FLAG, as ParallelServiceReferred and MeasurePaused: waiting for a mental-health or
  // substance-abuse service is special-category data by the category alone (docs/domain.md §9.2–9.3).
  dataClass: 'HEALTH_FLAG',
  payloadClass: WaitingStartedPayload,
  summary:
    'The client started waiting for a service, decision or place, as a category, with a threshold in business days after which the wait is raised.',
  emittedBy: 'transitions, for the client worker.',
});
