import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
} from 'class-validator';
import type { DataClass, OrgRole } from '../events/event-envelope';
import { IsUtcTimestamp } from '../events/event-validators';
import { FieldDoc } from '../field-doc.decorator';

/**
 * What an entry of the shared timeline is about (docs/meetings.md, "The shared timeline"): each
 * event type has exactly one kind, so a reader can filter by it.
 */
export const TIMELINE_ENTRY_KINDS = [
  'REFERRAL',
  'CONSENT',
  'INTAKE',
  'PLAN',
  'GOAL',
  'MEASURE',
  'ATTENDANCE',
  'PAUSE',
  'STATEMENT',
  'HANDOFF',
  'EXIT',
  'FOLLOW_UP',
  'WAIT',
  'ESCALATION',
  'MEETING',
  'ACTION_ITEM',
  'CLIENT_VOICE',
  'OWNERSHIP',
  'OTHER',
] as const;

/** One of {@link TIMELINE_ENTRY_KINDS}. */
export type TimelineEntryKind = (typeof TIMELINE_ENTRY_KINDS)[number];

/** The orders a timeline page can be read in: newest first (the default) or oldest first. */
export const TIMELINE_ORDERS = ['asc', 'desc'] as const;

/** One of {@link TIMELINE_ORDERS}. */
export type TimelineOrder = (typeof TIMELINE_ORDERS)[number];

/** A timeline position as text: a bigint does not fit a JSON number; at most 18 digits, in range. */
export const TIMELINE_POSITION_PATTERN = /^(0|[1-9]\d{0,17})$/;

/** Kinds at most in one timeline filter: each kind once. */
const MAX_KIND_FILTERS = TIMELINE_ENTRY_KINDS.length;

/**
 * One entry of a path's shared timeline as the network-meetings service answers it: an event of
 * any service with its kind, data class, source organisation, a summary that holds no identity,
 * the payload, and which of the path's current parties may see it now.
 */
export interface TimelineEntryView {
  /** The entry's place in the timeline store: increases with every entry written; as text. */
  readonly position: string;
  /** The event's envelope id. */
  readonly eventId: string;
  /** The event type, e.g. `ActivationPlanRevised`. */
  readonly eventType: string;
  readonly kind: TimelineEntryKind;
  /** When the event happened (ISO-8601 UTC). */
  readonly occurredAt: string;
  readonly dataClass: DataClass;
  /** The organisation that emitted the event. */
  readonly sourceOrgId: string;
  readonly sourceOrgRole: OrgRole;
  /** What happened, in English: categories, dates and counts, never names or free text. */
  readonly summary: string;
  /** The event's payload. */
  readonly data: unknown;
  /** The organisation ids of the path's current parties that may see this entry now. */
  readonly visibleTo: readonly string[];
}

/**
 * The filters of `MEETING_COMMANDS.listTimeline` (GET /api/v1/paths/{pathId}/timeline), sent
 * beside `pathId`, `limit` and `cursor`: every given filter must hold.
 */
export class ListTimelineQuery {
  @FieldDoc('Only entries of these kinds; every kind when absent.')
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_KIND_FILTERS)
  @ArrayUnique({ message: '$property must not contain duplicates' })
  @IsIn(TIMELINE_ENTRY_KINDS, {
    each: true,
    message: '$property must contain only the following values: $constraint1',
  })
  readonly kind?: TimelineEntryKind[];

  @FieldDoc('Only entries emitted by this organisation.')
  @IsOptional()
  @IsUUID()
  readonly orgId?: string;

  @FieldDoc('Only entries that happened at or after this instant.', {
    example: '2026-01-01T00:00:00.000Z',
  })
  @IsOptional()
  @IsUtcTimestamp()
  readonly from?: string;

  @FieldDoc('Only entries that happened before this instant.', {
    example: '2027-01-01T00:00:00.000Z',
  })
  @IsOptional()
  @IsUtcTimestamp()
  readonly to?: string;

  @FieldDoc('`desc` (newest first, the default) or `asc` (oldest first).')
  @IsOptional()
  @IsIn(TIMELINE_ORDERS)
  readonly order?: TimelineOrder;
}

/** The largest batch `timelineSince` answers in one reply. */
export const MAX_TIMELINE_SINCE_LIMIT = 500;

/**
 * `MEETING_COMMANDS.timelineSince`: the entries after a position that the caller may see,
 * oldest first (the live helper's catch-up and resumption).
 */
export class TimelineSinceQuery {
  @FieldDoc('The path.')
  @IsUUID()
  readonly pathId!: string;

  @FieldDoc('The last position the caller has; `0` for the start of the timeline.', {
    example: '42',
  })
  @IsString()
  @Matches(TIMELINE_POSITION_PATTERN, { message: '$property must be a position (digits)' })
  readonly afterPosition!: string;

  @FieldDoc('At most this many entries; MAX_TIMELINE_SINCE_LIMIT when absent.')
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_TIMELINE_SINCE_LIMIT)
  readonly limit?: number;

  @FieldDoc(
    'Meeting mode: only entries every one of these organisations may see (the caller’s own access still applies).',
  )
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: '$property must contain only UUIDs' })
  readonly visibleToAllOf?: string[];
}

/** What `MEETING_COMMANDS.timelineSince` answers. */
export interface TimelineSinceReply {
  /** The entries after the position that the caller may see, oldest first. */
  readonly entries: readonly TimelineEntryView[];
  /**
   * True when more than LIVE_RESUME_MAX_ENTRIES entries follow the position: the caller should
   * reload the timeline instead of catching up entry by entry (entries is then empty).
   */
  readonly gapTooLarge: boolean;
}

/**
 * POST /api/v1/paths/{pathId}/meetings/{meetingId}/decisions/{decisionId}/link
 * (`MEETING_COMMANDS.linkDecision`): the event of the command that carried out a decision of a
 * held meeting, on the same path, of a type DECISION_CARRYING_EVENTS allows for its kind.
 */
export class LinkDecisionCommand {
  @FieldDoc('The envelope id of the event that carried the decision out, as on the timeline.')
  @IsUUID()
  readonly eventId!: string;
}
