import { IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsActorId, IsRequiredOnlyWhen, WHEN_PRESENT } from '../event-validators';

/**
 * Why a path changed owner: a completed hand-off; the provider's funding ended and the path was
 * rehomed (docs/domain.md §10.3 FundingEndSaga); or it was reassigned to another organisation.
 */
export const OWNERSHIP_TRANSFER_REASONS = [
  'HANDOFF_COMPLETED',
  'PROVIDER_FUNDING_ENDED',
  'REASSIGNED',
] as const;

/** One of {@link OWNERSHIP_TRANSFER_REASONS}. */
export type OwnershipTransferReason = (typeof OWNERSHIP_TRANSFER_REASONS)[number];

/** Payload of OwnershipTransferred v1: the accountable organisation and named worker change. */
export class OwnershipTransferredPayload {
  @FieldDoc('The organisation that was accountable for the path until now.')
  @IsUUID()
  readonly fromOrgId!: string;

  @FieldDoc(
    'The worker who was named for the path until now: the identity provider’s pseudonymous user id, never a name.',
  )
  @IsActorId()
  readonly fromWorkerId!: string;

  @FieldDoc('The organisation that is accountable for the path from now on.')
  @IsUUID()
  readonly toOrgId!: string;

  @FieldDoc(
    'The worker named for the path from now on: the identity provider’s pseudonymous user id, never a name, or `unassigned` when the fallback owner takes the follow-ups over at the end of a provider’s funding (its team lead names one).',
  )
  @IsActorId()
  readonly toWorkerId!: string;

  @FieldDoc(
    'Why the owner changed: a completed hand-off, the provider’s funding ended, or a reassignment.',
  )
  @IsIn(OWNERSHIP_TRANSFER_REASONS)
  readonly reason!: OwnershipTransferReason;

  @FieldDoc(
    'The hand-off that was completed, as in HandoffProposed; present exactly when the reason is `HANDOFF_COMPLETED`.',
  )
  @IsUUID('all', WHEN_PRESENT)
  @IsRequiredOnlyWhen('reason', ['HANDOFF_COMPLETED'])
  readonly handoffId?: string;
}

/** A path changes owner (docs/domain.md §10.2 S4; docs/domain.md §4.3–4.4). */
export const OWNERSHIP_TRANSFERRED_V1 = defineEvent({
  subject: 'polku.transitions.path.ownership-transferred.v1',
  type: 'OwnershipTransferred',
  version: 1,
  // PATH: docs/domain.md §9.3 puts the owner in the path skeleton. Workers appear by their
  // pseudonymous user ids only.
  dataClass: 'PATH',
  payloadClass: OwnershipTransferredPayload,
  summary:
    'The path’s accountable organisation and named worker changed, after a completed hand-off, the end of the provider’s funding, or a reassignment; the path is never without an owner.',
  emittedBy:
    'transitions (system), on HandoffCompleted, on rehoming before funding ends, or on reassignment.',
});
