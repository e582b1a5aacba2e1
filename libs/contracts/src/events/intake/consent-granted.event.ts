import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsUUID,
} from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsIsoDate, IsNotBefore } from '../event-validators';
import {
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  CONSENTABLE_DATA_CLASSES,
  type ConsentableDataClass,
  type ConsentMethod,
  type ConsentPurpose,
} from '../shared/consent';

/** How many organisations one consent record can name. */
export const MAX_CONSENT_ORGANISATIONS = 50;

/**
 * Payload of ConsentGranted v1: the client consents that the named organisations may see the
 * named data classes for one purpose (docs/domain.md §9.3). The record is immutable; a withdrawal is
 * a new record.
 */
export class ConsentGrantedPayload {
  @FieldDoc('The consent record; events it covers name it in the envelope’s `consentRef`.')
  @IsUUID()
  readonly consentId!: string;

  @FieldDoc(
    'The organisations the consent lets see the data classes; organisations, never persons.',
  )
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_CONSENT_ORGANISATIONS)
  @ArrayUnique({ message: '$property must not contain duplicates' })
  @IsUUID('all', { each: true, message: '$property must contain only UUIDs' })
  readonly orgIds!: string[];

  @FieldDoc(
    'The data classes the consent covers; never `AGGREGATE`, which is not client-level data.',
  )
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique({ message: '$property must not contain duplicates' })
  @IsIn(CONSENTABLE_DATA_CLASSES, {
    each: true,
    message: '$property must contain only the following values: $constraint1',
  })
  readonly dataClasses!: ConsentableDataClass[];

  @FieldDoc('What the organisations may use the data for.')
  @IsIn(CONSENT_PURPOSES)
  readonly purpose!: ConsentPurpose;

  @FieldDoc('The first day the consent covers.')
  @IsIsoDate()
  readonly validFrom!: string;

  @FieldDoc(
    'The last day the consent covers, inclusive, so it may equal `validFrom`; absent when the consent holds until it is withdrawn.',
  )
  @IsOptional()
  @IsIsoDate()
  @IsNotBefore('validFrom')
  readonly validTo?: string;

  @FieldDoc('How the client gave the consent.')
  @IsIn(CONSENT_METHODS)
  readonly howGiven!: ConsentMethod;

  @FieldDoc('The organisation whose worker recorded the consent.')
  @IsUUID()
  readonly recordedByOrgId!: string;
}

/** The client grants a consent (docs/domain.md §10.2 S0, §9.3). */
export const CONSENT_GRANTED_V1 = defineEvent({
  subject: 'polku.intake.consent.consent-granted.v1',
  type: 'ConsentGranted',
  version: 1,
  dataClass: 'PATH',
  payloadClass: ConsentGrantedPayload,
  summary:
    'The client consented that the named organisations may see the named data classes of their path for one purpose, from a date and optionally until a date.',
  emittedBy:
    'client-intake, when a worker records the client’s consent (self-service by the client comes later).',
});
