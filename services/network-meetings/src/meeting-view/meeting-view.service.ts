import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import {
  DATA_CLASSES,
  type DataClass,
  MEETING_VIEW_SECTION_CLASSES,
  type MeetingView,
} from '@polku/contracts';
import { readPathAccessFacts } from '@polku/path-access';
import { NotFoundError, PathNotVisibleError } from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { timelineEntryView } from '../timeline/timeline-views';
import {
  organisationViewerOf,
  partyViewersOf,
  timelineViewerOf,
} from '../timeline/timeline-visibility';
import {
  ACTION_ITEM_EVENT_TYPES,
  composeMeetingView,
  DECISION_EVENT_TYPES,
  HANDOFF_EVENT_TYPES,
  MEETING_EVENT_TYPES,
  meetingOf,
  PLAN_EVENT_TYPES,
  type ViewEntry,
} from './meeting-view-composer';
import { meetingRows, newestPosition, rowsVisibleToAll } from './meeting-view.repository';

/** Entries of the view's "latest" list. */
export const LATEST_ENTRIES = 20;

const SECTION_EVENT_TYPES = [
  ...new Set<string>([
    ...PLAN_EVENT_TYPES,
    ...ACTION_ITEM_EVENT_TYPES,
    ...HANDOFF_EVENT_TYPES,
    ...DECISION_EVENT_TYPES,
  ]),
];

const SECTION_CLASSES = [...new Set<DataClass>(Object.values(MEETING_VIEW_SECTION_CLASSES))];

const toViewEntry = (row: {
  position: string;
  event_type: string;
  occurred_at: string;
  data: unknown;
}): ViewEntry => ({
  position: row.position,
  eventType: row.event_type,
  occurredAt: row.occurred_at,
  data: row.data,
});

/**
 * Meeting mode (docs/meetings.md): the view of one meeting for the screen everyone present
 * looks at. The caller must see the path; the content is what the caller AND every invited
 * organisation may see now, by the timeline's own visibility rule, so nothing appears on the
 * shared screen that one organisation in the room could not read for itself.
 */
@Injectable()
export class MeetingViewService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async view(
    principal: Principal,
    request: { readonly pathId: string; readonly meetingId: string },
  ): Promise<MeetingView> {
    const { pathId } = request;
    const at = new Date();
    // The position first: the view holds at least everything up to it, so a live stream
    // resuming there loses nothing (it may repeat an entry the view already shows).
    const position = await newestPosition(this.dataSource, pathId);
    const facts = await readPathAccessFacts(this.dataSource, pathId);
    const caller = timelineViewerOf(principal, facts, at);
    if (!caller.dataClasses.includes('PATH')) {
      throw new PathNotVisibleError();
    }
    const meeting = meetingOf(
      (await meetingRows(this.dataSource, { ...request, eventTypes: MEETING_EVENT_TYPES })).map(
        toViewEntry,
      ),
    );
    if (meeting === undefined) {
      throw new NotFoundError('no such meeting on this path');
    }
    const viewers = [
      caller,
      ...meeting.invitees.map((invitee) => organisationViewerOf(invitee.orgId, facts, at)),
    ];
    const withheld = DATA_CLASSES.filter(
      (dataClass) =>
        SECTION_CLASSES.includes(dataClass) &&
        !viewers.every((viewer) => viewer.dataClasses.includes(dataClass)),
    );
    const [sectionRows, latestRows] = await Promise.all([
      rowsVisibleToAll(this.dataSource, { pathId, viewers, eventTypes: SECTION_EVENT_TYPES }),
      rowsVisibleToAll(this.dataSource, { pathId, viewers, newest: LATEST_ENTRIES }),
    ]);
    const parties = partyViewersOf(facts, at);
    return composeMeetingView({
      pathId,
      meeting,
      withheld,
      sectionEntries: sectionRows.map(toViewEntry),
      latestEntries: latestRows.map((row) => timelineEntryView(row, parties)),
      position,
    });
  }
}
