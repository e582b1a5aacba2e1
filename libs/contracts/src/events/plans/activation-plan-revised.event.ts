import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsUUID,
  Min,
  ValidateBy,
} from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsIsoDate, IsListOf, WHEN_PRESENT } from '../event-validators';
import { MAX_PLAN_PARTIES, PlanParty } from './activation-plan-agreed.event';

/** The parts of an activation plan a revision can change. */
export const PLAN_PARTS = ['GOALS', 'MEASURES', 'PARTIES', 'LINKED_PLANS', 'REVIEW_DATE'] as const;

/** One of {@link PLAN_PARTS}. */
export type PlanPart = (typeof PLAN_PARTS)[number];

/**
 * Why a plan was revised, as a category: its scheduled review; a transition to the next measure
 * or service, which needs a new plan; a change in the client's situation; the
 * client's own request; a planned measure that is not available (e.g. used-up pay-subsidy days);
 * or another reason. Never the detail of the situation.
 */
export const PLAN_REVISION_REASONS = [
  'SCHEDULED_REVIEW',
  'TRANSITION',
  'CLIENT_SITUATION_CHANGED',
  'CLIENT_REQUEST',
  'MEASURE_NOT_AVAILABLE',
  'OTHER',
] as const;

/** One of {@link PLAN_REVISION_REASONS}. */
export type PlanRevisionReason = (typeof PLAN_REVISION_REASONS)[number];

/** A field that carries the new state of one plan part: present exactly when `changed` names it. */
function IsPresentExactlyWhenChanged(part: PlanPart): PropertyDecorator {
  return ValidateBy({
    name: 'isPresentExactlyWhenChanged',
    constraints: [part],
    validator: {
      validate: (value, args) => {
        const changed = (args?.object as { changed?: unknown } | undefined)?.changed;
        if (!Array.isArray(changed) || changed.length === 0) {
          return true; // `changed` reports its own error; one mistake, one message
        }
        const named = changed.includes(part);
        return (value !== undefined && value !== null) === named;
      },
      defaultMessage: (args) =>
        args?.value === undefined || args.value === null
          ? `${args?.property} is required when changed names ${part}`
          : `${args?.property} is allowed only when changed names ${part}`,
    },
  });
}

/** Payload of ActivationPlanRevised v1: which parts of the plan changed, and why; not how. */
export class ActivationPlanRevisedPayload {
  @FieldDoc('The plan, as in ActivationPlanAgreed.')
  @IsUUID()
  readonly planId!: string;

  @FieldDoc('The plan’s version after the revision; the first revision of version 1 gives 2.')
  @IsInt()
  @Min(2)
  readonly planVersion!: number;

  @FieldDoc(
    'Which parts of the plan changed, each once; the new goals and measures follow as their own events.',
  )
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique({ message: '$property must not contain duplicates' })
  @IsIn(PLAN_PARTS, {
    each: true,
    message: '$property must contain only the following values: $constraint1',
  })
  readonly changed!: PlanPart[];

  @FieldDoc('Why the plan was revised, as a category; never the detail of the client’s situation.')
  @IsIn(PLAN_REVISION_REASONS)
  readonly reasonCategory!: PlanRevisionReason;

  @FieldDoc(
    'The review date in force after the revision, so timers and the next-step due date follow it; `changed` names `REVIEW_DATE` when it moved.',
  )
  @IsIsoDate()
  readonly reviewDate!: string;

  @FieldDoc(
    'Every party after the revision, each once, present exactly when `changed` names `PARTIES`: a new party takes part from now on, a dropped one no longer does.',
  )
  @IsPresentExactlyWhenChanged('PARTIES')
  @IsListOf(() => PlanParty, WHEN_PRESENT)
  @ArrayNotEmpty(WHEN_PRESENT)
  @ArrayMaxSize(MAX_PLAN_PARTIES, WHEN_PRESENT)
  @ArrayUnique((party: unknown) => (party as Partial<PlanParty> | null)?.orgId ?? party, {
    ...WHEN_PRESENT,
    message: '$property must not name an organisation twice',
  })
  readonly parties?: PlanParty[];
}

/** The plan parties revise an agreed plan (docs/domain.md §10.2 S2). */
export const ACTIVATION_PLAN_REVISED_V1 = defineEvent({
  subject: 'polku.plans.plan.activation-plan-revised.v1',
  type: 'ActivationPlanRevised',
  version: 1,
  // PLAN, like the plan it revises: only its parties and the client see what changed and why.
  dataClass: 'PLAN',
  payloadClass: ActivationPlanRevisedPayload,
  summary:
    'The plan’s parties revised an agreed activation plan: which parts changed, why as a category, and the review date in force; the plan gets the next version.',
  emittedBy: 'activation-plans, for the plan’s parties.',
});
