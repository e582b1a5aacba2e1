import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsOptional,
  IsUUID,
} from 'class-validator';
import { MAX_CONSENT_ORGANISATIONS } from '../events/intake/consent-granted.event';
import {
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  CONSENTABLE_DATA_CLASSES,
  type ConsentableDataClass,
  type ConsentMethod,
  type ConsentPurpose,
} from '../events/shared/consent';
import { IsIsoDate } from '../events/event-validators';
import { FieldDoc } from '../field-doc.decorator';

/** The client's consent, recorded by the worker, for the receiver to see data classes. */
export class ConsentInput {
  @FieldDoc('The data classes the consent covers, each once.')
  @IsIn(CONSENTABLE_DATA_CLASSES, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  dataClasses!: ConsentableDataClass[];

  @FieldDoc('Organisations the consent names (uuids); not persons.')
  @IsUUID('all', { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CONSENT_ORGANISATIONS)
  @ArrayUnique()
  orgIds!: string[];

  @FieldDoc('How the client gave the consent.')
  @IsIn(CONSENT_METHODS)
  howGiven!: ConsentMethod;

  @FieldDoc('What the consented data may be used for.')
  @IsIn(CONSENT_PURPOSES)
  purpose!: ConsentPurpose;

  @FieldDoc('Last day of validity.', { example: '2027-06-30' })
  @IsOptional()
  @IsIsoDate()
  validTo?: string;
}

/** POST /api/v1/paths/{pathId}/consents: the client consents to share data classes. */
export class GrantConsentCommand extends ConsentInput {}

/**
 * POST /api/v1/paths/{pathId}/consents/{consentId}/withdrawal. The organisation that recorded the
 * consent withdraws it; the one holding the client relationship also may, on the client's
 * explicit request, which the record then says (docs/auth.md, "Consent and referral rules").
 */
export class WithdrawConsentCommand {
  @FieldDoc('The client asked for the withdrawal (needed when another organisation recorded it).')
  @IsOptional()
  @IsBoolean()
  onClientRequest?: boolean;
}
