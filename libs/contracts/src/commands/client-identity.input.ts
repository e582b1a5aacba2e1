import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { FUNDING_KINDS, type FundingKind } from '../events/shared/funding-ref';
import { IsIsoDate } from '../events/validators/value-formats';
import { FieldDoc } from '../field-doc.decorator';
import { RequiresOneOf } from '../requires-one-of.decorator';

/** The client's language of service: Finnish, Swedish or another language. */
export const CLIENT_LANGUAGES = ['fi', 'sv', 'other'] as const;
/** One of CLIENT_LANGUAGES. */
export type ClientLanguage = (typeof CLIENT_LANGUAGES)[number];

/** The client's postal address. */
export class PostalAddressInput {
  @FieldDoc('Street address with the building and the flat.', { example: 'Kauppakatu 1 A 2' })
  @IsString()
  @Length(1, 200)
  street!: string;

  @FieldDoc('Finnish postal code, five digits.', { example: '87100' })
  @Matches(/^\d{5}$/, { message: 'postalCode must be five digits' })
  postalCode!: string;

  @FieldDoc('Post office, usually the town.', { example: 'Kajaani' })
  @IsString()
  @Length(1, 100)
  city!: string;
}

/**
 * Who the client is. Stored only in client-intake, encrypted; never in events or logs. A client
 * awaiting registration has a temporary code (individual number 900–999) or none: then the
 * birth date is required and the client's identity is "not verified" (docs/identity.md).
 */
@RequiresOneOf('personalIdentityCode', 'birthDate')
export class ClientIdentityInput {
  @FieldDoc(
    'Finnish personal identity code (henkilötunnus), checksum and century sign validated: a permanent code, or a temporary one (individual number 900–999) for a person awaiting registration. Leave it out when the client has none; then `birthDate` is required. A temporary code or none makes a client whose identity is not verified, never matched to another client.',
    { example: '131052-308T' },
  )
  @IsOptional()
  @IsString()
  @Length(10, 20)
  personalIdentityCode?: string;

  @FieldDoc(
    'Birth date, required when there is no `personalIdentityCode`; with a code it must be the code’s birth date.',
    { example: '1952-10-13' },
  )
  @ValidateIf(
    (input: ClientIdentityInput) =>
      input.personalIdentityCode === undefined || input.birthDate !== undefined,
  )
  @IsIsoDate()
  birthDate?: string;

  @FieldDoc('All given names.', { example: 'Aino Maria' })
  @IsString()
  @Length(1, 100)
  givenNames!: string;

  @FieldDoc('The family name.', { example: 'Virtanen' })
  @IsString()
  @Length(1, 100)
  familyName!: string;

  @FieldDoc('Language of service: fi, sv or other.')
  @IsIn(CLIENT_LANGUAGES)
  language!: ClientLanguage;

  @FieldDoc('Phone number: digits, spaces and an optional +.', { example: '+358401234567' })
  @IsOptional()
  @Matches(/^\+?[0-9 ]{5,20}$/, { message: 'phone must be digits, spaces and an optional +' })
  phone?: string;

  @FieldDoc('E-mail address.', { example: 'aino.virtanen@example.fi' })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string;

  @FieldDoc('Postal address.')
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PostalAddressInput)
  address?: PostalAddressInput;

  @FieldDoc(
    'Address protection (turvakielto): the address is never shown outside the owning organisation.',
  )
  @IsBoolean()
  addressProtected!: boolean;
}

/** The funding decision the referred measure runs under. */
export class FundingRefInput {
  @FieldDoc('The kind of funding decision.')
  @IsIn(FUNDING_KINDS)
  kind!: FundingKind;

  @FieldDoc('The decision’s number in the funder’s records.', { example: 'AP-2026-0042' })
  @IsString()
  @Length(1, 100)
  reference!: string;
}
