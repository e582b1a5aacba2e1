import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';
import { defineEvent } from '../event-contract';
import { ORG_ROLES, type OrgRole } from '../event-envelope';
import { FieldDoc } from '../../field-doc.decorator';
import { HasNoPersonalIdentityCode, IsIsoDate, IsListOf } from '../event-validators';

/**
 * The roles an organisation can have as a party to an activation plan: every organisation role
 * but the client (whose agreement is its own flag), the expert coordinator (experts take part in
 * meetings, not in plans) and the system.
 */
export const PLAN_PARTY_ROLES = ORG_ROLES.filter(
  (role): role is Exclude<OrgRole, 'CLIENT' | 'EXPERT_COORDINATOR' | 'SYSTEM'> =>
    role !== 'CLIENT' && role !== 'EXPERT_COORDINATOR' && role !== 'SYSTEM',
);

/** One of {@link PLAN_PARTY_ROLES}. */
export type PlanPartyRole = (typeof PLAN_PARTY_ROLES)[number];

/**
 * The other plans a client has with other bodies, linked from the activation plan so that one
 * plan set is seen instead of parallel ones (docs/domain.md §3.4, §5.2): the employment plan, TYP's
 * multisectoral employment plan, the provider's coaching plan, a rehabilitation plan, or another.
 */
export const LINKED_PLAN_KINDS = [
  'EMPLOYMENT_PLAN',
  'TYP_MULTISECTORAL_PLAN',
  'COACHING_PLAN',
  'REHABILITATION_PLAN',
  'OTHER',
] as const;

/** One of {@link LINKED_PLAN_KINDS}. */
export type LinkedPlanKind = (typeof LINKED_PLAN_KINDS)[number];

/** How many parties one plan can name. */
export const MAX_PLAN_PARTIES = 20;
/** How many linked plans one plan can name. */
export const MAX_LINKED_PLANS = 20;

/** An organisation that is a party to the plan, with its role. */
export class PlanParty {
  @FieldDoc('The organisation; organisations, never persons.')
  @IsUUID()
  readonly orgId!: string;

  @FieldDoc('The organisation’s role, e.g. the employment authority or the provider.')
  @IsIn(PLAN_PARTY_ROLES)
  readonly role!: PlanPartyRole;
}

/** Another plan of the client, by reference only: its content stays with the body that holds it. */
export class LinkedPlan {
  @FieldDoc('The kind of plan.')
  @IsIn(LINKED_PLAN_KINDS)
  readonly kind!: LinkedPlanKind;

  @FieldDoc('The plan’s number or id in the holding organisation’s own records; never its content.')
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @HasNoPersonalIdentityCode()
  readonly reference!: string;

  @FieldDoc(
    'The organisation that holds the plan, so a party knows whom to ask; absent when it is not in polku.',
  )
  @IsOptional()
  @IsUUID()
  readonly heldByOrgId?: string;
}

/**
 * Payload of ActivationPlanAgreed v1: the plan's frame — who agreed it, which other plans it
 * links, and when it is reviewed. Its goals follow as GoalSet events and its measures as
 * MeasureStarted events, so each can change without re-agreeing the whole plan.
 */
export class ActivationPlanAgreedPayload {
  @FieldDoc('The activation plan; later plan, goal and measure events name it.')
  @IsUUID()
  readonly planId!: string;

  @FieldDoc(
    'The version the parties agreed: 1 for a new plan, the next version when a renewed plan is agreed again at a review.',
  )
  @IsInt()
  @Min(1)
  readonly planVersion!: number;

  @FieldDoc('The organisations that agreed the plan with the client, each once, with their roles.')
  @IsListOf(() => PlanParty)
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_PLAN_PARTIES)
  // An item without an orgId stands for itself here; its own rules report it.
  @ArrayUnique((party: unknown) => (party as Partial<PlanParty> | null)?.orgId ?? party, {
    message: '$property must not name an organisation twice',
  })
  readonly parties!: PlanParty[];

  @FieldDoc(
    'True when the client agreed the plan; false when it was drawn up without the client’s agreement.',
  )
  @IsBoolean()
  readonly clientAgreed!: boolean;

  @FieldDoc(
    'The client’s other plans with other bodies, linked by reference only; empty when there are none.',
  )
  @IsListOf(() => LinkedPlan)
  @ArrayMaxSize(MAX_LINKED_PLANS)
  readonly linkedPlans!: LinkedPlan[];

  @FieldDoc(
    'When the plan is next reviewed; PlanReviewDue and PlanReviewOverdue fire on it (six months by default).',
  )
  @IsIsoDate()
  readonly reviewDate!: string;
}

/** The parties agree an activation plan with the client (docs/domain.md §10.2 S2, §3.4). */
export const ACTIVATION_PLAN_AGREED_V1 = defineEvent({
  subject: 'polku.plans.plan.activation-plan-agreed.v1',
  type: 'ActivationPlanAgreed',
  version: 1,
  // PLAN (docs/domain.md §9.3 "Plans and goals"): only the plan's parties and the client see it. It
  // carries no free text and no content of the linked plans, only their references.
  dataClass: 'PLAN',
  payloadClass: ActivationPlanAgreedPayload,
  summary:
    'The plan’s parties agreed an activation plan with the client: who the parties are, whether the client agreed, which of the client’s other plans it links, and when it is reviewed.',
  emittedBy:
    'activation-plans, for the employment authority and social services, jointly with the client (the provider present).',
});
