import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import {
  HasNoPersonalIdentityCode,
  IsRequiredOnlyWhen,
  WHEN_PRESENT,
} from '../events/event-validators';
import {
  CLIENT_VOICE_AUTHORS,
  CLIENT_VOICE_KINDS,
  CLIENT_VOICE_VISIBILITIES,
  MAX_CLIENT_VOICE_LENGTH,
  MAX_CLIENT_VOICE_ORGANISATIONS,
  type ClientVoiceAuthor,
  type ClientVoiceKind,
  type ClientVoiceVisibility,
} from '../events/meetings/client-voice-recorded.event';
import { FieldDoc } from '../field-doc.decorator';

/** The client's own view of a meeting: its words and who the client lets see them. */
export class MeetingClientViewInput {
  @FieldDoc('Written by the client, or by a worker with the client.')
  @IsIn(CLIENT_VOICE_AUTHORS)
  author!: ClientVoiceAuthor;

  @FieldDoc('The client’s words; no identity code.', {
    example: 'I want to try the work trial before deciding.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_CLIENT_VOICE_LENGTH)
  @HasNoPersonalIdentityCode()
  text!: string;

  @FieldDoc(
    'Who the client lets see it, among the path’s current parties: the writer’s organisation, named organisations, the whole network.',
  )
  @IsIn(CLIENT_VOICE_VISIBILITIES)
  visibility!: ClientVoiceVisibility;

  @FieldDoc(
    'The organisations named, for NAMED_ORGANISATIONS only. The client may name any organisation; the timeline shows the entry only to those that are current parties of the path.',
  )
  @IsRequiredOnlyWhen('visibility', ['NAMED_ORGANISATIONS'])
  @IsArray(WHEN_PRESENT)
  @ArrayNotEmpty(WHEN_PRESENT)
  @ArrayMaxSize(MAX_CLIENT_VOICE_ORGANISATIONS, WHEN_PRESENT)
  @ArrayUnique({ ...WHEN_PRESENT, message: '$property must not contain duplicates' })
  @IsUUID('all', { ...WHEN_PRESENT, each: true, message: '$property must contain only UUIDs' })
  visibleToOrgIds?: string[];
}

/** POST /api/v1/paths/{pathId}/client-voice: the client's own words, with their visibility. */
export class RecordClientVoiceCommand extends MeetingClientViewInput {
  @FieldDoc('What it is: own goals, a view in a meeting, a disagreement, a wish for the next step.')
  @IsIn(CLIENT_VOICE_KINDS)
  kind!: ClientVoiceKind;

  @FieldDoc('The meeting it was said in: a meeting of this path; required for MEETING_VIEW.')
  @IsOptional()
  @IsUUID()
  meetingId?: string;
}
