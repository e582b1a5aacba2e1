import type { DataClass } from '@polku/contracts';

// Stand-in until TimelineEntryView (libs/contracts timeline-queries.ts) is merged.
/** What the hub relies on of a timeline entry. */
export interface TimelineEntryView {
  readonly position: string;
  readonly dataClass: DataClass;
  readonly [field: string]: unknown;
}

/** What `MEETING_COMMANDS.timelineSince` answers. */
export interface TimelineSinceReply {
  readonly entries: readonly TimelineEntryView[];
  readonly gapTooLarge: boolean;
}
