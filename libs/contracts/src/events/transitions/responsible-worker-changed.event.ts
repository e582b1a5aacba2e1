import { IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsActorId, IsDifferentFrom } from '../event-validators';

/**
 * Why the named worker changed, as a category: staff turnover; the
 * work split between roles; an absence; workload; or another reason.
 */
export const WORKER_CHANGE_REASON_CATEGORIES = [
  'TURNOVER',
  'ROLE_SPLIT',
  'ABSENCE',
  'WORKLOAD',
  'OTHER',
] as const;

/** One of {@link WORKER_CHANGE_REASON_CATEGORIES}. */
export type WorkerChangeReasonCategory = (typeof WORKER_CHANGE_REASON_CATEGORIES)[number];

/** Payload of ResponsibleWorkerChanged v1: another worker of the same organisation is named. */
export class ResponsibleWorkerChangedPayload {
  @FieldDoc('The accountable organisation, which stays the same.')
  @IsUUID()
  readonly orgId!: string;

  @FieldDoc(
    'The worker named until now: the identity provider’s pseudonymous user id, never a name.',
  )
  @IsActorId()
  readonly fromWorkerId!: string;

  @FieldDoc(
    'The worker named from now on: the identity provider’s pseudonymous user id, never a name.',
  )
  @IsActorId()
  @IsDifferentFrom('fromWorkerId')
  readonly toWorkerId!: string;

  @FieldDoc('Why the worker changed, as a category.')
  @IsIn(WORKER_CHANGE_REASON_CATEGORIES)
  readonly reasonCategory!: WorkerChangeReasonCategory;
}

/** The path's named worker changes within the organisation (docs/domain.md §10.2 S3). */
export const RESPONSIBLE_WORKER_CHANGED_V1 = defineEvent({
  subject: 'polku.transitions.path.responsible-worker-changed.v1',
  type: 'ResponsibleWorkerChanged',
  version: 1,
  dataClass: 'PATH',
  payloadClass: ResponsibleWorkerChangedPayload,
  summary:
    'Another worker of the accountable organisation became the path’s named worker, with the reason as a category; the path is never without one.',
  emittedBy: 'transitions, for the provider (the accountable organisation).',
});
