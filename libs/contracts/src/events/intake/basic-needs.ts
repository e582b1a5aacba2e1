import { IsIn } from 'class-validator';
import { FieldDoc } from '../../field-doc.decorator';

/**
 * The "basics in order" checklist of intake (docs/domain.md §3.3): housing, benefits, permits, debts
 * and treatment come before goal-oriented work. Support
 * services are not an item: they are referred with ParallelServiceReferred.
 */
export const BASICS_CHECKLIST_ITEMS = [
  'housing',
  'benefits',
  'permits',
  'debts',
  'treatment',
] as const;

/** One of {@link BASICS_CHECKLIST_ITEMS}. */
export type BasicsChecklistItem = (typeof BASICS_CHECKLIST_ITEMS)[number];

/** The state of one checklist item. An OPEN item blocks nothing but becomes an action item. */
export const BASIC_NEED_STATUSES = ['IN_ORDER', 'OPEN', 'NOT_APPLICABLE'] as const;

/** One of {@link BASIC_NEED_STATUSES}. */
export type BasicNeedStatus = (typeof BASIC_NEED_STATUSES)[number];

/**
 * What kind of basic-need issue is open (docs/domain.md §10.2 S1): rent arrears and
 * eviction threats, a benefit without a decision, debts or enforcement, a missing permit,
 * treatment that has to start first, or another basic matter.
 */
export const BASIC_NEED_ISSUE_KINDS = [
  'HOUSING_ARREARS',
  'EVICTION_THREAT',
  'NO_BENEFIT_DECISION',
  'DEBT',
  'PERMIT_MISSING',
  'TREATMENT_NOT_STARTED',
  'OTHER',
] as const;

/** One of {@link BASIC_NEED_ISSUE_KINDS}. */
export type BasicNeedIssueKind = (typeof BASIC_NEED_ISSUE_KINDS)[number];

/** The checklist item each issue kind opens; OTHER belongs to no item. */
export const CHECKLIST_ITEM_OF_BASIC_NEED_ISSUE_KIND: Readonly<
  Record<BasicNeedIssueKind, BasicsChecklistItem | null>
> = {
  HOUSING_ARREARS: 'housing',
  EVICTION_THREAT: 'housing',
  NO_BENEFIT_DECISION: 'benefits',
  DEBT: 'debts',
  PERMIT_MISSING: 'permits',
  TREATMENT_NOT_STARTED: 'treatment',
  OTHER: null,
};

/**
 * How a basic-need issue was resolved:
 * - IN_ORDER: the matter is in order now;
 * - PAYMENT_PLAN_AGREED: a payment plan was agreed, e.g. for rent arrears;
 * - DECISION_RECEIVED: the benefit or permit decision arrived;
 * - SERVICE_STARTED: the service that takes it on started, e.g. debt counselling or treatment;
 * - NO_LONGER_RELEVANT: the situation changed and the issue no longer applies;
 * - CLIENT_DECLINED: the client chose not to pursue it (self-determination).
 */
export const BASIC_NEED_RESOLUTIONS = [
  'IN_ORDER',
  'PAYMENT_PLAN_AGREED',
  'DECISION_RECEIVED',
  'SERVICE_STARTED',
  'NO_LONGER_RELEVANT',
  'CLIENT_DECLINED',
] as const;

/** One of {@link BASIC_NEED_RESOLUTIONS}. */
export type BasicNeedResolution = (typeof BASIC_NEED_RESOLUTIONS)[number];

/** The "basics in order" checklist at intake, one status per item; never the details. */
export class BasicsChecklist {
  @FieldDoc('Housing: a home, rent paid, no eviction threat.')
  @IsIn(BASIC_NEED_STATUSES)
  readonly housing!: BasicNeedStatus;

  @FieldDoc(
    'Benefits: the client has applied for and received the benefit decisions they are entitled to.',
  )
  @IsIn(BASIC_NEED_STATUSES)
  readonly benefits!: BasicNeedStatus;

  @FieldDoc('Permits: the permits the client needs, e.g. a residence or work permit, are valid.')
  @IsIn(BASIC_NEED_STATUSES)
  readonly permits!: BasicNeedStatus;

  @FieldDoc('Debts: no unmanaged debts or enforcement; a flag only, never amounts or creditors.')
  @IsIn(BASIC_NEED_STATUSES)
  readonly debts!: BasicNeedStatus;

  @FieldDoc(
    'Treatment: any treatment that has to come first has started; a flag only, never what the treatment is.',
  )
  @IsIn(BASIC_NEED_STATUSES)
  readonly treatment!: BasicNeedStatus;
}
