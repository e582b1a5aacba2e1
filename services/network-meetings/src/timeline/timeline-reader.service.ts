import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import { NetworkMeetingsConfig } from '@polku/config';
import {
  ListTimelineQuery,
  MAX_TIMELINE_SINCE_LIMIT,
  type Page,
  pageFromRows,
  type TimelineEntryView,
  type TimelineSinceQuery,
  type TimelineSinceReply,
} from '@polku/contracts';
import { readPathAccessFacts } from '@polku/path-access';
import { PathNotVisibleError, type ServicePage } from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { timelineEntryView } from './timeline-views';
import {
  timelinePage,
  timelinePositionOf,
  timelineSince,
  TIMELINE_SORT,
} from './timeline.repository';
import {
  organisationViewerOf,
  partyViewersOf,
  timelineViewerOf,
  type TimelineViewer,
} from './timeline-visibility';

/**
 * Reads a path's timeline for one caller: the caller's visibility is decided once per request
 * on the path's access facts and applied in SQL; each answered entry names the current parties
 * that may see it. A caller that may see nothing of the path gets the same 404 as for a path
 * that does not exist.
 */
@Injectable()
export class TimelineReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: NetworkMeetingsConfig,
  ) {}

  private async viewers(principal: Principal, pathId: string, at: Date) {
    const facts = await readPathAccessFacts(this.dataSource, pathId);
    const caller = timelineViewerOf(principal, facts, at);
    // The path itself (PATH) is what every party on a consent or legal basis sees first; a
    // caller without it may not learn the path exists, as the gateway decides too.
    if (!caller.dataClasses.includes('PATH')) {
      throw new PathNotVisibleError();
    }
    return { facts, caller, parties: partyViewersOf(facts, at) };
  }

  async list(
    principal: Principal,
    request: {
      readonly pathId: string;
      readonly page: ServicePage;
      readonly filters: ListTimelineQuery;
    },
  ): Promise<Page<TimelineEntryView>> {
    const at = new Date();
    const { caller, parties } = await this.viewers(principal, request.pathId, at);
    const order = request.filters.order ?? 'desc';
    const rows = await timelinePage(this.dataSource, {
      pathId: request.pathId,
      viewer: caller,
      ...(request.filters.kind === undefined ? {} : { kinds: request.filters.kind }),
      ...(request.filters.orgId === undefined ? {} : { orgId: request.filters.orgId }),
      ...(request.filters.from === undefined ? {} : { from: request.filters.from }),
      ...(request.filters.to === undefined ? {} : { to: request.filters.to }),
      order,
      limit: request.page.limit,
      ...(request.page.after === undefined ? {} : { after: request.page.after }),
    });
    return pageFromRows({
      rows,
      limit: request.page.limit,
      positionOf: timelinePositionOf,
      toItem: (row) => timelineEntryView(row, parties),
      sort: TIMELINE_SORT[order],
    });
  }

  async since(principal: Principal, query: TimelineSinceQuery): Promise<TimelineSinceReply> {
    const at = new Date();
    const { facts, caller, parties } = await this.viewers(principal, query.pathId, at);
    const max = this.config.LIVE_RESUME_MAX_ENTRIES;
    const viewers: TimelineViewer[] = [
      caller,
      ...(query.visibleToAllOf ?? []).map((orgId) => organisationViewerOf(orgId, facts, at)),
    ];
    // One row more than may be caught up says whether the gap is too large.
    const rows = await timelineSince(this.dataSource, {
      pathId: query.pathId,
      afterPosition: query.afterPosition,
      viewers,
      limit: max + 1,
    });
    if (rows.length > max) {
      return { entries: [], gapTooLarge: true };
    }
    const limit = Math.min(query.limit ?? MAX_TIMELINE_SINCE_LIMIT, MAX_TIMELINE_SINCE_LIMIT);
    return {
      entries: rows.slice(0, limit).map((row) => timelineEntryView(row, parties)),
      gapTooLarge: false,
    };
  }
}
