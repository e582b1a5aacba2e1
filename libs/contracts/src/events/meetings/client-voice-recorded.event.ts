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
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { HasNoPersonalIdentityCode, IsRequiredOnlyWhen, WHEN_PRESENT } from '../event-validators';

/**
 * The kinds of client voice (docs/domain.md §7): own goals in the client's own words, the client's
 * view in a meeting, a disagreement, a wish for the next step.
 */
export const CLIENT_VOICE_KINDS = [
  'OWN_GOALS',
  'MEETING_VIEW',
  'DISAGREEMENT',
  'NEXT_STEP_WISH',
] as const;

/** One of {@link CLIENT_VOICE_KINDS}. */
export type ClientVoiceKind = (typeof CLIENT_VOICE_KINDS)[number];

/** Who wrote it: the client, or a worker with the client ("dictated to"). */
export const CLIENT_VOICE_AUTHORS = ['CLIENT', 'WITH_WORKER'] as const;

/** One of {@link CLIENT_VOICE_AUTHORS}. */
export type ClientVoiceAuthor = (typeof CLIENT_VOICE_AUTHORS)[number];

/**
 * Who the client lets see the entry (docs/domain.md §8.3: "the client decides the visibility of
 * each entry"), always among the path's current parties:
 * - WRITER_ORGANISATION: only the organisation that recorded it;
 * - NAMED_ORGANISATIONS: that organisation and the ones named;
 * - WHOLE_NETWORK: every party of the path.
 */
export const CLIENT_VOICE_VISIBILITIES = [
  'WRITER_ORGANISATION',
  'NAMED_ORGANISATIONS',
  'WHOLE_NETWORK',
] as const;

/** One of {@link CLIENT_VOICE_VISIBILITIES}. */
export type ClientVoiceVisibility = (typeof CLIENT_VOICE_VISIBILITIES)[number];

/** At most this many characters in one client-voice entry. */
export const MAX_CLIENT_VOICE_LENGTH = 2000;
/** At most this many organisations named for one entry. */
export const MAX_CLIENT_VOICE_ORGANISATIONS = 20;

/**
 * The basis an entry of client voice is shared on: the client's own choice of who sees it, made
 * when it was written (docs/meetings.md). The envelope's legalBasis.
 */
export const CLIENT_VOICE_VISIBILITY_BASIS = 'The client’s own choice of who sees the entry';

/** Payload of ClientVoiceRecorded v1: the client's own words, with the visibility the client chose. */
export class ClientVoiceRecordedPayload {
  @FieldDoc('The entry.')
  @IsUUID()
  readonly entryId!: string;

  @FieldDoc('What it is: own goals, a view in a meeting, a disagreement, a wish for the next step.')
  @IsIn(CLIENT_VOICE_KINDS)
  readonly kind!: ClientVoiceKind;

  @FieldDoc('Written by the client, or by a worker with the client.')
  @IsIn(CLIENT_VOICE_AUTHORS)
  readonly author!: ClientVoiceAuthor;

  @FieldDoc(
    'The client’s words; no identity code, and no health detail unless the client writes it.',
  )
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_CLIENT_VOICE_LENGTH)
  @HasNoPersonalIdentityCode()
  readonly text!: string;

  @FieldDoc('Who the client lets see it.')
  @IsIn(CLIENT_VOICE_VISIBILITIES)
  readonly visibility!: ClientVoiceVisibility;

  @FieldDoc('The organisations named, for NAMED_ORGANISATIONS only.')
  @IsRequiredOnlyWhen('visibility', ['NAMED_ORGANISATIONS'])
  @IsArray(WHEN_PRESENT)
  @ArrayNotEmpty(WHEN_PRESENT)
  @ArrayMaxSize(MAX_CLIENT_VOICE_ORGANISATIONS, WHEN_PRESENT)
  @ArrayUnique({ ...WHEN_PRESENT, message: '$property must not contain duplicates' })
  @IsUUID('all', { ...WHEN_PRESENT, each: true, message: '$property must contain only UUIDs' })
  readonly visibleToOrgIds?: string[];

  @FieldDoc('The meeting it was said in; required for MEETING_VIEW, optional otherwise.')
  @IsOptional()
  @IsUUID()
  readonly meetingId?: string;
}

/** The client's voice is recorded, by the client or with a worker (docs/domain.md §10.2). */
export const CLIENT_VOICE_RECORDED_V1 = defineEvent({
  subject: 'polku.meetings.client-voice.client-voice-recorded.v1',
  type: 'ClientVoiceRecorded',
  version: 1,
  dataClass: 'CLIENT_VOICE',
  payloadClass: ClientVoiceRecordedPayload,
  summary:
    'The client’s own words were recorded — own goals, a view in a meeting, a disagreement or a wish for the next step — with the visibility the client chose.',
  emittedBy: 'network-meetings, for the worker who recorded it with the client.',
});
