import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsIsoDate } from '../event-validators';
import { ExitDestination, IsDestinationOtherThan } from '../shared/exit-destination';

/**
 * Why a hand-off is proposed, as a category (docs/domain.md §10.2 S4, §3.5): the next measure of
 * the plan; the current measure is ending; the client is ready for more demanding work; the
 * client's own wish; an assessment of the client's needs; the provider's funding is ending;
 * or another reason. Never the detail of the client's situation.
 */
export const HANDOFF_RATIONALE_CATEGORIES = [
  'NEXT_MEASURE_IN_PLAN',
  'MEASURE_ENDING',
  'CLIENT_READY_FOR_MORE',
  'CLIENT_WISH',
  'NEEDS_ASSESSMENT',
  'PROVIDER_FUNDING_ENDING',
  'OTHER',
] as const;

/** One of {@link HANDOFF_RATIONALE_CATEGORIES}. */
export type HandoffRationaleCategory = (typeof HANDOFF_RATIONALE_CATEGORIES)[number];

/**
 * Who proposed the hand-off (docs/domain.md §10.2 S4): the client worker, the client, or another
 * party of the client's network.
 */
export const HANDOFF_PROPOSERS = ['WORKER', 'CLIENT', 'NETWORK_PARTY'] as const;

/** One of {@link HANDOFF_PROPOSERS}. */
export type HandoffProposer = (typeof HANDOFF_PROPOSERS)[number];

/**
 * Destinations a hand-off cannot have: an unclear path is an exit with a search owner, not a
 * receiver's place, and a return to the intermediate labour market is a new, linked path.
 */
export const NON_HANDOFF_DESTINATION_CATEGORIES = ['UNCLEAR_PATH', 'RETURNED_TO_VTM'] as const;

/** Payload of HandoffProposed v1: a hand-off to the next step, awaiting the receiver's answer. */
export class HandoffProposedPayload {
  @FieldDoc(
    'The hand-off; HandoffAccepted, HandoffDeclined, HandoffCompleted and HandoffEscalated name it.',
  )
  @IsUUID()
  readonly handoffId!: string;

  @FieldDoc(
    'The measure the client moves on from, as in MeasureStarted; absent when the client is between measures.',
  )
  @IsOptional()
  @IsUUID()
  readonly fromMeasureId?: string;

  @FieldDoc(
    'The next step’s destination: a group, a category of that group and optionally its kind; never `UNCLEAR_PATH` or `RETURNED_TO_VTM`.',
  )
  @IsObject()
  @ValidateNested()
  @Type(() => ExitDestination)
  @IsDestinationOtherThan(NON_HANDOFF_DESTINATION_CATEGORIES)
  readonly destination!: ExitDestination;

  @FieldDoc(
    'The organisation asked to take the client on; the sender stays accountable until it completes the hand-off.',
  )
  @IsUUID()
  readonly receivingOrgId!: string;

  @FieldDoc('The day proposed for the client to start with the receiver.')
  @IsIsoDate()
  readonly proposedDate!: string;

  @FieldDoc(
    'By when the receiver must answer (10 business days by default); unanswered, the hand-off escalates.',
  )
  @IsIsoDate()
  readonly answerDueDate!: string;

  @FieldDoc('Why the hand-off is proposed, as a category; never the client’s situation.')
  @IsIn(HANDOFF_RATIONALE_CATEGORIES)
  readonly rationaleCategory!: HandoffRationaleCategory;

  @FieldDoc('Who proposed the hand-off: the worker, the client, or another network party.')
  @IsIn(HANDOFF_PROPOSERS)
  readonly proposedBy!: HandoffProposer;
}

/** A hand-off to the next step is proposed (docs/domain.md §10.2 S4, §10.3 HandoffSaga). */
export const HANDOFF_PROPOSED_V1 = defineEvent({
  subject: 'polku.transitions.handoff.handoff-proposed.v1',
  type: 'HandoffProposed',
  version: 1,
  // PATH: docs/domain.md §9.3 puts transitions and the destination category in the path skeleton.
  dataClass: 'PATH',
  payloadClass: HandoffProposedPayload,
  summary:
    'A hand-off to the next step was proposed to a receiving organisation, with the destination, the proposed start, the answer deadline and the reason as a category; the sender stays accountable until the receiver completes it.',
  emittedBy: 'transitions, for the client worker, any network party, or the client.',
});
