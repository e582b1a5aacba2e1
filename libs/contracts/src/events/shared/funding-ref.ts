import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { FieldDoc } from '../../field-doc.decorator';
import { HasNoPersonalIdentityCode } from '../event-validators';

/**
 * What a client's place in a measure is funded or decided by (docs/domain.md §10.2 S0): a Kela
 * payment commitment, a pay-subsidy decision, or the activation plan.
 */
export const FUNDING_KINDS = [
  'KELA_PAYMENT_COMMITMENT',
  'PAY_SUBSIDY_DECISION',
  'ACTIVATION_PLAN',
] as const;

/** One of {@link FUNDING_KINDS}. */
export type FundingKind = (typeof FUNDING_KINDS)[number];

/** A reference to the decision or commitment that funds a measure; never its content. */
export class FundingRef {
  @FieldDoc('The kind of funding decision or commitment.')
  @IsIn(FUNDING_KINDS)
  readonly kind!: FundingKind;

  @FieldDoc(
    'The decision’s or commitment’s number or id in the issuing organisation’s own records.',
  )
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @HasNoPersonalIdentityCode()
  readonly reference!: string;
}
