import { IsBoolean, IsIn, IsString, Length } from 'class-validator';
import { ORG_ROLES, type OrgRole } from '../events/event-envelope';
import { FieldDoc } from '../field-doc.decorator';

// Clients and system processes are roles of a principal, not of a registered organisation.
const REGISTRABLE_ORG_ROLES = ORG_ROLES.filter((role) => role !== 'CLIENT' && role !== 'SYSTEM');

/** PUT /api/v1/organisations/{orgId}: an administrator registers or renames an organisation. */
export class RegisterOrganisationCommand {
  @FieldDoc('The organisation’s name as its workers see it.', {
    example: 'Kainuun työllisyysalue (Kajaani)',
  })
  @IsString()
  @Length(1, 200)
  name!: string;

  @FieldDoc('What the organisation is on clients’ paths: a referrer, a provider, a host…')
  @IsIn(REGISTRABLE_ORG_ROLES)
  role!: OrgRole;

  @FieldDoc('False retires it: no new referrals to it.')
  @IsBoolean()
  active!: boolean;
}
