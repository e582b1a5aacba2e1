import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsUUID,
} from 'class-validator';
import { FieldDoc } from '../../field-doc.decorator';
import { MEETING_PARTICIPANT_ROLES, type MeetingParticipantRole } from './meeting-kinds';

/** An organisation invited to, or present at, a meeting, with the roles it sends. */
export class MeetingParticipant {
  @FieldDoc('The organisation; organisations and roles, never persons.')
  @IsUUID()
  readonly orgId!: string;

  @FieldDoc('The professional roles the organisation sends, each once.')
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MEETING_PARTICIPANT_ROLES.length)
  @ArrayUnique({ message: '$property must not contain duplicates' })
  @IsIn(MEETING_PARTICIPANT_ROLES, {
    each: true,
    message: '$property must contain only the following values: $constraint1',
  })
  readonly roles!: MeetingParticipantRole[];

  @FieldDoc(
    'The client’s consent (ConsentGranted.consentId) that lets an experiential expert of this organisation take part: required when the roles include EXPERIENTIAL_EXPERT; the consent must name the organisation, have the purpose EXPERT_PARTICIPATION and be in force.',
  )
  @IsOptional()
  @IsUUID()
  readonly expertConsentRef?: string;
}
