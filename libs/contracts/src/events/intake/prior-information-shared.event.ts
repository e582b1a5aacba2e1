import { ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { CONSENTABLE_DATA_CLASSES, type ConsentableDataClass } from '../shared/consent';

/**
 * Payload of PriorInformationShared v1: what kinds of prior information went to the receiving
 * worker. The content stays in the package; the consent that covers it is the
 * envelope's `consentRef`.
 */
export class PriorInformationSharedPayload {
  @FieldDoc('The referral the information belongs to, as in ClientReferred.')
  @IsUUID()
  readonly referralId!: string;

  @FieldDoc(
    'The package of prior information, as in ClientReferred’s `priorInformationRef`; its content never travels in an event.',
  )
  @IsUUID()
  readonly packageId!: string;

  @FieldDoc(
    'The data classes the package contains; the envelope’s consent or legal basis must cover each of them.',
  )
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique({ message: '$property must not contain duplicates' })
  @IsIn(CONSENTABLE_DATA_CLASSES, {
    each: true,
    message: '$property must contain only the following values: $constraint1',
  })
  readonly dataClasses!: ConsentableDataClass[];

  @FieldDoc('The organisation the package was shared with: the receiver of the referral.')
  @IsUUID()
  readonly toOrgId!: string;
}

/** The referrer shares prior information with the receiver (docs/domain.md §10.2 S0). */
export const PRIOR_INFORMATION_SHARED_V1 = defineEvent({
  subject: 'polku.intake.referral.prior-information-shared.v1',
  type: 'PriorInformationShared',
  version: 1,
  dataClass: 'PATH',
  payloadClass: PriorInformationSharedPayload,
  summary:
    'The referring organisation shared a package of prior information with the receiving organisation; the event names only the data classes it contains.',
  emittedBy: 'The referring organisation, through client-intake.',
});
