import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';

/**
 * Why a receiver declines a hand-off, as a category: no place; the measure does not suit the
 * client; the client declined; the funding is missing (e.g. no pay-subsidy decision); or another
 * reason.
 */
export const HANDOFF_DECLINE_REASON_CATEGORIES = [
  'NO_CAPACITY',
  'NOT_SUITABLE',
  'CLIENT_DECLINED',
  'MISSING_FUNDING',
  'OTHER',
] as const;

/** One of {@link HANDOFF_DECLINE_REASON_CATEGORIES}. */
export type HandoffDeclineReasonCategory = (typeof HANDOFF_DECLINE_REASON_CATEGORIES)[number];

/**
 * What the receiver suggests instead, as a category: another provider, another measure, a later
 * start, or nothing.
 */
export const HANDOFF_ALTERNATIVE_CATEGORIES = [
  'ANOTHER_PROVIDER',
  'ANOTHER_MEASURE',
  'LATER_START',
  'NONE',
] as const;

/** One of {@link HANDOFF_ALTERNATIVE_CATEGORIES}. */
export type HandoffAlternativeCategory = (typeof HANDOFF_ALTERNATIVE_CATEGORIES)[number];

/** Payload of HandoffDeclined v1: the hand-off returns to the sender, never into the void. */
export class HandoffDeclinedPayload {
  @FieldDoc('The hand-off, as in HandoffProposed.')
  @IsUUID()
  readonly handoffId!: string;

  @FieldDoc('Why the receiver declined, as a category.')
  @IsIn(HANDOFF_DECLINE_REASON_CATEGORIES)
  readonly reasonCategory!: HandoffDeclineReasonCategory;

  @FieldDoc(
    'What the receiver suggests instead, as a category; absent when it did not say, `NONE` when it has no suggestion.',
  )
  @IsOptional()
  @IsIn(HANDOFF_ALTERNATIVE_CATEGORIES)
  readonly alternativeCategory?: HandoffAlternativeCategory;
}

/** The receiving organisation declines a hand-off (docs/domain.md §10.2 S4; docs/domain.md §4.4). */
export const HANDOFF_DECLINED_V1 = defineEvent({
  subject: 'polku.transitions.handoff.handoff-declined.v1',
  type: 'HandoffDeclined',
  version: 1,
  dataClass: 'PATH',
  payloadClass: HandoffDeclinedPayload,
  summary:
    'The receiving organisation declined a proposed hand-off with a reason category and optionally an alternative; the path returns to the sender, who decides the next step.',
  emittedBy: 'transitions, for the receiving organisation.',
});
