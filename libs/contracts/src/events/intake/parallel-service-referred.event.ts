import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';

/**
 * Services a client is referred to alongside the measure (docs/domain.md §10.2 S1,
 * L2753–2813, L2956–2960): debt counselling, substance or mental-health services, the KaiTo
 * health check for the unemployed, help with a Kela application, the housing office, youth
 * services, or another service.
 */
export const PARALLEL_SERVICES = [
  'DEBT_COUNSELLING',
  'SUBSTANCE_SERVICES',
  'MENTAL_HEALTH_SERVICES',
  'HEALTH_CHECK',
  'KELA_APPLICATION',
  'HOUSING_OFFICE',
  'YOUTH_SERVICES',
  'OTHER',
] as const;

/** One of {@link PARALLEL_SERVICES}. */
export type ParallelService = (typeof PARALLEL_SERVICES)[number];

/** Payload of ParallelServiceReferred v1: a service that runs alongside the measure. */
export class ParallelServiceReferredPayload {
  @FieldDoc('The referral to the parallel service; a different referral from ClientReferred’s.')
  @IsUUID()
  readonly referralId!: string;

  @FieldDoc(
    'The service the client is referred to, as a category; `HEALTH_CHECK` is the health check for the unemployed (KaiTo).',
  )
  @IsIn(PARALLEL_SERVICES)
  readonly service!: ParallelService;

  @FieldDoc(
    'The organisation that provides the service; absent when it is not known or not in polku.',
  )
  @IsOptional()
  @IsUUID()
  readonly toOrgId?: string;
}

/** The client is referred to a parallel service (docs/domain.md §10.2 S1). */
export const PARALLEL_SERVICE_REFERRED_V1 = defineEvent({
  subject: 'polku.intake.parallel-service.parallel-service-referred.v1',
  type: 'ParallelServiceReferred',
  version: 1,
  // Substance and mental-health services are health flags: the service alone can be
  // special-category data.
  dataClass: 'HEALTH_FLAG',
  payloadClass: ParallelServiceReferredPayload,
  summary:
    'The client was referred to a service that runs alongside the measure, such as debt counselling, substance or mental-health services or a health check.',
  emittedBy: 'The client worker or social services, through client-intake.',
});
